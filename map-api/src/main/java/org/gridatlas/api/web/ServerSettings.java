package org.gridatlas.api.web;

import java.time.Duration;
import java.util.Set;
import org.gridatlas.api.geoserver.GeoServerTarget;

/**
 * How a map-api instance runs: the staffing rule, the tile cache's size, how long a shutdown
 * waits for requests in flight, whether every request is logged, the admin tokens (SHA-256 hex
 * digests, never the tokens themselves) and the GeoServer to publish to (null: none).
 */
public record ServerSettings(StaffingRule staffing, long tileCacheBytes, Duration shutdownGrace, boolean accessLog,
                             Set<String> adminTokenSha256, GeoServerTarget geoServer, String geoServerDbHost) {
    public static final ServerSettings DEFAULT = new ServerSettings(StaffingRule.DEFAULT, 256L << 20, Duration.ofSeconds(10), false, Set.of(), null, null);

    public ServerSettings withStaffing(StaffingRule rule) {
        return new ServerSettings(rule, tileCacheBytes, shutdownGrace, accessLog, adminTokenSha256, geoServer, geoServerDbHost);
    }
}
