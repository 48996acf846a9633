package org.gridatlas.engine.model;

public enum CampusKind {
    ENTERPRISE,
    SCHOOL,
    INSTITUTION,
    HOSPITAL,
    PARK,
    OTHER;

    public String wireName() {
        return name().toLowerCase();
    }

    public static CampusKind parse(String s) {
        return WireNames.parse(CampusKind.class, s);
    }
}
