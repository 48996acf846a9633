package org.gridatlas.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.gridatlas.cli.GridAtlasCli;
import org.gridatlas.fixtures.Slow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark jar's commands run, small, as the README gives them. */
@Slow
class GridAtlasBenchTest {
    private static String run(String... args) {
        PrintStream was = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, GridAtlasCli.run(new GridAtlasBench(), Map.of(), args));
        } finally {
            System.setOut(was);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theConfigurationPageDocumentsEveryBenchmarkAndOption() throws Exception {
        java.util.List<String> missing =
                org.gridatlas.cli.ConfigurationTest.undocumented(new picocli.CommandLine(new GridAtlasBench()));
        assertTrue(missing.isEmpty(), "docs/configuration.md does not document: " + missing);
    }

    @Test
    void generateCityWritesADatasetWithAddressesAndAliases(@TempDir Path dir) throws Exception {
        run(
                "generate-city",
                "--households",
                "10000",
                "--seed",
                "2",
                "--output",
                dir.resolve("city").toString());
        assertTrue(Files.readString(dir.resolve("city/buildings.geojson")).contains("\"house_number\""));
        assertTrue(Files.exists(dir.resolve("city/aliases.csv")));
    }

    @Test
    void benchAddressEndsWithItsSummaryLine() {
        String out = run("bench-address", "--households", "20000", "--appeals", "2000");
        String last = out.strip().lines().reduce((a, b) -> b).orElseThrow();
        assertTrue(
                last.matches(
                        "address: [0-9.]+% right grid of [0-9,]+ naming one place, [0-9.]+% wrong grid of [0-9,]+ about the city,"
                                + " [0-9.]+% of [0-9,]+ nowhere-addresses given no grid \\([0-9,]+ given one\\);"
                                + " [0-9,]+ addresses/s on one thread \\([0-9,]+ per second of its CPU time, [0-9.]+x the baseline\\)"),
                last);
    }
}
