package org.gridatlas.engine.model;

/**
 * A building's standard address (GB/T 35639): the full text as the input gives it and, when the
 * input has them, its parts — road (街路巷), house number of the gate on that road (门牌号),
 * compound (小区) name and building number (楼栋号) inside the compound. Any part may be null.
 */
public record StreetAddress(String full, String road, String houseNumber, String compoundName, String buildingNo) {

    /** An address known only as one line of text (null when there is none). */
    public static StreetAddress of(String full) {
        return full == null ? null : new StreetAddress(full, null, null, null, null);
    }

    public static StreetAddress of(
            String full, String road, String houseNumber, String compoundName, String buildingNo) {
        if (full == null && road == null && houseNumber == null && compoundName == null && buildingNo == null)
            return null;
        return new StreetAddress(full, road, houseNumber, compoundName, buildingNo);
    }
}
