package org.gridatlas.engine.model;

public enum BarrierKind {
    ROAD,
    RIVER,
    RAILWAY,
    WALL;

    public String wireName() {
        return name().toLowerCase();
    }

    public static BarrierKind parse(String s) {
        return WireNames.parse(BarrierKind.class, s);
    }
}
