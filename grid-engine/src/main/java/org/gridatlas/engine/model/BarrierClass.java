package org.gridatlas.engine.model;

public enum BarrierClass {
    MAJOR,
    MINOR,
    PATH;

    public String wireName() {
        return name().toLowerCase();
    }

    public static BarrierClass parse(String s) {
        return WireNames.parse(BarrierClass.class, s);
    }
}
