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
    public static final LayerSchema CROSSWALK = LayerSchema.attributes(
            "crosswalk", "grid_code", TEXT, "unit_id", TEXT, "area_share", TEXT, "household_share", TEXT);
    public static final LayerSchema MAIN_UNITS =
            LayerSchema.attributes("main_units", "grid_code", TEXT, "unit_id", TEXT);
    public static final LayerSchema CONFLICTS =
            LayerSchema.spatial("conflicts", "kind", TEXT, "grid_code", TEXT, "unit_id", TEXT, "detail", TEXT);
    public static final LayerSchema RESOURCES = LayerSchema.attributes(
            "resources", "id", TEXT, "type", TEXT, "name", TEXT, "department", TEXT, "grid_code", TEXT);
    public static final LayerSchema RESOURCE_COUNTS = LayerSchema.attributes(
            "resource_counts", "level", TEXT, "code", TEXT, "type", TEXT, "department", TEXT, "count", INTEGER);

    private CrosswalkWriter() {}

    /** {@code resources} and {@code counts} may be null (no points given); {@code report}: the run's summary. */
    public static void write(
            Path output,
            CrosswalkResult result,
            ResourcesInGrids resources,
            List<ResourceCount> counts,
            Map<String, Object> report)
            throws IOException {
        ResultWriter.writeDirectory(output, dir -> {
            CsvLayers.write(
                    dir.resolve(CROSSWALK.csvFile()),
                    CROSSWALK,
                    result.roundedRows().stream()
                            .map(r -> DatasetWriter.feature(
                                    null,
                                    "grid_code",
                                    r.gridCode(),
                                    "unit_id",
                                    r.unitId(),
                                    "area_share",
                                    share(r.areaShare()),
                                    "household_share",
                                    share(r.householdShare())))
                            .toList());
            CsvLayers.write(
                    dir.resolve(MAIN_UNITS.csvFile()),
                    MAIN_UNITS,
                    result.mainUnit().entrySet().stream()
                            .map(e -> DatasetWriter.feature(null, "grid_code", e.getKey(), "unit_id", e.getValue()))
                            .toList());
            List<Feature> conflicts =
                    result.conflicts().stream().map(CrosswalkWriter::conflict).toList();
            CsvLayers.write(dir.resolve(CONFLICTS.csvFile()), CONFLICTS, conflicts);
            GeoJsonLayers.write(dir.resolve(CONFLICTS.geoJsonFile()), CONFLICTS, conflicts);
            if (resources != null) {
                List<Feature> rows = new ArrayList<>();
                resources.byGrid().forEach((code, list) -> list.forEach(r -> rows.add(resource(r, code))));
                resources.outside().forEach(r -> rows.add(resource(r, null)));
                CsvLayers.write(dir.resolve(RESOURCES.csvFile()), RESOURCES, rows);
                CsvLayers.write(
                        dir.resolve(RESOURCE_COUNTS.csvFile()),
                        RESOURCE_COUNTS,
                        counts.stream()
                                .map(c -> DatasetWriter.feature(
                                        null,
                                        "level",
                                        c.level(),
                                        "code",
                                        c.code(),
                                        "type",
                                        c.type(),
                                        "department",
                                        c.department(),
                                        "count",
                                        c.count()))
                                .toList());
            }
            Files.writeString(
                    dir.resolve("report.json"),
                    GeoJsonLayers.JSON
                            .copy()
                            .enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                            .writeValueAsString(report),
                    StandardCharsets.UTF_8);
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
            r.put(
                    "resources_in_grids",
                    resources.byGrid().values().stream().mapToInt(List::size).sum());
            r.put("resources_outside", resources.outside().size());
        }
        return r;
    }

    private static Feature conflict(CrosswalkConflict c) {
        return DatasetWriter.feature(
                c.where(),
                "kind",
                c.kind().wireName,
                "grid_code",
                c.gridCode(),
                "unit_id",
                c.unitId(),
                "detail",
                c.detail());
    }

    private static Feature resource(DepartmentResource r, String grid) {
        return DatasetWriter.feature(
                null,
                "id",
                r.id(),
                "type",
                r.type(),
                "name",
                r.name(),
                "department",
                r.department(),
                "grid_code",
                grid);
    }

    /** Six decimals; empty for none. */
    private static String share(double s) {
        return Double.isNaN(s) ? null : String.format(Locale.ROOT, "%.6f", s);
    }
}
