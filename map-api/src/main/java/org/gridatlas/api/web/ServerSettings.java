package org.gridatlas.api.web;

import java.time.Duration;
import java.util.Set;
import org.gridatlas.api.geoserver.GeoServerTarget;
import org.gridatlas.api.serving.ReportDeadlines;
import org.gridatlas.api.serving.StaffingRule;
import org.gridatlas.engine.partition.Bounds;
import org.gridatlas.engine.partition.MicroGridPlanner;
import org.gridatlas.engine.partition.RuralRule;

/**
 * How a map-api instance runs: the staffing rule, the rules planner edits keep (household bounds,
 * rural rule, micro grid bounds for communities divided into micro grids), the tile cache's size, how long a shutdown waits for requests in flight, whether
 * every request is logged, who may do what, the GeoServer to publish to (null: none), and the
 * address clients reach the service at (null: links are relative; never taken from a request's Host),
 * how long a request's line and headers may take to arrive in all, how long reports may stay open, and
 * the report link printed maps carry as a QR code ({code} replaced by the grid's code), and what one
 * instance takes on at once ({@link Limits}).
 */
public record ServerSettings(
        StaffingRule staffing,
        Bounds bounds,
        RuralRule ruralRule,
        Bounds microBounds,
        long tileCacheBytes,
        Duration shutdownGrace,
        boolean accessLog,
        Security security,
        GeoServerTarget geoServer,
        String geoServerDbHost,
        String publicUrl,
        Duration headerTimeout,
        ReportDeadlines reportDeadlines,
        String reportUrl,
        Limits limits) {

    /**
     * SHA-256 digests (hex) of admin tokens given by configuration and of report keys (never the
     * tokens themselves), and whether reads need no token.
     */
    public record Security(Set<String> adminTokenSha256, Set<String> reportKeySha256, boolean publicReads) {
        public static final Security OPEN = new Security(Set.of(), Set.of(), true);
    }

    /**
     * What one instance takes on at once: batches of lookups being answered, request bodies being
     * received (past either, 503 at once rather than a queue holding a thread each), the pace a body
     * must keep once {@code bodyGrace} of waiting for it has passed (slower: 408), and how many
     * events a live stream may fall behind by before it is dropped.
     */
    public record Limits(int batches, int uploads, int minBodyBytesPerSecond, Duration bodyGrace, int streamBacklog) {
        public static final Limits DEFAULT = new Limits(4, 32, 4096, Duration.ofSeconds(10), 256);

        public Limits {
            if (batches < 1 || uploads < 1 || minBodyBytesPerSecond < 1 || streamBacklog < 1)
                throw new IllegalArgumentException("limits are at least 1");
        }
    }

    public static final ServerSettings DEFAULT = new ServerSettings(
            StaffingRule.DEFAULT,
            Bounds.DEFAULT,
            RuralRule.DEFAULT,
            MicroGridPlanner.DEFAULT,
            256L << 20,
            Duration.ofSeconds(10),
            false,
            Security.OPEN,
            null,
            null,
            null,
            Duration.ofSeconds(10),
            ReportDeadlines.DEFAULT,
            org.gridatlas.api.serving.GridMaps.DEFAULT_REPORT_URL,
            Limits.DEFAULT);

    public ServerSettings withSecurity(Security s) {
        return new ServerSettings(
                staffing,
                bounds,
                ruralRule,
                microBounds,
                tileCacheBytes,
                shutdownGrace,
                accessLog,
                s,
                geoServer,
                geoServerDbHost,
                publicUrl,
                headerTimeout,
                reportDeadlines,
                reportUrl,
                limits);
    }

    public ServerSettings withHeaderTimeout(Duration d) {
        return new ServerSettings(
                staffing,
                bounds,
                ruralRule,
                microBounds,
                tileCacheBytes,
                shutdownGrace,
                accessLog,
                security,
                geoServer,
                geoServerDbHost,
                publicUrl,
                d,
                reportDeadlines,
                reportUrl,
                limits);
    }

    public ServerSettings withPublicUrl(String url) {
        return new ServerSettings(
                staffing,
                bounds,
                ruralRule,
                microBounds,
                tileCacheBytes,
                shutdownGrace,
                accessLog,
                security,
                geoServer,
                geoServerDbHost,
                url,
                headerTimeout,
                reportDeadlines,
                reportUrl,
                limits);
    }

    public ServerSettings withReportUrl(String template) {
        return new ServerSettings(
                staffing,
                bounds,
                ruralRule,
                microBounds,
                tileCacheBytes,
                shutdownGrace,
                accessLog,
                security,
                geoServer,
                geoServerDbHost,
                publicUrl,
                headerTimeout,
                reportDeadlines,
                template,
                limits);
    }

    public ServerSettings withLimits(Limits l) {
        return new ServerSettings(
                staffing,
                bounds,
                ruralRule,
                microBounds,
                tileCacheBytes,
                shutdownGrace,
                accessLog,
                security,
                geoServer,
                geoServerDbHost,
                publicUrl,
                headerTimeout,
                reportDeadlines,
                reportUrl,
                l);
    }
}
