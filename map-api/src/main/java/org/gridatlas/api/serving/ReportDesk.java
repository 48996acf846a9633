package org.gridatlas.api.serving;

import java.time.Instant;
import java.util.Optional;
import org.gridatlas.store.Report;
import org.gridatlas.store.ReportSource;
import org.gridatlas.store.ReportStatus;

/**
 * Where reports arrive and move on for a source inside the process (the demo's simulated stream):
 * exactly as over the API — stored with their grid, counted, and pushed to every live stream.
 */
public interface ReportDesk {
    /** A report at a point in WGS84; false (nothing stored) when its id was taken. */
    boolean receiveAtPoint(
            String id, Instant time, String category, String text, ReportSource source, double lon, double lat);

    /** A report by its address, as a resident wrote it; false (nothing stored) when its id was taken. */
    boolean receiveAtAddress(
            String id, Instant time, String category, String text, ReportSource source, String address);

    /** Moves a report on as its life allows ({@link ReportStatus.IllegalMove} otherwise); empty for an unknown report. */
    Optional<Report> moveOn(String id, ReportStatus to, String actor, String note);
}
