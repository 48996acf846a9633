package org.gridatlas.store;

import java.time.Instant;

/** One import-and-delineation that produced the stored state. */
public record RunInfo(long id, String source, Instant createdAt, int grids, String reportJson) {}
