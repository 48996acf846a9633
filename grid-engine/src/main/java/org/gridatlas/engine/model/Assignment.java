package org.gridatlas.engine.model;

/** One row of assignments.csv: a building (or one unit of it, see {@link BuildingKey}) and its grid. */
public record Assignment(String buildingKey, String gridCode) {

    public BuildingKey key() {
        return BuildingKey.parse(buildingKey);
    }

    /** The building, whether the key names it or one of its units. */
    public String buildingId() {
        return BuildingKey.buildingOf(buildingKey);
    }
}
