package org.gridatlas.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Citizen reports with the grid they fell in. */
public interface ReportStore {
    /** Stores the report; false (and nothing stored) when one with the same id is already there. */
    boolean addReport(Report report);

    Optional<Report> report(String id);

    /** Reports of one grid (or all when null) received since the given time, newest first. */
    List<Report> reports(String gridCode, Instant since, int limit);

    /** Reports per grid code whose time lies in [from, to). */
    Map<String, Integer> reportCounts(Instant from, Instant to);

    /** Every report whose time lies in [from, to), oldest first (for summaries). */
    List<Report> reportsBetween(Instant from, Instant to);

    /**
     * Moves a report on, in one transaction with the status it has there and then: the move must
     * be one {@link ReportStatus#next} allows ({@link ReportStatus.IllegalMove} otherwise); the step
     * is kept as an event. Empty for an unknown report.
     */
    Optional<Report> move(String id, ReportStatus to, Instant at, String actor, String note);

    /** The report's steps, the first (received) first. */
    List<ReportEvent> events(String id);
}
