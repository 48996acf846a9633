package org.gridatlas.engine.model;

/** What an alias in aliases.csv names. */
public enum AliasKind {
    COMPOUND,
    ROAD,
    COMMUNITY;

    public String wireName() {
        return name().toLowerCase();
    }

    public static AliasKind parse(String s) {
        return WireNames.parse(AliasKind.class, s);
    }
}
