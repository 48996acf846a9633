package org.gridatlas.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one CSV cell writer: no cell a spreadsheet would run as a formula, and what it wrote reads back as it was. */
class CsvLayersTest {
    private static final LayerSchema SCHEMA = new LayerSchema("t", false, Map.of("id", FieldType.TEXT));

    @Test
    void formulaCellsAreNeutralisedAndReadBackAsTheyWere(@TempDir Path dir) throws Exception {
        List<String> ids = List.of(
                "=HYPERLINK(\"http://evil.example\",\"x\")",
                "+cmd|' /C calc'!A0",
                "-2+3",
                "@SUM(A1)",
                "\tTAB",
                "'=already",
                "-12.5",
                "+8613800000000",
                "B-1",
                "plain");
        List<Feature> features = new ArrayList<>();
        for (String id : ids) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("id", id);
            features.add(new Feature(p, null));
        }
        Path file = dir.resolve("t.csv");
        CsvLayers.write(file, SCHEMA, features);
        List<String> lines = Files.readAllLines(file);
        for (String line : lines.subList(1, lines.size())) {
            String cell = line.startsWith("\"") ? line.substring(1) : line;
            boolean number = cell.matches("[+-]?[0-9.]+");
            assertFalse(!number && cell.matches("[=+\\-@\t\r].*"), "a formula left as is: " + line);
        }
        assertTrue(
                lines.contains("-12.5") && lines.contains("+8613800000000") && lines.contains("B-1"),
                "numbers and plain text untouched: " + lines);
        List<String> back = CsvLayers.read(file, SCHEMA).stream()
                .map(f -> (String) f.properties().get("id"))
                .toList();
        assertEquals(ids, back);
    }
}
