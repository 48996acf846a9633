package org.gridatlas.engine.model;

public enum GridKind {
    COMMUNITY,
    RURAL,
    DEDICATED;

    public String wireName() {
        return name().toLowerCase();
    }

    public static GridKind parse(String s) {
        return WireNames.parse(GridKind.class, s);
    }
}
