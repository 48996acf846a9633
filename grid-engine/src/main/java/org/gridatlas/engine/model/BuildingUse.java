package org.gridatlas.engine.model;

public enum BuildingUse {
    RESIDENTIAL,
    COMMERCIAL,
    ENTERPRISE,
    SCHOOL,
    INSTITUTION,
    HOSPITAL,
    OTHER;

    public String wireName() {
        return name().toLowerCase();
    }

    public static BuildingUse parse(String s) {
        return WireNames.parse(BuildingUse.class, s);
    }
}
