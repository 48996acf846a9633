package org.gridatlas.api.store;

import java.time.Instant;

/** A citizen report (12345 hotline, WeChat) as stored: where it happened in WGS84 and the grid it fell in. */
public record Report(String id, Instant time, String category, double lon, double lat, String crs, String text,
                     String gridCode, Instant receivedAt) {}
