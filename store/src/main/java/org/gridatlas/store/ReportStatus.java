package org.gridatlas.store;

import java.util.Locale;
import java.util.Set;

/**
 * Where a report stands: received → dispatched (to the grid's people) → in progress → resolved →
 * closed, or escalated to the street or district from any open step (and handled there). A
 * resolved report may be reopened; a closed one stays closed.
 */
public enum ReportStatus {
    RECEIVED,
    DISPATCHED,
    IN_PROGRESS,
    ESCALATED,
    RESOLVED,
    CLOSED;

    /** The steps each status may move to. */
    public Set<ReportStatus> next() {
        return switch (this) {
            case RECEIVED -> Set.of(DISPATCHED, ESCALATED);
            case DISPATCHED -> Set.of(IN_PROGRESS, ESCALATED);
            case IN_PROGRESS -> Set.of(RESOLVED, ESCALATED);
            case ESCALATED -> Set.of(IN_PROGRESS, RESOLVED);
            case RESOLVED -> Set.of(CLOSED, IN_PROGRESS);
            case CLOSED -> Set.of();
        };
    }

    /** Settled: resolved or closed. */
    public boolean settled() {
        return this == RESOLVED || this == CLOSED;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ReportStatus parse(String s) {
        for (ReportStatus r : values()) if (r.wireName().equals(s)) return r;
        throw new IllegalArgumentException(
                "status is one of received, dispatched, in_progress, escalated, resolved, closed, not '" + s + "'");
    }

    /** A move the life of a report does not allow (answered 409, naming both states). */
    public static final class IllegalMove extends RuntimeException {
        public IllegalMove(String id, ReportStatus from, ReportStatus to) {
            super("report " + id + " is " + from.wireName() + " and cannot become " + to.wireName()
                    + (from.next().isEmpty()
                            ? " (it is closed)"
                            : "; from " + from.wireName() + " it may become "
                                    + String.join(
                                            " or ",
                                            from.next().stream()
                                                    .map(ReportStatus::wireName)
                                                    .sorted()
                                                    .toList())));
        }
    }
}
