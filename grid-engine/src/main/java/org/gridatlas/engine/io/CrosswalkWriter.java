package org.gridatlas.engine.io;

import static org.gridatlas.engine.io.FieldType.INTEGER;
import static org.gridatlas.engine.io.FieldType.TEXT;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gridatlas.engine.departments.ConflictKind;
import org.gridatlas.engine.departments.CrosswalkConflict;
import org.gridatlas.engine.departments.CrosswalkResult;
import org.gridatlas.engine.departments.CrosswalkRow;
import org.gridatlas.engine.departments.ResourceCount;
import org.gridatlas.engine.departments.ResourcesInGrids;
import org.gridatlas.engine.model.DepartmentResource;

/**
 * Writes a crosswalk as a directory, swapped in whole: crosswalk.csv, main_units.csv,
 * conflicts.csv, conflicts.geojson (the conflicts where they are, for a map), report.json; with
 * resources, resources.csv (each resource and its grid) and resource_counts.csv (by type and
 * department, grid → community → street → district).
 */
public final class CrosswalkWriter {
    public static final LayerSchema CROSSWALK = LayerSchema.attributes("crosswalk", "grid_code", TEXT, "unit_id", TEXT, "area_share", TEXT, "household_share", TEXT);
    public static final LayerSchema MAIN_UNITS = LayerSchema.attributes("main_units", "grid_code", TEXT, "unit_id", TEXT);
    public static final LayerSchema CONFLICTS = LayerSchema.spatial("conflicts", "kind", TEXT, "grid_code", TEXT, "unit_id", TEXT, "detail", TEXT);
    public static final LayerSchema RESOURCES = LayerSchema.attributes("resources", "id", TEXT, "type", TEXT, "name", TEXT, "department", TEXT, "grid_code", TEXT);
    public static final LayerSchema RESOURCE_COUNTS = LayerSchema.attributes("resource_counts", "level", TEXT, "code", TEXT, "type", TEXT, "department", TEXT,
            "count", INTEGER);

    private CrosswalkWriter() {}

    /** {@code resources} and {@code counts} may be null (no points given); {@code report}: the run's summary. */
    public static void write(Path output, CrosswalkResult result, ResourcesInGrids resources, List<ResourceCount> counts, Map<String, Object> report)
            throws IOException {
        ResultWriter.writeDirectory(output, dir -> {
            CsvLayers.write(dir.resolve(CROSSWALK.csvFile()), CROSSWALK, crosswalkRows(result.rows()));
            CsvLayers.write(dir.resolve(MAIN_UNITS.csvFile()), MAIN_UNITS, result.mainUnit().entrySet().stream()
                    .map(e -> DatasetWriter.feature(null, "grid_code", e.getKey(), "unit_id", e.getValue())).toList());
            List<Feature> conflicts = result.conflicts().stream().map(CrosswalkWriter::conflict).toList();
            CsvLayers.write(dir.resolve(CONFLICTS.csvFile()), CONFLICTS, conflicts);
            GeoJsonLayers.write(dir.resolve(CONFLICTS.geoJsonFile()), CONFLICTS, conflicts);
            if (resources != null) {
                List<Feature> rows = new ArrayList<>();
                resources.byGrid().forEach((code, list) -> list.forEach(r -> rows.add(resource(r, code))));
                resources.outside().forEach(r -> rows.add(resource(r, null)));
                CsvLayers.write(dir.resolve(RESOURCES.csvFile()), RESOURCES, rows);
                CsvLayers.write(dir.resolve(RESOURCE_COUNTS.csvFile()), RESOURCE_COUNTS, counts.stream().map(c -> DatasetWriter.feature(null, "level", c.level(),
                        "code", c.code(), "type", c.type(), "department", c.department(), "count", c.count())).toList());
            }
            Files.writeString(dir.resolve("report.json"), GeoJsonLayers.JSON.copy().enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT).writeValueAsString(report), StandardCharsets.UTF_8);
        });
    }

    /** The run's summary as report.json holds it. */
    public static Map<String, Object> summary(CrosswalkResult result, ResourcesInGrids resources) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("grids", result.grids());
        r.put("units", result.units());
        r.put("rows", result.rows().size());
        r.put("grids_in_one_unit", result.gridsInOneUnit());
        r.put("grids_without_unit", result.grids() - result.mainUnit().size());
        Map<String, Long> kinds = new LinkedHashMap<>();
        for (ConflictKind k : ConflictKind.values()) kinds.put(k.wireName, result.count(k));
        r.put("conflicts", kinds);
        if (resources != null) {
            r.put("resources_in_grids", resources.byGrid().values().stream().mapToInt(List::size).sum());
            r.put("resources_outside", resources.outside().size());
        }
        return r;
    }

    private static Feature conflict(CrosswalkConflict c) {
        return DatasetWriter.feature(c.where(), "kind", c.kind().wireName, "grid_code", c.gridCode(), "unit_id", c.unitId(), "detail", c.detail());
    }

    private static Feature resource(DepartmentResource r, String grid) {
        return DatasetWriter.feature(null, "id", r.id(), "type", r.type(), "name", r.name(), "department", r.department(), "grid_code", grid);
    }

    /** The rows with their shares in six decimals, a grid's shares rounded together (see {@link #millionths}). */
    private static List<Feature> crosswalkRows(List<CrosswalkRow> rows) {
        Map<String, List<Integer>> byGrid = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) byGrid.computeIfAbsent(rows.get(i).gridCode(), k -> new ArrayList<>()).add(i);
        String[] area = new String[rows.size()], households = new String[rows.size()];
        double[] areaShare = rows.stream().mapToDouble(CrosswalkRow::areaShare).toArray();
        double[] householdShare = rows.stream().mapToDouble(CrosswalkRow::householdShare).toArray();
        for (List<Integer> at : byGrid.values()) {
            shares(at, areaShare, area);
            shares(at, householdShare, households);
        }
        List<Feature> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            CrosswalkRow r = rows.get(i);
            out.add(DatasetWriter.feature(null, "grid_code", r.gridCode(), "unit_id", r.unitId(), "area_share", area[i], "household_share", households[i]));
        }
        return out;
    }

    private static void shares(List<Integer> at, double[] share, String[] out) {
        double[] mine = at.stream().mapToDouble(i -> share[i]).toArray();
        if (Double.isNaN(mine[0])) return; // a grid without households has no household shares
        long[] m = millionths(mine);
        for (int k = 0; k < m.length; k++) out[at.get(k)] = String.format(Locale.ROOT, "%d.%06d", m[k] / 1_000_000, m[k] % 1_000_000);
    }

    /**
     * Shares in millionths (a tenth of a square metre of a 100,000 m² grid) that add up to their
     * rounded sum: each rounded down, the millionths left over going to the largest remainders, so
     * a grid's shares written one by one never add up past 1.
     */
    static long[] millionths(double[] shares) {
        long[] out = new long[shares.length];
        double total = 0;
        long given = 0;
        Integer[] order = new Integer[shares.length];
        for (int k = 0; k < shares.length; k++) {
            out[k] = (long) Math.floor(shares[k] * 1e6);
            given += out[k];
            total += shares[k];
            order[k] = k;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(shares[b] * 1e6 - out[b], shares[a] * 1e6 - out[a]));
        long left = Math.round(total * 1e6) - given;
        for (int k = 0; k < order.length && left > 0; k++, left--) out[order[k]]++;
        return out;
    }
}
