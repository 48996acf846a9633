package org.gridatlas.engine.model;

/** One row of assignments.csv: a building (or {@code building#unit}) and its grid. */
public record Assignment(String buildingKey, String gridCode) {

    public static String unitKey(String buildingId, String unit) { return buildingId + "#" + unit; }
}
