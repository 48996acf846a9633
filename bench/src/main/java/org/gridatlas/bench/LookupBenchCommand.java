package org.gridatlas.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.gridatlas.api.web.ApiServer;
import org.gridatlas.engine.Delineator;
import org.gridatlas.engine.lookup.CellGridIndex;
import org.gridatlas.engine.lookup.PointInGridIndex;
import org.gridatlas.engine.model.Building;
import org.gridatlas.engine.model.Dataset;
import org.gridatlas.engine.model.Delineation;
import org.gridatlas.engine.partition.Bounds;
import org.gridatlas.fixtures.CityGenerator;
import org.gridatlas.store.GeoPackageGridStore;
import org.gridatlas.store.PostGisGridStore;
import org.gridatlas.store.ThrowawayDatabase;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Lookup benchmark in one run on one generated city: the in-memory index against PostGIS
 * ST_Contains over JDBC (GiST) on the same points, HTTP single-point lookups under wrk, and a
 * streamed batch. Machines here are noisy, so the comparison is the ratio within the run.
 */
@Command(
        name = "bench-lookup",
        mixinStandardHelpOptions = true,
        description = "Benchmark lookups: in process, PostGIS, HTTP (wrk), batch.")
final class LookupBenchCommand implements Callable<Integer> {
    @Option(names = "--households", defaultValue = "1000000")
    int households;

    @Option(names = "--points", defaultValue = "1000000", description = "points for the in-process and batch runs")
    int points;

    @Option(
            names = "--postgis-points",
            defaultValue = "20000",
            description = "points sent to PostGIS (a subset: it is slow)")
    int postgisPoints;

    @Option(
            names = "--pg",
            defaultValue = "jdbc:postgresql://127.0.0.1:5432/",
            description = "PostgreSQL server for a throwaway database")
    String pg;

    @Option(
            names = "--wrk-seconds",
            defaultValue = "10",
            description = "seconds of each wrk run (default ${DEFAULT-VALUE})")
    int wrkSeconds;

    @Override
    public Integer call() throws Exception {
        Dataset city = CityGenerator.generate(households, 1);
        Delineation result = new Delineator(Bounds.DEFAULT).delineate(city);
        double[][] pts = points(city, points);
        System.out.printf(
                "city: %d households, %d grids; %,d query points (80%% at buildings, 20%% anywhere in the district)%n",
                city.households(), result.grids().size(), pts.length);

        // the baseline (JTS STR-tree + indexed point-in-area locator) and ours (cells over it), side by side
        long heap0 = usedHeap();
        PointInGridIndex baseline = new PointInGridIndex(result.grids());
        long heap1 = usedHeap();
        long t = System.nanoTime();
        CellGridIndex index = new CellGridIndex(baseline).ready();
        double buildSeconds = seconds(t);
        long heap2 = usedHeap();
        System.out.printf(
                "indexes: baseline %d MB; cells %s, built in %.2f s; both together %d MB%n",
                (heap1 - heap0) >> 20, index.describe(), buildSeconds, (heap2 - heap0) >> 20);
        int found = 0;
        for (int round = 0; round < 2; round++) { // warm-up, then measured
            for (int i = 0; i < Math.min(200_000, pts.length); i++) {
                if (index.lookup(pts[i][0], pts[i][1], 10).grid() != null) found++;
                if (index.locate(pts[i][0], pts[i][1]) != null) found++;
                if (baseline.locate(pts[i][0], pts[i][1]) != null) found++;
            }
        }
        t = System.nanoTime();
        for (double[] p : pts) if (index.lookup(p[0], p[1], 10).grid() != null) found++;
        double withCandidates = pts.length / seconds(t);
        t = System.nanoTime();
        for (double[] p : pts) if (index.locate(p[0], p[1]) != null) found++;
        double pointInGrid = pts.length / seconds(t);
        t = System.nanoTime();
        for (double[] p : pts) if (baseline.locate(p[0], p[1]) != null) found++;
        double jts = pts.length / seconds(t);
        System.out.printf(
                "in process, 1 thread: %,.0f/s with 10 m candidates (%.1fx baseline), %,.0f/s point-in-grid (%.1fx), JTS STRtree baseline %,.0f/s%n",
                withCandidates, withCandidates / jts, pointInGrid, pointInGrid / jts, jts);
        double postgis = Double.NaN;

        try (ThrowawayDatabase db = new ThrowawayDatabase(pg, "gridatlas_bench")) {
            try (PostGisGridStore store = PostGisGridStore.open(db.url())) {
                store.replace(city, result, "bench");
            }
            try (Connection c = DriverManager.getConnection(db.url());
                    PreparedStatement ps = c.prepareStatement(
                            "SELECT code FROM grids WHERE ST_Contains(geom, ST_SetSRID(ST_MakePoint(?, ?), 4490)) ORDER BY code LIMIT 1")) {
                try (Statement s = c.createStatement()) {
                    s.execute("ANALYZE grids");
                }
                int n = Math.min(postgisPoints, pts.length);
                for (int i = 0; i < Math.min(2000, n); i++) query(ps, pts[i]);
                t = System.nanoTime();
                int hits = 0;
                for (int i = 0; i < n; i++) if (query(ps, pts[i])) hits++;
                postgis = n / seconds(t);
                System.out.printf(
                        "PostGIS ST_Contains over JDBC (GiST, 1 connection): %,.0f lookups/s (%d of %d hit); point-in-grid = %.0fx PostGIS%n",
                        postgis, hits, n, pointInGrid / postgis);
            }
        }

        Path dir = Files.createTempDirectory("gridatlas-bench-");
        try (GeoPackageGridStore store = GeoPackageGridStore.open(dir.resolve("bench.gpkg"))) {
            store.replace(city, result, "bench");
            try (ApiServer server = new ApiServer(store).start(0)) {
                wrk(server.port(), pts, dir);
                batch(server.port(), pts, dir);
            }
        } finally {
            try (var w = Files.walk(dir)) {
                for (Path p : w.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
        System.out.printf(
                "lookup: %.0f/s with 10 m candidates, %.0f/s point-in-grid; JTS STRtree baseline %.0f/s; PostGIS %.0f/s%n",
                withCandidates, pointInGrid, jts, postgis);
        return found > 0 ? 0 : 1;
    }

    private static boolean query(PreparedStatement ps, double[] p) throws Exception {
        ps.setDouble(1, p[0]);
        ps.setDouble(2, p[1]);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next();
        }
    }

    private void wrk(int port, double[][] pts, Path dir) throws IOException, InterruptedException {
        if (!Wrk.available()) {
            System.out.println("HTTP: wrk not installed (apt-get install wrk), skipped");
            return;
        }
        List<String> paths = new java.util.ArrayList<>();
        for (int i = 0; i < 5000; i++)
            paths.add(String.format("/api/v1/lookup?lon=%.7f&lat=%.7f", pts[i][0], pts[i][1]));
        for (int connections : new int[] {4, 16}) {
            System.out.println("HTTP single lookups (wrk, 2 threads, " + connections + " connections, " + wrkSeconds
                    + " s): " + Wrk.run(port, paths, connections, wrkSeconds, dir));
        }
    }

    /** Sends the points as one CSV body and counts the answer lines as they stream back; best of two runs. */
    private static void batch(int port, double[][] pts, Path dir) throws IOException, InterruptedException {
        for (int run = 1; run <= 2; run++) batchOnce(port, pts, dir, run);
    }

    private static void batchOnce(int port, double[][] pts, Path dir, int run)
            throws IOException, InterruptedException {
        Path csv = dir.resolve("points.csv");
        try (var w = Files.newBufferedWriter(csv)) {
            w.write("id,lon,lat\n");
            for (int i = 0; i < pts.length; i++) w.write(i + "," + pts[i][0] + "," + pts[i][1] + "\n");
        }
        // curl, not java.net.http: the answer starts streaming back while the upload is still going,
        // which curl handles and the JDK's HTTP/1.1 client does not
        Process p = new ProcessBuilder(
                        "curl",
                        "-s",
                        "-X",
                        "POST",
                        "-H",
                        "Content-Type: text/csv",
                        "--data-binary",
                        "@" + csv,
                        "http://127.0.0.1:" + port + "/api/v1/lookup")
                .start();
        long t = System.nanoTime();
        long answers = -1;
        try (InputStream in = p.getInputStream()) {
            byte[] buf = new byte[1 << 16];
            for (int n = in.read(buf); n >= 0; n = in.read(buf))
                for (int i = 0; i < n; i++) if (buf[i] == '\n') answers++;
        }
        p.waitFor();
        double s = seconds(t);
        System.out.printf(
                "batch run %d: %,d points as CSV (%d MB) in %.2f s (%,.0f points/s), %,d answers%n",
                run, pts.length, Files.size(csv) >> 20, s, pts.length / s, answers);
    }

    /** Deterministic points: most at building centres (where reports come from), some anywhere in the district. */
    private static double[][] points(Dataset city, int n) {
        SplittableRandom rnd = new SplittableRandom(11);
        Envelope e = new Envelope();
        city.communities().forEach(c -> e.expandToInclude(c.geometry().getEnvelopeInternal()));
        double[][] out = new double[n][];
        for (int i = 0; i < n; i++) {
            if (rnd.nextInt(10) < 8) {
                Building b = city.buildings().get(rnd.nextInt(city.buildings().size()));
                Coordinate c = b.geometry().getCentroid().getCoordinate();
                out[i] = new double[] {c.x + (rnd.nextDouble() - 0.5) * 2e-4, c.y + (rnd.nextDouble() - 0.5) * 2e-4};
            } else {
                out[i] = new double[] {
                    e.getMinX() + rnd.nextDouble() * e.getWidth(), e.getMinY() + rnd.nextDouble() * e.getHeight()
                };
            }
        }
        return out;
    }

    /** Heap in use after a few collections: what a structure built in between holds. */
    static long usedHeap() {
        for (int i = 0; i < 3; i++) System.gc();
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
