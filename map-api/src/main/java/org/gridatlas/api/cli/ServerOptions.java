package org.gridatlas.api.cli;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.gridatlas.api.web.ServerSettings;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** How the HTTP service runs: port, tile cache, shutdown, request log, admin tokens, staffing rule and GeoServer. */
final class ServerOptions {
    @Option(names = "--port", defaultValue = "7070", description = "HTTP port (default ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--tile-cache-mb", defaultValue = "256", description = "memory for cached tiles, MB (default ${DEFAULT-VALUE})")
    long tileCacheMb;

    @Option(names = "--shutdown-grace-seconds", defaultValue = "10",
            description = "on SIGTERM, how long requests in flight may take to finish (default ${DEFAULT-VALUE})")
    long shutdownGraceSeconds;

    @Option(names = "--access-log", description = "log every request (method, path, route, status, ms) as a structured line")
    boolean accessLog;

    @Option(names = "--admin-token-sha256", split = ",", paramLabel = "HEX",
            description = "SHA-256 digests (hex) of the bearer tokens that may call /api/v1/admin; make one with: printf %%s TOKEN | sha256sum")
    List<String> adminTokens = List.of();

    @Mixin
    StaffingOptions staffing = new StaffingOptions();

    @Mixin
    GeoServerOptions geoServer = new GeoServerOptions();

    ServerSettings settings() {
        Set<String> tokens = new LinkedHashSet<>();
        for (String t : adminTokens) {
            if (!t.strip().matches("[0-9a-fA-F]{64}")) throw new IllegalArgumentException("--admin-token-sha256 takes 64 hex digits (a SHA-256 digest), not '" + t + "'");
            tokens.add(t.strip().toLowerCase());
        }
        return new ServerSettings(staffing.rule(), tileCacheMb << 20, Duration.ofSeconds(shutdownGraceSeconds), accessLog, tokens,
                geoServer.target(), geoServer.dbHost);
    }
}
