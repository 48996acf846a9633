package org.gridatlas.store;

/** What a department layer holds: polygon units (beats, grids of its own) or resource points. */
public enum DepartmentLayerKind {
    UNITS,
    RESOURCES;

    public String wireName() {
        return name().toLowerCase();
    }

    public static DepartmentLayerKind parse(String s) {
        for (DepartmentLayerKind k : values()) if (k.wireName().equals(s)) return k;
        throw new IllegalArgumentException("kind is units or resources, not '" + s + "'");
    }
}
