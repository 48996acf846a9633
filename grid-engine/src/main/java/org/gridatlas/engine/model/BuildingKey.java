package org.gridatlas.engine.model;

/**
 * What an assignment assigns: a building, or one unit (entrance) of a building divided between
 * grids, written {@code id} or {@code id#unit} in assignments.csv (the one place that form is spelt).
 */
public record BuildingKey(String buildingId, String unit) {
    private static final char SEPARATOR = '#';

    public static BuildingKey of(String buildingId) {
        return new BuildingKey(buildingId, null);
    }

    public static BuildingKey unit(String buildingId, String unit) {
        return new BuildingKey(buildingId, unit);
    }

    /** Reads the written form; only the first '#' separates, so a unit may hold one. */
    public static BuildingKey parse(String key) {
        int at = key.indexOf(SEPARATOR);
        return at < 0 ? of(key) : new BuildingKey(key.substring(0, at), key.substring(at + 1));
    }

    /** The building of a written key, without building a key (on paths that read millions). */
    public static String buildingOf(String key) {
        int at = key.indexOf(SEPARATOR);
        return at < 0 ? key : key.substring(0, at);
    }

    public boolean isUnit() {
        return unit != null;
    }

    @Override
    public String toString() {
        return unit == null ? buildingId : buildingId + SEPARATOR + unit;
    }
}
