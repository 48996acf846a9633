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
}
