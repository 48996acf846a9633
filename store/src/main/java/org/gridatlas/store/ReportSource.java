package org.gridatlas.store;

import java.util.Locale;

/** Where a report came from. */
public enum ReportSource {
    HOTLINE_12345,
    WECHAT,
    GRID_WORKER,
    PATROL,
    OTHER;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ReportSource parse(String s) {
        for (ReportSource r : values()) if (r.wireName().equals(s)) return r;
        throw new IllegalArgumentException(
                "source is one of hotline_12345, wechat, grid_worker, patrol, other, not '" + s + "'");
    }
}
