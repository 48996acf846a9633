package org.gridatlas.engine.lookup.address;

/** How far down the address model a free-text address was matched, most precise first. */
public enum MatchLevel {
    UNIT,
    BUILDING,
    COMPOUND,
    ROAD_NUMBER,
    LANDMARK,
    CROSSING,
    COMMUNITY,
    STREET,
    NONE;

    public String wireName() {
        return name().toLowerCase();
    }
}
