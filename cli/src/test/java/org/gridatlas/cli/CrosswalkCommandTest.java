package org.gridatlas.cli;

import static org.gridatlas.cli.CliEndToEndTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.gridatlas.cli.CliEndToEndTest.Run;
import org.gridatlas.engine.io.DatasetReader;
import org.gridatlas.engine.io.DepartmentLayerReader;
import org.gridatlas.engine.io.Feature;
import org.gridatlas.engine.io.GeoJsonLayers;
import org.gridatlas.engine.model.Dataset;
import org.gridatlas.engine.model.DepartmentResource;
import org.gridatlas.engine.model.DepartmentUnit;
import org.gridatlas.fixtures.DepartmentLayers;
import org.gridatlas.fixtures.NeedsRealData;
import org.gridatlas.fixtures.RealData;
import org.gridatlas.store.ThrowawayDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;

/**
 * The crosswalk command on real data: Monaco's grids against police beats drawn from Monaco's own
 * major roads and railway (real lines that the grids, which follow every road, cross where a grid
 * spans one), checked by the independent shapely checker (area and household shares); the same
 * through both stores.
 */
@NeedsRealData
class CrosswalkCommandTest {
    private static final Path CHECKER =
            Path.of("../scripts/check_crosswalk.py").toAbsolutePath().normalize();

    @TempDir
    static Path dir;

    static Path grids, beats, resources;
    static int resourceCount;

    @BeforeAll
    static void monacoAndItsBeats() throws Exception {
        grids = dir.resolve("grids");
        Run r = cli("delineate", "--input", RealData.monaco().toString(), "--output", grids.toString());
        assertEquals(0, r.exit(), r.err());
        Dataset monaco = DatasetReader.read(RealData.monaco());
        List<DepartmentUnit> units = DepartmentLayers.policeBeats(monaco);
        assertTrue(units.size() >= 10, "beats: " + units.size());
        beats = dir.resolve("beats.geojson");
        List<Feature> features = new ArrayList<>();
        for (DepartmentUnit u : units)
            features.add(
                    new Feature(Map.of("id", u.id(), "name", u.name(), "department", u.department()), u.geometry()));
        GeoJsonLayers.write(beats, DepartmentLayerReader.UNITS, features);
        Envelope extent = new Envelope();
        monaco.communities().forEach(c -> extent.expandToInclude(c.geometry().getEnvelopeInternal()));
        List<DepartmentResource> points = DepartmentLayers.resources(extent, 2_000, 5);
        resourceCount = points.size();
        StringBuilder csv = new StringBuilder("id,type,name,department,lon,lat\n");
        for (DepartmentResource p : points)
            csv.append(String.join(
                            ",",
                            p.id(),
                            p.type(),
                            p.name(),
                            p.department(),
                            "" + p.point().getX(),
                            "" + p.point().getY()))
                    .append('\n');
        resources = dir.resolve("resources.csv");
        Files.writeString(resources, csv, StandardCharsets.UTF_8);
    }

    static String check(Path out) throws Exception {
        Process p = new ProcessBuilder(
                        "/usr/bin/python3",
                        CHECKER.toString(),
                        grids.resolve("grids.geojson").toString(),
                        beats.toString(),
                        out.toString(),
                        RealData.monaco().toString())
                .redirectErrorStream(true)
                .start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), text);
        return text;
    }

    @Test
    void monacoAgainstItsPoliceBeatsPassesTheIndependentChecker() throws Exception {
        Path out = dir.resolve("crosswalk");
        Run r = cli(
                "crosswalk",
                "--grids",
                grids.toString(),
                "--input",
                RealData.monaco().toString(),
                "--layer",
                beats.toString(),
                "--resources",
                resources.toString(),
                "--output",
                out.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(check(out).contains("PASS pairs="));
        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        int delineated = new ObjectMapper()
                .readTree(grids.resolve("grids.geojson").toFile())
                .get("features")
                .size();
        assertEquals(delineated, report.get("grids").asInt(), "every grid delineated is crosswalked: " + report);
        assertTrue(report.get("grids_in_one_unit").asInt() > 0, report.toString());
        assertTrue(report.get("conflicts").get("grid_split").asInt() > 0, "Monaco's grids span major roads: " + report);
        // a grid that is not in one beat alone is named in a conflict: split, cut or gap
        java.util.Set<String> whole = new java.util.HashSet<>(),
                named = new java.util.HashSet<>(),
                all = new java.util.HashSet<>();
        for (String line : lines(out.resolve("crosswalk.csv"))) {
            String[] f = line.split(",", -1);
            all.add(f[0]);
            if (Double.parseDouble(f[2]) >= 0.98) whole.add(f[0]);
        }
        for (String line : lines(out.resolve("conflicts.csv"))) named.add(line.split(",", -1)[1]);
        for (String code : all) assertTrue(whole.contains(code) || named.contains(code), code);
        assertEquals(report.get("grids_in_one_unit").asInt(), whole.size());
        assertEquals(
                0, report.get("conflicts").get("overlap").asInt(), "faces of one arrangement never overlap: " + report);

        // every grid has its main unit, and it is the unit with the most households (then area) among its rows
        Map<String, String> main = new HashMap<>();
        for (String line : lines(out.resolve("main_units.csv"))) main.put(line.split(",")[0], line.split(",")[1]);
        Map<String, double[]> best = new HashMap<>();
        Map<String, String> bestUnit = new HashMap<>();
        for (String line : lines(out.resolve("crosswalk.csv"))) {
            String[] f = line.split(",", -1);
            double h = f[3].isEmpty() ? 0 : Double.parseDouble(f[3]), a = Double.parseDouble(f[2]);
            double[] b = best.get(f[0]);
            if (b == null || h > b[0] || h == b[0] && a > b[1]) {
                best.put(f[0], new double[] {h, a});
                bestUnit.put(f[0], f[1]);
            }
        }
        assertEquals(bestUnit, main);

        // every resource once; each level of the counts adds up to the resources inside the grids
        List<String> joined = lines(out.resolve("resources.csv"));
        assertEquals(resourceCount, joined.size());
        long inGrids = joined.stream().filter(l -> !l.endsWith(",")).count();
        assertEquals(report.get("resources_in_grids").asLong(), inGrids);
        Map<String, Long> perLevel = new HashMap<>();
        for (String line : lines(out.resolve("resource_counts.csv"))) {
            String[] f = line.split(",");
            perLevel.merge(f[0], Long.parseLong(f[4]), Long::sum);
        }
        assertEquals(Map.of("grid", inGrids, "community", inGrids, "street", inGrids, "district", inGrids), perLevel);
        // the conflicts as a map layer: one feature per row of conflicts.csv, each with where it is
        JsonNode layer =
                new ObjectMapper().readTree(out.resolve("conflicts.geojson").toFile());
        assertEquals(
                lines(out.resolve("conflicts.csv")).size(),
                layer.get("features").size());
        layer.get("features").forEach(f -> assertFalse(f.get("geometry").isNull(), f.toString()));
    }

    @Test
    void theSameFromAGeoPackageStoreAndFromPostGis() throws Exception {
        Path reference = dir.resolve("reference");
        assertEquals(
                0,
                cli(
                                "crosswalk",
                                "--grids",
                                grids.toString(),
                                "--input",
                                RealData.monaco().toString(),
                                "--layer",
                                beats.toString(),
                                "--output",
                                reference.toString())
                        .exit());
        Path store = dir.resolve("store.gpkg");
        Run imported = cli("import", "--input", RealData.monaco().toString(), "--store", store.toString());
        assertEquals(0, imported.exit(), imported.err());
        Path fromGpkg = dir.resolve("from-gpkg");
        Run r = cli(
                "crosswalk", "--grids", store.toString(), "--layer", beats.toString(), "--output", fromGpkg.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(
                Files.readString(reference.resolve("crosswalk.csv")),
                Files.readString(fromGpkg.resolve("crosswalk.csv")));
        // the layer kept in the store, each import its next version
        Run kept = cli(
                "import-layer",
                "--name",
                "beats",
                "--kind",
                "units",
                "--layer",
                beats.toString(),
                "--store",
                store.toString());
        assertEquals(0, kept.exit(), kept.err());
        assertTrue(kept.out().contains("layer beats: version 1, 29 units"), kept.out());
        kept = cli(
                "import-layer",
                "--name",
                "beats",
                "--kind",
                "units",
                "--layer",
                beats.toString(),
                "--store",
                store.toString());
        assertTrue(kept.out().contains("layer beats: version 2"), kept.out());
        Run wrongKind = cli(
                "import-layer",
                "--name",
                "beats",
                "--kind",
                "resources",
                "--layer",
                resources.toString(),
                "--store",
                store.toString());
        assertEquals(2, wrongKind.exit());
        assertTrue(wrongKind.err().contains("layer beats holds units, not resources"), wrongKind.err());
        try (ThrowawayDatabase db = new ThrowawayDatabase("jdbc:postgresql://127.0.0.1:5432/", "gridatlas_crosswalk")) {
            assertEquals(
                    0,
                    cli("import", "--input", RealData.monaco().toString(), "--jdbc", db.url())
                            .exit());
            Path fromPg = dir.resolve("from-pg");
            r = cli("crosswalk", "--jdbc", db.url(), "--layer", beats.toString(), "--output", fromPg.toString());
            assertEquals(0, r.exit(), r.err());
            assertEquals(
                    Files.readString(reference.resolve("crosswalk.csv")),
                    Files.readString(fromPg.resolve("crosswalk.csv")));
            assertEquals(
                    Files.readString(reference.resolve("conflicts.csv")),
                    Files.readString(fromPg.resolve("conflicts.csv")));
        }
    }

    @Test
    void aBadLayerIsRefusedByRecordAndTheOldOutputStays() throws Exception {
        Path out = dir.resolve("kept");
        assertEquals(
                0,
                cli(
                                "crosswalk",
                                "--grids",
                                grids.toString(),
                                "--input",
                                RealData.monaco().toString(),
                                "--layer",
                                beats.toString(),
                                "--output",
                                out.toString())
                        .exit());
        String before = Files.readString(out.resolve("crosswalk.csv"));
        Path bad = dir.resolve("bad.geojson");
        Files.writeString(bad, Files.readString(beats).replaceFirst("\"department\":\"公安\"", "\"department\":null"));
        Run r = cli(
                "crosswalk",
                "--grids",
                grids.toString(),
                "--input",
                RealData.monaco().toString(),
                "--layer",
                bad.toString(),
                "--output",
                out.toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains(bad + " record 1 (id PB-001) field department: missing"), r.err());
        assertEquals(before, Files.readString(out.resolve("crosswalk.csv")));
        Run noInput =
                cli("crosswalk", "--grids", grids.toString(), "--layer", beats.toString(), "--output", out.toString());
        assertEquals(2, noInput.exit());
        assertTrue(noInput.err().contains("give --input"), noInput.err());
    }

    private static List<String> lines(Path csv) throws Exception {
        List<String> all = Files.readAllLines(csv, StandardCharsets.UTF_8);
        return all.subList(1, all.size());
    }
}
