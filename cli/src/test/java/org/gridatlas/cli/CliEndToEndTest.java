package org.gridatlas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gridatlas.fixtures.Fixtures;
import org.gridatlas.fixtures.NeedsRealData;
import org.gridatlas.fixtures.RealData;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real command line on fixtures and checks the output with the project's copy of the independent checker. */
class CliEndToEndTest {
    private static final Path CHECKER =
            Path.of("../scripts/check_grids.py").toAbsolutePath().normalize();

    record Run(int exit, String out, String err) {}

    static Run cli(String... args) {
        return cli(System.getenv(), args);
    }

    /** Runs the command line with this environment, capturing what it prints. */
    static synchronized Run cli(java.util.Map<String, String> env, String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = GridAtlasCli.run(env, args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    static String check(Path dataset, Path result) throws Exception {
        Process p = new ProcessBuilder("/usr/bin/python3", CHECKER.toString(), dataset.toString(), result.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out;
    }

    @Test
    @NeedsRealData
    void delineatesMonacoAndTheIndependentCheckerPasses(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("monaco");
        Run r = cli("delineate", "--input", RealData.monaco().toString(), "--output", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("verification PASS"), r.out());
        String check = check(RealData.monaco(), out);
        assertTrue(check.contains("PASS grids="), check);
        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertTrue(report.get("shareInBounds").asDouble() > 0.85, report.toString());
        assertTrue(report.get("barrierAlignment").asDouble() > 0.8);
        report.get("verification").forEach(v -> assertEquals(0, v.asInt()));
        for (JsonNode issue : report.get("issues"))
            assertFalse(issue.get("why").asText().isBlank());
    }

    @Test
    void generatedCityPassesTheIndependentChecker(@TempDir Path dir) throws Exception {
        Path city = dir.resolve("city"), out = dir.resolve("grids");
        org.gridatlas.engine.io.DatasetWriter.write(org.gridatlas.fixtures.CityGenerator.generate(40_000, 3), city);
        Run r = cli("delineate", "--input", city.toString(), "--output", out.toString());
        assertEquals(0, r.exit(), r.err());
        String check = check(city, out);
        assertTrue(check.contains("PASS grids="), check);
    }

    @Test
    void readsAndWritesGeoPackages(@TempDir Path dir) throws Exception {
        Path out = delineatedGeoPackage(dir);
        assertTrue(Files.size(out) > 10_000);
    }

    @Test
    void gdalReadsTheGeoPackageBack(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(
                Files.isExecutable(Path.of("/usr/bin/ogrinfo")), "needs GDAL's ogrinfo (gdal-bin) to read it back");
        Path out = delineatedGeoPackage(dir);
        Process p = new ProcessBuilder("/usr/bin/ogrinfo", "-ro", "-so", out.toString())
                .redirectErrorStream(true)
                .start();
        String info = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), info);
        assertTrue(info.contains("1: grids") && info.contains("assignments") && info.contains("report"), info);
    }

    /** A generated city read from a GeoPackage and delineated into another: the result's path. */
    private static Path delineatedGeoPackage(Path dir) throws Exception {
        Path city = dir.resolve("city.gpkg"), out = dir.resolve("grids.gpkg");
        org.gridatlas.engine.io.DatasetWriter.write(org.gridatlas.fixtures.CityGenerator.generate(10_000, 1), city);
        Run r = cli("delineate", "--input", city.toString(), "--output", out.toString());
        assertEquals(0, r.exit(), r.err());
        return out;
    }

    @Test
    void badInputNamesTheRecordAndLeavesTheOldResultAlone(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("result");
        assertEquals(
                0,
                cli("delineate", "--input", Fixtures.smallCityFolder().toString(), "--output", out.toString())
                        .exit());
        String before = Files.readString(out.resolve("assignments.csv"));

        Path bad = dir.resolve("bad");
        Files.createDirectories(bad);
        for (String f : new String[] {"communities.geojson", "barriers.geojson"})
            Files.copy(Fixtures.smallCityFolder().resolve(f), bad.resolve(f));
        String buildings = Files.readString(Fixtures.smallCityFolder().resolve("buildings.geojson"));
        Files.writeString(
                bad.resolve("buildings.geojson"),
                buildings.replaceFirst("\"households\": ?\\d+", "\"households\": -5"));
        Run r = cli("delineate", "--input", bad.toString(), "--output", out.toString());
        assertEquals(2, r.exit());
        assertTrue(
                r.err()
                        .contains("buildings.geojson feature 0 (id "
                                + Fixtures.smallCity().buildings().get(0).id()
                                + "): households must be an integer >= 0, got -5"),
                r.err());
        assertEquals(before, Files.readString(out.resolve("assignments.csv")));
    }

    @Test
    void rejectsImpossibleBounds(@TempDir Path dir) {
        Run r = cli(
                "delineate",
                "--input",
                Fixtures.smallCityFolder().toString(),
                "--output",
                dir.resolve("x").toString(),
                "--min",
                "600",
                "--max",
                "500");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("min <= max"), r.err());
    }
}
