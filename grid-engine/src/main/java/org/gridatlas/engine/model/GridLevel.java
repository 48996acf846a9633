package org.gridatlas.engine.model;

public enum GridLevel {
    GRID,
    MICRO;

    public String wireName() {
        return name().toLowerCase();
    }

    public static GridLevel parse(String s) {
        return WireNames.parse(GridLevel.class, s);
    }
}
