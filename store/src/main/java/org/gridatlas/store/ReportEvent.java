package org.gridatlas.store;

import java.time.Instant;

/** One step in the life of a report: the status it took, when, who moved it and why. */
public record ReportEvent(String reportId, ReportStatus status, Instant at, String actor, String note) {}
