package org.gridatlas.store;

import java.time.Instant;

/**
 * A citizen report (12345 hotline, WeChat, a grid worker) as stored: where it happened in WGS84 and
 * the grid it fell in; where it came from and where it stands ({@code statusAt}: since when;
 * {@code escalated}: whether it ever went up to the street or district). A report sent with an
 * address keeps it and its match (JSON); its point is then the matched building's, or null.
 */
public record Report(
        String id,
        Instant time,
        String category,
        Double lon,
        Double lat,
        String crs,
        String text,
        String gridCode,
        Instant receivedAt,
        String address,
        String addressMatch,
        ReportSource source,
        ReportStatus status,
        Instant statusAt,
        boolean escalated) {

    /** A report just received with a point. */
    public Report(
            String id,
            Instant time,
            String category,
            double lon,
            double lat,
            String crs,
            String text,
            String gridCode,
            Instant receivedAt) {
        this(
                id,
                time,
                category,
                lon,
                lat,
                crs,
                text,
                gridCode,
                receivedAt,
                null,
                null,
                ReportSource.OTHER,
                ReportStatus.RECEIVED,
                receivedAt,
                false);
    }

    public boolean located() {
        return lon != null && lat != null;
    }

    /** The same report moved on to {@code to} at {@code at}. */
    public Report movedTo(ReportStatus to, Instant at) {
        return new Report(
                id,
                time,
                category,
                lon,
                lat,
                crs,
                text,
                gridCode,
                receivedAt,
                address,
                addressMatch,
                source,
                to,
                at,
                escalated || to == ReportStatus.ESCALATED);
    }
}
