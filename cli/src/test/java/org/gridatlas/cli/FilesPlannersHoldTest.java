package org.gridatlas.cli;

import static org.gridatlas.cli.CliEndToEndTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gridatlas.engine.errors.PlanningFailure;
import org.gridatlas.engine.io.DatasetException;
import org.gridatlas.fixtures.Fixtures;
import org.gridatlas.fixtures.NeedsRealData;
import org.gridatlas.fixtures.RealData;
import org.gridatlas.fixtures.Slow;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files planners actually hand over, through the command line: projected coordinates (made by
 * GDAL's ogr2ogr, an independent converter) with and without the system named, truncated JSON,
 * an empty layer, lon/lat swapped; and exit codes that tell the truth (0 pass, 1 rule broken,
 * 2 bad input named, 3 internal error).
 */
@Slow
class FilesPlannersHoldTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> LAYERS = List.of("communities", "buildings", "barriers", "dedicated");

    @BeforeAll
    static void needsGdal() {
        Assumptions.assumeTrue(
                Files.isExecutable(Path.of("/usr/bin/ogr2ogr")),
                "needs GDAL's ogr2ogr (gdal-bin) to make projected copies");
    }

    @Test
    void projectedFilesGiveTheSameGridsAsLonLat(@TempDir Path dir) throws Exception {
        Path utm = dir.resolve("utm"), bare = dir.resolve("bare");
        Files.createDirectories(utm);
        Files.createDirectories(bare);
        for (String l : LAYERS) {
            ogr2ogr(
                    "-t_srs",
                    "EPSG:32650",
                    utm.resolve(l + ".geojson").toString(),
                    Fixtures.smallCityFolder().resolve(l + ".geojson").toString());
            ObjectNode fc =
                    (ObjectNode) JSON.readTree(utm.resolve(l + ".geojson").toFile());
            assertTrue(
                    fc.path("crs").path("properties").path("name").asText().endsWith("32650"),
                    "GDAL names the system in the crs member");
            fc.remove("crs");
            JSON.writeValue(bare.resolve(l + ".geojson").toFile(), fc);
        }
        CliEndToEndTest.Run lonLat = cli(
                "delineate",
                "--input",
                Fixtures.smallCityFolder().toString(),
                "--output",
                dir.resolve("out-lonlat").toString());
        assertEquals(0, lonLat.exit(), lonLat.err());
        CliEndToEndTest.Run named = cli(
                "delineate",
                "--input",
                utm.toString(),
                "--output",
                dir.resolve("out-named").toString());
        assertEquals(0, named.exit(), named.err());
        CliEndToEndTest.Run given = cli(
                "delineate",
                "--input",
                bare.toString(),
                "--crs",
                "EPSG:32650",
                "--output",
                dir.resolve("out-given").toString());
        assertEquals(0, given.exit(), given.err());
        assertEquals(grids(dir.resolve("out-lonlat")), grids(dir.resolve("out-named")), "the crs member is read");
        assertEquals(grids(dir.resolve("out-lonlat")), grids(dir.resolve("out-given")), "--crs is applied");

        CliEndToEndTest.Run unnamed = cli(
                "delineate",
                "--input",
                bare.toString(),
                "--output",
                dir.resolve("out-bare").toString());
        assertEquals(2, unnamed.exit(), unnamed.err());
        assertTrue(
                unnamed.err().contains("coordinates are not lon/lat")
                        && unnamed.err().contains("give the crs as EPSG:n"),
                unnamed.err());
    }

    @Test
    void shapefilesGeoPackagesAndOtherFormatsGiveTheSameGrids(@TempDir Path dir) throws Exception {
        Path shp = dir.resolve("shp"), gpkg = dir.resolve("city.gpkg"), sqlite = dir.resolve("city.sqlite");
        Files.createDirectories(shp);
        for (String l : LAYERS) {
            String src = Fixtures.smallCityFolder().resolve(l + ".geojson").toString();
            // ArcGIS-style: GBK attributes, field names cut to 10 characters, a .prj in UTM
            ogr2ogr(
                    "-f",
                    "ESRI Shapefile",
                    "-t_srs",
                    "EPSG:32650",
                    "-lco",
                    "ENCODING=GBK",
                    shp.resolve(l + ".shp").toString(),
                    src);
            List<String> more = new ArrayList<>(List.of("-f", "GPKG", "-t_srs", "EPSG:32650", "-nln", l));
            if (Files.exists(gpkg)) more.add("-update");
            more.addAll(List.of(gpkg.toString(), src));
            ogr2ogr(more.toArray(String[]::new));
            List<String> lite = new ArrayList<>(List.of("-f", "SQLite", "-nln", l));
            if (Files.exists(sqlite)) lite.add("-update");
            lite.addAll(List.of(sqlite.toString(), src));
            ogr2ogr(lite.toArray(String[]::new));
        }
        assertTrue(Files.readString(shp.resolve("communities.prj")).contains("UTM_Zone_50N"));
        CliEndToEndTest.Run lonLat = cli(
                "delineate",
                "--input",
                Fixtures.smallCityFolder().toString(),
                "--output",
                dir.resolve("out-lonlat").toString());
        assertEquals(0, lonLat.exit(), lonLat.err());
        for (Path input : List.of(shp, gpkg, sqlite)) {
            Path out = dir.resolve("out-" + input.getFileName().toString().replace('.', '-'));
            CliEndToEndTest.Run r = cli("delineate", "--input", input.toString(), "--output", out.toString());
            assertEquals(0, r.exit(), input + ": " + r.err());
            assertEquals(grids(dir.resolve("out-lonlat")), grids(out), input + " gives the lon/lat grids");
        }
    }

    @Test
    void badFilesAreExitTwoNamingFileAndPlace(@TempDir Path dir) throws Exception {
        Path truncated = copyOf(Fixtures.smallCityFolder(), dir.resolve("truncated"));
        byte[] all = Files.readAllBytes(truncated.resolve("buildings.geojson"));
        Files.write(truncated.resolve("buildings.geojson"), java.util.Arrays.copyOf(all, all.length / 2));
        CliEndToEndTest.Run r = cli(
                "delineate",
                "--input",
                truncated.toString(),
                "--output",
                dir.resolve("o1").toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(
                r.err().contains("buildings.geojson: line ")
                        && r.err().contains(", column ")
                        && r.err().contains("not valid JSON"),
                r.err());

        Path empty = copyOf(Fixtures.smallCityFolder(), dir.resolve("empty"));
        Files.writeString(empty.resolve("buildings.geojson"), "{\"type\":\"FeatureCollection\",\"features\":[]}");
        r = cli(
                "delineate",
                "--input",
                empty.toString(),
                "--output",
                dir.resolve("o2").toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("buildings.geojson: no buildings"), r.err());

        // the district's lon and lat (119.6, 39.9) swapped: a latitude out of range
        r = delineateSwapped(Fixtures.smallCityFolder(), dir.resolve("swapped"));
        assertEquals(2, r.exit(), r.err());
        assertTrue(
                r.err().contains("coordinates are not lon/lat: (39.9")
                        && r.err().contains("out of range"),
                r.err());

        r = cli(
                "delineate",
                "--input",
                dir.resolve("nowhere").toString(),
                "--output",
                dir.resolve("o4").toString());
        assertEquals(2, r.exit(), r.err());
        r = cli(
                "delineate",
                "--input",
                Fixtures.smallCityFolder().toString(),
                "--crs",
                "EPSG:999999",
                "--output",
                dir.resolve("o5").toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("--crs: EPSG:999999"), r.err());
    }

    @Test
    void aGeoPackageOrShapefileResultInTheSystemAsked(@TempDir Path dir) throws Exception {
        Path lonLat = dir.resolve("lonlat");
        assertEquals(
                0,
                cli("delineate", "--input", Fixtures.smallCityFolder().toString(), "--output", lonLat.toString())
                        .exit());
        Map<String, double[]> want = centroids(lonLat.resolve("grids.geojson"));
        // (output, extra options, the file GDAL opens)
        for (String[] c : List.of(
                new String[] {"utm.gpkg", "", "utm.gpkg"},
                new String[] {"utm-shp", "--format=shapefile", "utm-shp/grids.shp"})) {
            List<String> args = new java.util.ArrayList<>(List.of(
                    "delineate",
                    "--input",
                    Fixtures.smallCityFolder().toString(),
                    "--output",
                    dir.resolve(c[0]).toString(),
                    "--output-crs",
                    "EPSG:32650"));
            if (!c[1].isEmpty()) args.add(c[1]);
            CliEndToEndTest.Run r = cli(args.toArray(String[]::new));
            assertEquals(0, r.exit(), r.err());
            // GDAL reads the system from the GeoPackage or .prj and brings the grids back to lon/lat where the lon/lat
            // run has them
            Path back = dir.resolve(c[0] + "-back.geojson");
            ogr2ogr("-t_srs", "EPSG:4326", back.toString(), dir.resolve(c[2]).toString(), "grids");
            Map<String, double[]> got = centroids(back);
            assertEquals(want.keySet(), got.keySet(), c[0]);
            want.forEach((code, xy) -> {
                assertEquals(xy[0], got.get(code)[0], 1e-7, c[0] + " " + code);
                assertEquals(xy[1], got.get(code)[1], 1e-7, c[0] + " " + code);
            });
            // and so does our reader (crosswalk --grids)
            var read = org.gridatlas.engine.io.ResultReader.read(dir.resolve(c[0]));
            assertEquals(want.size(), read.grids().size(), c[0]);
            read.grids()
                    .forEach(g -> assertEquals(
                            want.get(g.code())[0], g.geometry().getCentroid().getX(), 1e-7, c[0] + " " + g.code()));
        }
        CliEndToEndTest.Run refused = cli(
                "delineate",
                "--input",
                Fixtures.smallCityFolder().toString(),
                "--output",
                dir.resolve("dir").toString(),
                "--output-crs",
                "EPSG:32650");
        assertEquals(2, refused.exit());
        assertTrue(refused.err().contains("--output-crs: applies to a .gpkg or Shapefile output"), refused.err());
        refused = cli(
                "delineate",
                "--input",
                Fixtures.smallCityFolder().toString(),
                "--output",
                dir.resolve("x.gpkg").toString(),
                "--format",
                "shapefile");
        assertEquals(2, refused.exit());
        assertTrue(refused.err().contains("--format: shapefile writes a directory"), refused.err());
        refused = cli(
                "delineate",
                "--input",
                Fixtures.smallCityFolder().toString(),
                "--output",
                dir.resolve("web").toString(),
                "--format",
                "shapefile",
                "--output-crs",
                "EPSG:3857");
        assertEquals(2, refused.exit());
        assertTrue(refused.err().contains("a .gpkg output takes any"), refused.err());
        assertTrue(!Files.exists(dir.resolve("web")), "refused before anything was written");
    }

    private static Map<String, double[]> centroids(Path geojson) throws Exception {
        Map<String, double[]> out = new TreeMap<>();
        org.locationtech.jts.io.geojson.GeoJsonReader reader = new org.locationtech.jts.io.geojson.GeoJsonReader();
        for (JsonNode f : JSON.readTree(geojson.toFile()).get("features")) {
            org.locationtech.jts.geom.Point c =
                    reader.read(f.get("geometry").toString()).getCentroid();
            out.put(f.path("properties").path("code").asText(), new double[] {c.getX(), c.getY()});
        }
        return out;
    }

    @Test
    void internalFailuresAreExitThreeNeverBadInput() {
        assertEquals(
                3,
                GridAtlasCli.exitCode(
                        new PlanningFailure("990101001001", new IllegalStateException("side location conflict"))));
        assertEquals(
                3,
                GridAtlasCli.exitCode(new org.locationtech.jts.geom.TopologyException("found non-noded intersection")));
        assertEquals(
                3,
                GridAtlasCli.exitCode(new IllegalArgumentException("Invalid number of points in LinearRing")),
                "a JTS complaint is ours, not the user's");
        assertEquals(
                2,
                GridAtlasCli.exitCode(
                        new DatasetException(List.of("buildings.geojson feature 3 (id b3): missing households"))));
        assertTrue(new PlanningFailure("990101001001", new RuntimeException("x"))
                .getMessage()
                .contains("community 990101001001 (this is a bug"));
    }

    private static TreeMap<String, Integer> grids(Path out) throws Exception {
        TreeMap<String, Integer> m = new TreeMap<>();
        for (JsonNode f : JSON.readTree(out.resolve("grids.geojson").toFile()).get("features")) {
            m.put(
                    f.path("properties").path("code").asText(),
                    f.path("properties").path("households").asInt());
        }
        return m;
    }

    @Test
    @NeedsRealData
    void monacoSwappedIsNamedByItsCommunities(@TempDir Path dir) throws Exception {
        // Monaco's lon and lat (7.4, 43.7) are both in range swapped: only the communities tell
        CliEndToEndTest.Run r = delineateSwapped(RealData.monaco(), dir);
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("lon and lat swapped: the file is in lat,lon order"), r.err());
    }

    /** Delineates a copy of a dataset whose buildings are in lat,lon order. */
    private static CliEndToEndTest.Run delineateSwapped(Path dataset, Path dir) throws Exception {
        Path swapped = copyOf(dataset, dir.resolve("in"));
        ObjectNode fc =
                (ObjectNode) JSON.readTree(swapped.resolve("buildings.geojson").toFile());
        for (JsonNode f : fc.get("features")) swap(f.path("geometry").path("coordinates"));
        JSON.writeValue(swapped.resolve("buildings.geojson").toFile(), fc);
        return cli(
                "delineate",
                "--input",
                swapped.toString(),
                "--output",
                dir.resolve("out").toString());
    }

    private static void swap(JsonNode n) {
        if (n instanceof ArrayNode a && a.size() >= 2 && a.get(0).isNumber()) {
            JsonNode x = a.get(0);
            a.set(0, a.get(1));
            a.set(1, x);
        } else {
            n.forEach(FilesPlannersHoldTest::swap);
        }
    }

    private static Path copyOf(Path dataset, Path to) throws Exception {
        Files.createDirectories(to);
        for (String l : LAYERS) Files.copy(dataset.resolve(l + ".geojson"), to.resolve(l + ".geojson"));
        return to;
    }

    private static void ogr2ogr(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("ogr2ogr", "-q", "-f", "GeoJSON"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), "ogr2ogr: " + out);
    }
}
