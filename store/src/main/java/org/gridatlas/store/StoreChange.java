package org.gridatlas.store;

/**
 * A change another process committed to a shared store, as told to the other map-api instances.
 * {@code detail} names what changed where it helps (a report's id); {@link Kind#RESYNC} means
 * changes may have been missed (the connection to the store was lost) and everything should be reread.
 */
public record StoreChange(Kind kind, String detail) {
    public enum Kind {
        GRIDS,
        STAFF,
        ZONES,
        REPORT,
        REPORT_MOVED,
        /** a token added or replaced: reread the list at once, so that a replaced one stops working everywhere */
        TOKENS,
        RESYNC
    }

    /** The wire form in a NOTIFY payload: {@code origin|KIND|detail}. */
    String payload(String origin) {
        return origin + "|" + kind + "|" + (detail == null ? "" : detail);
    }

    /** Parses a payload; null for one that is not ours or is malformed. */
    static StoreChange parse(String payload) {
        String[] p = payload.split("\\|", 3);
        if (p.length != 3) return null;
        try {
            return new StoreChange(Kind.valueOf(p[1]), p[2].isEmpty() ? null : p[2]);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String origin(String payload) {
        int bar = payload.indexOf('|');
        return bar < 0 ? "" : payload.substring(0, bar);
    }
}
