package org.gridatlas.engine.model;

/**
 * A grid's code as DATA.md lays it out (GB/T 30428.1's unit-grid layout): the community's 12-digit
 * statistical code and a 3-digit sequence (15 digits); a micro grid adds 3 digits to its grid's
 * (18). The one place the layout is spelt.
 */
public record GridCode(String value) {
    public static final int COMMUNITY_DIGITS = 12, SEQUENCE_DIGITS = 3;
    public static final int GRID_DIGITS = COMMUNITY_DIGITS + SEQUENCE_DIGITS,
            MICRO_DIGITS = GRID_DIGITS + SEQUENCE_DIGITS;
    public static final int LAST_SEQUENCE = 999;

    public GridCode {
        if (value == null
                || !value.chars().allMatch(Character::isDigit)
                || (value.length() != GRID_DIGITS && value.length() != MICRO_DIGITS)) {
            throw new IllegalArgumentException(
                    "'" + value + "' is not a grid code (" + GRID_DIGITS + " or " + MICRO_DIGITS + " digits)");
        }
    }

    /** The code of sequence {@code sequence} under {@code prefix}: a community's code, or a grid's for its micro grids. */
    public static GridCode of(String prefix, int sequence) {
        if (sequence < 1 || sequence > LAST_SEQUENCE)
            throw new IllegalArgumentException("sequence " + sequence + " is not 1.." + LAST_SEQUENCE);
        return new GridCode(prefix + String.format("%0" + SEQUENCE_DIGITS + "d", sequence));
    }

    /** The code if {@code value} is one, else null (for input that may not be). */
    public static GridCode parse(String value) {
        try {
            return new GridCode(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public String communityCode() {
        return value.substring(0, COMMUNITY_DIGITS);
    }

    public int sequence() {
        return Integer.parseInt(value.substring(value.length() - SEQUENCE_DIGITS));
    }

    public boolean isMicro() {
        return value.length() == MICRO_DIGITS;
    }

    /** Whether a grid of this level in this community carries this code. */
    public static boolean laidOut(String code, GridLevel level, String communityCode) {
        GridCode c = parse(code);
        return c != null && c.isMicro() == (level == GridLevel.MICRO) && code.startsWith(communityCode);
    }

    @Override
    public String toString() {
        return value;
    }
}
