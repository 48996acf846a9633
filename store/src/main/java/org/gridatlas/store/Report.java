package org.gridatlas.store;

import java.time.Instant;

/**
 * A citizen report (12345 hotline, WeChat) as stored: where it happened in WGS84 and the grid it fell
 * in. A report sent with an address keeps it and its match (JSON); its point is then the matched
 * building's, or null when the address led to no building.
 */
public record Report(String id, Instant time, String category, Double lon, Double lat, String crs, String text,
                     String gridCode, Instant receivedAt, String address, String addressMatch) {

    public Report(String id, Instant time, String category, double lon, double lat, String crs, String text, String gridCode, Instant receivedAt) {
        this(id, time, category, lon, lat, crs, text, gridCode, receivedAt, null, null);
    }

    public boolean located() { return lon != null && lat != null; }
}
