package org.gridatlas.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.gridatlas.api.web.ApiServer;
import org.gridatlas.engine.Delineator;
import org.gridatlas.engine.geom.ChinaCrs;
import org.gridatlas.engine.model.Dataset;
import org.gridatlas.engine.model.Delineation;
import org.gridatlas.engine.model.Grid;
import org.gridatlas.engine.model.GridLevel;
import org.gridatlas.engine.partition.Bounds;
import org.gridatlas.fixtures.CityGenerator;
import org.gridatlas.store.GeoPackageGridStore;
import org.gridatlas.store.PostGisGridStore;
import org.gridatlas.store.ThrowawayDatabase;
import org.gridatlas.tiles.MvtRenderer;
import org.gridatlas.tiles.TileFeature;
import org.gridatlas.tiles.TileId;
import org.gridatlas.tiles.TileLayer;
import org.gridatlas.tiles.TileSeeder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Tile benchmark in one run: uncached MVT of every grid tile z12–z16 of a generated city, in
 * process and with PostGIS ST_AsMVT over the same tiles (as Martin and pg_tileserv make them), and
 * cached tiles over HTTP under wrk.
 */
@Command(
        name = "bench-tiles",
        mixinStandardHelpOptions = true,
        description = "Benchmark grid tiles: in process vs PostGIS ST_AsMVT, cached over HTTP.")
final class TileBenchCommand implements Callable<Integer> {
    @Option(names = "--households", defaultValue = "1000000")
    int households;

    @Option(names = "--pg", defaultValue = "jdbc:postgresql://127.0.0.1:5432/")
    String pg;

    @Option(
            names = "--wrk-seconds",
            defaultValue = "8",
            description = "seconds of the wrk run (default ${DEFAULT-VALUE})")
    int wrkSeconds;

    private static final String ST_ASMVT = "WITH b AS (SELECT ST_TileEnvelope(?, ?, ?) AS env), "
            + "m AS (SELECT ST_AsMVTGeom(ST_Transform(g.geom, 3857), b.env, 4096, 64, true) AS geom, g.code, g.households "
            + "FROM grids g, b WHERE g.level = 'grid' AND g.geom && ST_Transform(b.env, 4490)) "
            + "SELECT ST_AsMVT(m.*, 'grids') FROM m";

    @Override
    public Integer call() throws Exception {
        Dataset city = CityGenerator.generate(households, 1);
        Delineation result = new Delineator(Bounds.DEFAULT).delineate(city);
        List<TileFeature> features = new ArrayList<>();
        for (Grid g : result.grids())
            if (g.level() == GridLevel.GRID)
                features.add(new TileFeature(g.geometry(), Map.of("code", g.code(), "households", g.households())));
        List<TileLayer> layers = List.of(new TileLayer("grids", 0, features));
        List<TileId> tiles = TileSeeder.tiles(layers, 12, 16);
        MvtRenderer renderer = new MvtRenderer();
        for (int i = 0; i < Math.min(200, tiles.size()); i++) renderer.render(layers, tiles.get(i), ChinaCrs.WGS84);
        long t = System.nanoTime();
        long bytes = 0;
        int nonEmpty = 0;
        for (TileId tile : tiles) {
            byte[] b = renderer.render(layers, tile, ChinaCrs.WGS84);
            if (b != null) {
                bytes += b.length;
                nonEmpty++;
            }
        }
        double firstPass = seconds(t);
        // the first pass also simplifies every grid once per zoom; the second finds that done
        t = System.nanoTime();
        for (TileId tile : tiles) renderer.render(layers, tile, ChinaCrs.WGS84);
        double inProcess = seconds(t);
        System.out.printf(
                "city: %d households, %d grids; %d tiles z12-16 (%d with grids)%n",
                city.households(), features.size(), tiles.size(), nonEmpty);
        System.out.printf(
                "in process, no tile cache: first pass %.2f s (%.0f tiles/s, includes simplifying each grid once per zoom), "
                        + "second pass %.2f s = %.0f tiles/s (%d KB)%n",
                firstPass, tiles.size() / firstPass, inProcess, tiles.size() / inProcess, bytes >> 10);

        try (ThrowawayDatabase db = new ThrowawayDatabase(pg, "gridatlas_bench")) {
            try (PostGisGridStore store = PostGisGridStore.open(db.url())) {
                store.replace(city, result, "bench");
            }
            try (Connection c = DriverManager.getConnection(db.url());
                    PreparedStatement ps = c.prepareStatement(ST_ASMVT)) {
                try (Statement s = c.createStatement()) {
                    s.execute("ANALYZE grids");
                }
                for (int i = 0; i < Math.min(200, tiles.size()); i++) asMvt(ps, tiles.get(i));
                t = System.nanoTime();
                long pgBytes = 0;
                for (TileId tile : tiles) pgBytes += asMvt(ps, tile);
                double postgis = seconds(t);
                System.out.printf(
                        "PostGIS ST_AsMVT over JDBC: %.2f s = %.0f tiles/s (%d KB); in process is %.1fx faster%n",
                        postgis, tiles.size() / postgis, pgBytes >> 10, postgis / inProcess);
            }
        }

        Path dir = Files.createTempDirectory("gridatlas-tiles-");
        try (GeoPackageGridStore store = GeoPackageGridStore.open(dir.resolve("bench.gpkg"))) {
            store.replace(city, result, "bench");
            try (ApiServer server = new ApiServer(store).start(0)) {
                List<String> paths = new ArrayList<>();
                HttpClient http = HttpClient.newHttpClient();
                for (TileId tile : tiles) {
                    String p = "/tiles/grids/" + tile + ".mvt";
                    http.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + p))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
                    paths.add(p);
                }
                System.out.printf(
                        "cache: %d tiles, %d KB%n",
                        server.tileCache().size(), server.tileCache().bytes() >> 10);
                if (Wrk.available()) {
                    // one connection: the latency a map client sees; eight: throughput, with wrk and the server sharing
                    // the cores.
                    // The baseline is the floor of this machine: the JDK's bare HTTP server answering one fixed tile
                    // from memory.
                    System.gc(); // start the HTTP runs without the city's garbage from the phases before
                    byte[] tile = http.send(
                                    HttpRequest.newBuilder(URI.create(
                                                    "http://127.0.0.1:" + server.port() + paths.get(paths.size() / 2)))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofByteArray())
                            .body();
                    System.out.println("baseline, a bare JDK HTTP server with one tile in memory (wrk, 1 connection, "
                            + wrkSeconds + " s): "
                            + bareServer(tile, port -> Wrk.run(port, List.of("/"), 1, wrkSeconds, dir)));
                    System.out.println("cached tiles over HTTP, latency (wrk, 1 connection, " + wrkSeconds + " s): "
                            + Wrk.run(server.port(), paths, 1, wrkSeconds, dir));
                    System.out.println("cached tiles over HTTP, throughput (wrk, 2 threads, 8 connections, "
                            + wrkSeconds + " s): " + Wrk.run(server.port(), paths, 8, wrkSeconds, dir));
                } else {
                    System.out.println("HTTP: wrk not installed (apt-get install wrk), skipped");
                }
            }
        } finally {
            try (var w = Files.walk(dir)) {
                for (Path p : w.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
        return 0;
    }

    interface Load {
        String run(int port) throws Exception;
    }

    /** Runs the load against the JDK's own HTTP server answering every request with these bytes. */
    private static String bareServer(byte[] body, Load load) throws Exception {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        com.sun.net.httpserver.HttpServer bare =
                com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        bare.createContext("/", x -> {
            x.getResponseHeaders().add("Content-Type", "application/vnd.mapbox-vector-tile");
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        bare.start();
        try {
            return load.run(bare.getAddress().getPort());
        } finally {
            bare.stop(0);
        }
    }

    private static int asMvt(PreparedStatement ps, TileId t) throws Exception {
        ps.setInt(1, t.z());
        ps.setInt(2, t.x());
        ps.setInt(3, t.y());
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            byte[] b = rs.getBytes(1);
            return b == null ? 0 : b.length;
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
