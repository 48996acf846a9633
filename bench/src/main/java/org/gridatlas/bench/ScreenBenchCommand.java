package org.gridatlas.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.gridatlas.api.web.ApiServer;
import org.gridatlas.engine.Delineator;
import org.gridatlas.engine.model.Assignment;
import org.gridatlas.engine.model.Building;
import org.gridatlas.engine.model.Dataset;
import org.gridatlas.engine.model.Delineation;
import org.gridatlas.engine.model.GridLevel;
import org.gridatlas.engine.partition.Bounds;
import org.gridatlas.engine.partition.MicroGridPlanner;
import org.gridatlas.engine.partition.RuralRule;
import org.gridatlas.fixtures.CityGenerator;
import org.gridatlas.store.PostGisGridStore;
import org.gridatlas.store.ReportSource;
import org.gridatlas.store.ThrowawayDatabase;
import org.locationtech.jts.geom.Point;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The command centre's screen at the scale of a real district: a generated city in a throwaway
 * PostGIS database with a week of reports, served, and opened in headless chromium: the time to the
 * first full screen, then new reports posted at a steady rate over the live stream — how many the
 * page showed, and its memory as they came. Needs the local PostgreSQL with PostGIS, chromium and
 * the pages' npm packages (run from the repository's root).
 */
@Command(
        name = "bench-screen",
        mixinStandardHelpOptions = true,
        description = "Benchmark the command centre's screen: first render, live reports, memory.")
final class ScreenBenchCommand implements Callable<Integer> {
    private static final String[] CATEGORIES = {"垃圾", "噪音", "占道经营", "路灯", "井盖", "违章停车", "漏水", "邻里纠纷"};

    @Option(
            names = "--households",
            defaultValue = "1000000",
            description = "households of the generated city (default ${DEFAULT-VALUE})")
    int households;

    @Option(
            names = "--reports",
            defaultValue = "100000",
            description = "reports in the last week before the page opens (default ${DEFAULT-VALUE})")
    int reports;

    @Option(
            names = "--rate",
            defaultValue = "200",
            description = "new reports a second while the page is open (default ${DEFAULT-VALUE})")
    int rate;

    @Option(
            names = "--seconds",
            defaultValue = "60",
            description = "how long the new reports come (default ${DEFAULT-VALUE})")
    int seconds;

    @Option(
            names = "--pg",
            defaultValue = "jdbc:postgresql://127.0.0.1:5432/",
            description = "PostgreSQL server for a throwaway database")
    String pg;

    @Override
    public Integer call() throws Exception {
        Dataset city = CityGenerator.generate(households, 1);
        Delineation result =
                new Delineator(Bounds.DEFAULT, RuralRule.DEFAULT, MicroGridPlanner.DEFAULT).delineate(city);
        long micro = result.grids().stream()
                .filter(g -> g.level() == GridLevel.MICRO)
                .count();
        java.util.Map<String, String> gridOf = new java.util.HashMap<>();
        for (Assignment a : result.assignments()) gridOf.putIfAbsent(a.buildingId(), a.gridCode());
        List<Building> placed = city.buildings().stream()
                .filter(b -> gridOf.containsKey(b.id()))
                .toList();
        Path web = Path.of("map-api/src/main/web");
        if (!Files.isDirectory(web.resolve("node_modules/playwright-core")))
            throw new IllegalStateException("run from the repository's root after a build (npm ci)");
        try (ThrowawayDatabase db = new ThrowawayDatabase(pg, "gridatlas_screen");
                PostGisGridStore store = PostGisGridStore.open(db.url())) {
            store.replace(city, result, "bench");
            long t = System.nanoTime();
            seed(db.url(), placed, gridOf);
            System.out.printf(
                    "city: %,d households, %,d grids and %,d micro grids; %,d reports of the last week written in %.1f s%n",
                    city.households(), result.grids().size() - micro, micro, reports, (System.nanoTime() - t) / 1e9);
            try (ApiServer server = new ApiServer(store).start(0)) {
                return watch(server.port(), web, placed);
            }
        }
    }

    /** A week of reports in one transaction: the bench's own loading, not the API's. */
    private void seed(String url, List<Building> placed, java.util.Map<String, String> gridOf) throws Exception {
        SplittableRandom rnd = new SplittableRandom(7);
        Instant now = Instant.now();
        try (Connection c = DriverManager.getConnection(url)) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO reports (report_id, time, category, lon, lat, crs, grid_code, received_at, geom, "
                            + "source, status, status_at, escalated) VALUES (?, ?, ?, ?, ?, 'wgs84', ?, ?, ST_SetSRID(ST_MakePoint(?, ?), 4490), ?, ?, ?, ?)")) {
                for (int i = 0; i < reports; i++) {
                    Building b = placed.get(rnd.nextInt(placed.size()));
                    Point p = b.geometry().getInteriorPoint();
                    Timestamp time = Timestamp.from(now.minusSeconds(rnd.nextLong(7 * 86400)));
                    double settle = rnd.nextDouble();
                    ps.setString(1, "week-" + i);
                    ps.setTimestamp(2, time);
                    ps.setString(3, CATEGORIES[rnd.nextInt(CATEGORIES.length)]);
                    ps.setDouble(4, p.getX());
                    ps.setDouble(5, p.getY());
                    ps.setString(6, gridOf.get(b.id()));
                    ps.setTimestamp(7, time);
                    ps.setDouble(8, p.getX());
                    ps.setDouble(9, p.getY());
                    ps.setString(10, ReportSource.values()[rnd.nextInt(ReportSource.values().length)].wireName());
                    ps.setString(11, settle < 0.6 ? "resolved" : settle < 0.8 ? "in_progress" : "received");
                    ps.setTimestamp(12, time);
                    ps.setBoolean(13, settle < 0.1);
                    ps.addBatch();
                    if (i % 5000 == 4999) ps.executeBatch();
                }
                ps.executeBatch();
            }
            c.commit();
        }
    }

    /**
     * Posts a report, once more if the connection closed under the request (the server ends idle
     * keep-alive connections, and the client may have just picked one): a report has an id, so a
     * second send cannot add it twice, and 409 means the first one arrived. Empty when stored, else why not.
     */
    private static CompletableFuture<java.util.Optional<String>> send(
            HttpClient http, HttpRequest post, boolean again) {
        return http.sendAsync(post, HttpResponse.BodyHandlers.ofString())
                .handle((r, e) -> {
                    if (e == null) {
                        boolean stored = r.statusCode() == 201 || again && r.statusCode() == 409;
                        return CompletableFuture.completedFuture(
                                stored
                                        ? java.util.Optional.<String>empty()
                                        : java.util.Optional.of(r.statusCode() + " " + r.body()));
                    }
                    if (!again && e.getCause() instanceof java.io.IOException) return send(http, post, true);
                    return CompletableFuture.completedFuture(
                            java.util.Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage()));
                })
                .thenCompose(f -> f);
    }

    /** Opens the page; once it says READY, posts the new reports at the rate; reads what the page saw. */
    private int watch(int port, Path web, List<Building> placed) throws Exception {
        int expected = rate * seconds;
        Process node = new ProcessBuilder(
                        "node",
                        "test/screen-scale.mjs",
                        "http://127.0.0.1:" + port,
                        String.valueOf(expected),
                        String.valueOf(seconds + 60))
                .directory(web.toFile())
                .redirectErrorStream(true)
                .start();
        HttpClient http = HttpClient.newHttpClient();
        AtomicInteger accepted = new AtomicInteger(), next = new AtomicInteger();
        java.util.Map<String, Integer> refused = new java.util.concurrent.ConcurrentHashMap<>();
        List<CompletableFuture<?>> sent = new CopyOnWriteArrayList<>();
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        SplittableRandom rnd = new SplittableRandom(11);
        String firstRender = null, result = null;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                System.out.println("  page: " + line);
                if (line.startsWith("FIRST_RENDER ")) {
                    // FIRST_RENDER <ms> panels <ms> map <ms> baseline <ms>
                    String[] f = line.split(" ");
                    firstRender = String.format(
                            "%s ms (panels %s ms, map %s ms; %.1f× the baseline, a page with nothing to draw: %s ms)",
                            f[1], f[3], f[5], Double.parseDouble(f[1]) / Math.max(1, Double.parseDouble(f[7])), f[7]);
                }
                if (line.startsWith("RESULT ")) result = line;
                if (line.equals("READY")) {
                    // the handshake: the page is up and listening; a tenth of the second's reports every 100 ms
                    clock.scheduleAtFixedRate(
                            () -> {
                                for (int k = 0; k < rate / 10 && next.get() < expected; k++) {
                                    int i = next.getAndIncrement();
                                    Point p = placed.get(rnd.nextInt(placed.size()))
                                            .geometry()
                                            .getInteriorPoint();
                                    String body = "{\"id\":\"live-" + i + "\",\"category\":\""
                                            + CATEGORIES[i % CATEGORIES.length]
                                            + "\",\"source\":\"hotline_12345\",\"lon\":" + p.getX() + ",\"lat\":"
                                            + p.getY() + "}";
                                    HttpRequest post = HttpRequest.newBuilder(
                                                    URI.create("http://127.0.0.1:" + port + "/api/v1/reports"))
                                            .header("Content-Type", "application/json")
                                            .POST(HttpRequest.BodyPublishers.ofString(body))
                                            .build();
                                    sent.add(send(http, post, false).thenAccept(why -> {
                                        if (why.isEmpty()) accepted.incrementAndGet();
                                        else refused.merge(why.get(), 1, Integer::sum);
                                    }));
                                }
                            },
                            0,
                            100,
                            TimeUnit.MILLISECONDS);
                }
            }
        } finally {
            clock.shutdownNow();
        }
        node.waitFor(30, TimeUnit.SECONDS);
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new))
                .exceptionally(e -> null)
                .get(30, TimeUnit.SECONDS);
        refused.forEach((why, n) -> System.out.println("  not accepted (" + n + "): " + why));
        System.out.printf(
                "screen: first full render %s at 1920×1080; %d reports posted (%d accepted) at %d/s over %d s; %s%n",
                firstRender, next.get(), accepted.get(), rate, seconds, result);
        return result != null && result.contains("received=" + expected + " ") ? 0 : 1;
    }
}
