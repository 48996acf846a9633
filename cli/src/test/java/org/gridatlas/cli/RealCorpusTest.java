package org.gridatlas.cli;

import static org.gridatlas.cli.CliEndToEndTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.gridatlas.fixtures.NeedsRealData;
import org.gridatlas.fixtures.RealData;
import org.gridatlas.fixtures.Slow;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real-data corpus of docs/grid-quality.md, as scripts/real_corpus.sh runs it: the seven
 * OpenStreetMap extracts made into datasets by scripts/osm_to_dataset.py, each of them and Monaco
 * delineated (exit 0) and passed by the independent checker; then Beijing as planners hold it — GBK
 * Shapefiles in EPSG:4528 (zone 40, with its number) and a GeoPackage in EPSG:4549, both made by
 * GDAL — gives the lon/lat run's grid codes and households.
 */
@Slow
@NeedsRealData
class RealCorpusTest {
    /** An extract, the test district code its dataset gets and the options osm_to_dataset.py needs for it. */
    record Extract(String name, String district, List<String> options) {}

    static final List<Extract> EXTRACTS = List.of(
            new Extract("beijing-haidian", "990201", List.of()),
            new Extract("cau", "990202", List.of()),
            new Extract("shenzhen", "990203", List.of()),
            new Extract("shu", "990204", List.of()),
            new Extract("bupt", "990205", List.of()),
            new Extract("lyon", "990206", List.of("--levels", "5", "--yes-as", "apartments")),
            new Extract(
                    "dunedin",
                    "990207",
                    List.of("--levels", "2", "--yes-as", "house", "--community-households", "400")));

    private static final Path OSM_TO_DATASET =
            Path.of("../scripts/osm_to_dataset.py").toAbsolutePath().normalize();
    private static final List<String> LAYERS = List.of("communities", "buildings", "barriers", "dedicated");

    @TempDir
    static Path dir;

    /** Each dataset's lon/lat grids, once delineated: Beijing's are compared with its files'. */
    private static final Map<String, Path> grids = new HashMap<>();

    @BeforeAll
    static void needsGdal() {
        Assumptions.assumeTrue(
                Files.isExecutable(Path.of("/usr/bin/ogr2ogr")),
                "needs GDAL's ogr2ogr (gdal-bin) to read the extracts");
    }

    static Stream<String> datasets() {
        return Stream.concat(Stream.of("monaco"), EXTRACTS.stream().map(Extract::name));
    }

    @ParameterizedTest
    @MethodSource("datasets")
    void delineatesAndTheIndependentCheckerPasses(String name) throws Exception {
        Path dataset = dataset(name);
        String check = CliEndToEndTest.check(dataset, delineated(name));
        assertTrue(check.contains("PASS grids="), name + ": " + check);
    }

    @Test
    void beijingAsGbkShapefilesAndAProjectedGeoPackageGivesTheSameGrids() throws Exception {
        Path src = dataset("beijing-haidian");
        Map<String, Integer> lonLat = codesAndHouseholds(delineated("beijing-haidian"));
        Path shp = dir.resolve("beijing-4528"), gpkg = dir.resolve("beijing-4549.gpkg");
        Files.createDirectories(shp);
        for (String l : LAYERS) {
            Path from = src.resolve(l + ".geojson");
            // GDAL cuts field names to 10 characters, as ArcGIS does and as the reader expects
            ogr2ogr(
                    "-f",
                    "ESRI Shapefile",
                    "-lco",
                    "ENCODING=GBK",
                    "-t_srs",
                    "EPSG:4528",
                    shp.resolve(l + ".shp"),
                    from);
            if (Files.exists(gpkg)) ogr2ogr("-f", "GPKG", "-t_srs", "EPSG:4549", "-nln", l, "-update", gpkg, from);
            else ogr2ogr("-f", "GPKG", "-t_srs", "EPSG:4549", "-nln", l, gpkg, from);
        }
        assertTrue(lonLat.size() > 10, "Beijing's grids: " + lonLat.size());
        for (Path files : List.of(shp, gpkg)) {
            Path out =
                    dir.resolve("grids-from-" + files.getFileName().toString().replace('.', '-'));
            CliEndToEndTest.Run r = cli("delineate", "--input", files.toString(), "--output", out.toString());
            assertEquals(0, r.exit(), files + ": " + r.err());
            assertEquals(lonLat, codesAndHouseholds(out), files + " gives the lon/lat run's grid codes and households");
        }
    }

    /** The dataset of one corpus entry: Monaco as it is, an extract made into one (once). */
    private static synchronized Path dataset(String name) throws Exception {
        if (name.equals("monaco")) return RealData.monaco();
        Path out = dir.resolve("datasets").resolve(name);
        if (Files.isDirectory(out)) return out;
        Extract e =
                EXTRACTS.stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
        List<String> cmd = new ArrayList<>(List.of(
                "/usr/bin/python3",
                OSM_TO_DATASET.toString(),
                RealData.osm().resolve(name + ".osm").toString(),
                out.toString(),
                "--district",
                e.district()));
        cmd.addAll(e.options());
        run(cmd);
        return out;
    }

    /** The dataset's lon/lat grids, delineated once; the command must exit 0 (every rule kept). */
    private static synchronized Path delineated(String name) throws Exception {
        Path out = grids.get(name);
        if (out != null) return out;
        out = dir.resolve("grids").resolve(name);
        CliEndToEndTest.Run r = cli("delineate", "--input", dataset(name).toString(), "--output", out.toString());
        assertEquals(0, r.exit(), name + ": " + r.err());
        grids.put(name, out);
        return out;
    }

    private static Map<String, Integer> codesAndHouseholds(Path result) throws Exception {
        Map<String, Integer> out = new TreeMap<>();
        for (JsonNode f : new ObjectMapper()
                .readTree(result.resolve("grids.geojson").toFile())
                .get("features"))
            out.put(
                    f.at("/properties/code").asText(),
                    f.at("/properties/households").asInt());
        return out;
    }

    private static void ogr2ogr(Object... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/ogr2ogr", "-q"));
        for (Object a : args) cmd.add(a.toString());
        run(cmd);
    }

    private static void run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", cmd) + "\n" + out);
    }
}
