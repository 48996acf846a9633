package org.gridatlas.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridatlas.api.serving.ReportDeadlines;
import org.gridatlas.api.web.ServerSettings;
import org.gridatlas.engine.errors.InputException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** How the HTTP service runs: port, tile cache, shutdown, request log, access, staffing rule, the rules edits keep, GeoServer. */
final class ServerOptions {
    @Option(names = "--port", defaultValue = "7070", description = "HTTP port (default ${DEFAULT-VALUE})")
    int port;

    @Option(
            names = "--host",
            defaultValue = "0.0.0.0",
            description =
                    "the address to listen on, e.g. 127.0.0.1 behind a proxy on the same machine (default ${DEFAULT-VALUE}: all)")
    String host;

    @Option(
            names = "--max-batches",
            defaultValue = "4",
            description = "batches of lookups answered at once; more are refused with 503 (default ${DEFAULT-VALUE})")
    int maxBatches;

    @Option(
            names = "--max-uploads",
            defaultValue = "32",
            description = "request bodies received at once; more are refused with 503 (default ${DEFAULT-VALUE})")
    int maxUploads;

    @Option(
            names = "--min-body-rate",
            defaultValue = "4096",
            paramLabel = "BYTES_PER_SECOND",
            description =
                    "a body that keeps the server waiting longer than --header-timeout-seconds plus its size at this rate is refused with 408 (default ${DEFAULT-VALUE})")
    int minBodyRate;

    @Option(
            names = "--tile-cache-mb",
            defaultValue = "256",
            description = "memory for cached tiles, MB (default ${DEFAULT-VALUE})")
    long tileCacheMb;

    @Option(
            names = "--shutdown-grace-seconds",
            defaultValue = "10",
            description = "on SIGTERM, how long requests in flight may take to finish (default ${DEFAULT-VALUE})")
    long shutdownGraceSeconds;

    @Option(
            names = "--access-log",
            description = "log every request (method, path, route, status, ms) as a structured line")
    boolean accessLog;

    @Option(
            names = "--admin-token-sha256",
            split = ",",
            paramLabel = "HEX",
            description =
                    "SHA-256 digests (hex) of the bearer tokens that may call /api/v1/admin; make one with: printf %%s TOKEN | sha256sum")
    List<String> adminTokens = List.of();

    @Option(
            names = "--report-key-sha256",
            split = ",",
            paramLabel = "HEX",
            description =
                    "SHA-256 digests (hex) of the keys report senders give in X-Report-Key; with none (and no reporter token), reports need no key")
    List<String> reportKeys = List.of();

    @Option(
            names = "--read-access",
            defaultValue = "public",
            description = "public (default) or token: whether reads need a token of any role")
    String readAccess;

    @Option(
            names = "--public-url",
            paramLabel = "URL",
            description =
                    "the address clients reach this service at (e.g. https://grids.example.gov.cn), for absolute links; without it links are relative")
    String publicUrl;

    @Option(
            names = "--header-timeout-seconds",
            defaultValue = "10",
            description =
                    "how long a request's line and headers may take to arrive in all; slower connections are closed (default ${DEFAULT-VALUE})")
    long headerTimeoutSeconds;

    @Mixin
    StaffingOptions staffing = new StaffingOptions();

    @Option(
            names = "--report-deadline-hours",
            defaultValue = "72",
            description = "hours a report may stay open before it is overdue (default ${DEFAULT-VALUE})")
    int reportDeadlineHours;

    @Option(
            names = "--report-deadlines",
            split = ",",
            paramLabel = "CATEGORY=HOURS",
            description = "deadlines of particular categories, e.g. 垃圾=24,噪音=48 (the others: --report-deadline-hours)")
    List<String> reportDeadlines = new ArrayList<>();

    @Option(
            names = "--simulate-reports",
            description = "a simulated stream of appeals (12345, WeChat, grid workers) moving through their steps: "
                    + "for a demonstration, never on a real store (demo: always)")
    boolean simulateReports;

    @Mixin
    PlanOptions plan = new PlanOptions();

    @Mixin
    GeoServerOptions geoServer = new GeoServerOptions();

    @Mixin
    ReportUrlOption reportUrl = new ReportUrlOption();

    ServerSettings settings() {
        if (!readAccess.equals("public") && !readAccess.equals("token"))
            throw new InputException("read-access", "is public or token, not '" + readAccess + "'");
        if (publicUrl != null && !publicUrl.matches("https?://[^/?#\\s]+(/[^?#\\s]*)?")) {
            throw new InputException("public-url", "is an http(s) address without query, not '" + publicUrl + "'");
        }
        ServerSettings.Security security = new ServerSettings.Security(
                digests("--admin-token-sha256", adminTokens),
                digests("--report-key-sha256", reportKeys),
                readAccess.equals("public"));
        return new ServerSettings(
                staffing.rule(),
                plan.bounds(),
                plan.ruralRule(),
                plan.microBounds(),
                tileCacheMb << 20,
                Duration.ofSeconds(shutdownGraceSeconds),
                accessLog,
                security,
                geoServer.target(),
                geoServer.dbHost,
                publicUrl == null ? null : publicUrl.replaceAll("/+$", ""),
                Duration.ofSeconds(headerTimeoutSeconds),
                deadlines(),
                reportUrl.template(),
                limits());
    }

    private ServerSettings.Limits limits() {
        if (maxBatches < 1 || maxUploads < 1 || minBodyRate < 1)
            throw new InputException("max-batches", "--max-batches, --max-uploads and --min-body-rate are at least 1");
        return new ServerSettings.Limits(
                maxBatches,
                maxUploads,
                minBodyRate,
                Duration.ofSeconds(headerTimeoutSeconds),
                ServerSettings.Limits.DEFAULT.streamBacklog());
    }

    private ReportDeadlines deadlines() {
        if (reportDeadlineHours < 1)
            throw new InputException("report-deadline-hours", "is at least 1, not " + reportDeadlineHours);
        Map<String, Duration> byCategory = new LinkedHashMap<>();
        Pairs.parse("--report-deadlines", reportDeadlines, "[1-9][0-9]{0,4}", "垃圾=24")
                .forEach((k, v) -> byCategory.put(k, Duration.ofHours(Integer.parseInt(v))));
        return new ReportDeadlines(Duration.ofHours(reportDeadlineHours), byCategory);
    }

    private static Set<String> digests(String option, List<String> values) {
        Set<String> out = new LinkedHashSet<>();
        for (String t : values) {
            if (!t.strip().matches("[0-9a-fA-F]{64}"))
                throw new InputException(option, "takes 64 hex digits (a SHA-256 digest), not '" + t + "'");
            out.add(t.strip().toLowerCase());
        }
        return out;
    }
}
