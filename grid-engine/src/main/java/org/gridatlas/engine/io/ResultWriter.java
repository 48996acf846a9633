package org.gridatlas.engine.io;

import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridatlas.engine.errors.InputException;
import org.gridatlas.engine.model.Assignment;
import org.gridatlas.engine.model.Delineation;
import org.gridatlas.engine.model.DelineationReport;
import org.gridatlas.engine.model.Grid;
import org.gridatlas.engine.model.GridFlag;

/**
 * Writes a delineation as DATA.md's result: a directory with grids.geojson (or the grids as an ESRI
 * Shapefile), assignments.csv and report.json, or one GeoPackage with the layers grids, assignments
 * and report (path ending .gpkg). A directory is written to a sibling temporary directory and
 * renamed into place, so a failed write never leaves a mix of old and new files.
 */
public final class ResultWriter {
    /** How a result directory holds its grids. */
    public enum GridFormat {
        GEOJSON,
        SHAPEFILE
    }

    private ResultWriter() {}

    public static void write(Delineation result, Path output) throws IOException {
        write(result, output, null, GridFormat.GEOJSON);
    }

    /** Refuses, before any work, options that do not go together: what {@link #write} would refuse. */
    public static void check(Path output, InputCrs crs, GridFormat format) {
        boolean gpkg = DatasetReader.isGeoPackage(output);
        if (gpkg && format == GridFormat.SHAPEFILE)
            throw new InputException("format", "shapefile writes a directory, not a GeoPackage (" + output + ")");
        if (crs == null) return;
        if (!gpkg && format == GridFormat.GEOJSON) {
            throw new InputException(
                    "output-crs", "applies to a .gpkg or Shapefile output; GeoJSON results are lon/lat, as GeoJSON is");
        }
        if (format == GridFormat.SHAPEFILE) crs.esriWkt(); // refuses a system no .prj is written for
    }

    /** {@code crs}: the system of a GeoPackage's or Shapefile's grids (null: lon/lat); GeoJSON is always lon/lat. */
    public static void write(Delineation result, Path output, InputCrs crs, GridFormat format) throws IOException {
        check(output, crs, format);
        if (DatasetReader.isGeoPackage(output)) {
            LayerFiles.write(output, layers(result), crs);
            return;
        }
        writeDirectory(output, dir -> {
            if (format == GridFormat.SHAPEFILE)
                ShapefileWriter.write(dir, DataContract.GRIDS, gridFeatures(result.grids()), crs);
            else GeoJsonLayers.write(dir.resolve("grids.geojson"), DataContract.GRIDS, gridFeatures(result.grids()));
            CsvLayers.write(
                    dir.resolve(DataContract.ASSIGNMENTS.csvFile()),
                    DataContract.ASSIGNMENTS,
                    assignmentFeatures(result.assignments()));
            Files.writeString(dir.resolve("report.json"), reportJson(result.report()), StandardCharsets.UTF_8);
        });
    }

    /** What goes into an output directory. */
    @FunctionalInterface
    public interface Contents {
        void writeInto(Path dir) throws IOException;
    }

    /**
     * Writes a directory's files into a temporary sibling and swaps it in: a failure part way leaves
     * the directory that was there as it was.
     */
    public static void writeDirectory(Path output, Contents contents) throws IOException {
        Path abs = output.toAbsolutePath();
        Files.createDirectories(abs.getParent());
        Path tmp = Files.createTempDirectory(abs.getParent(), "." + abs.getFileName() + "-");
        try {
            contents.writeInto(tmp);
            replaceDirectory(tmp, abs);
        } finally {
            deleteRecursively(tmp);
        }
    }

    /** The result as the contract's layers: grids, assignments, report. */
    public static Map<LayerSchema, List<Feature>> layers(Delineation result) throws IOException {
        Map<LayerSchema, List<Feature>> layers = new LinkedHashMap<>();
        layers.put(DataContract.GRIDS, gridFeatures(result.grids()));
        layers.put(DataContract.ASSIGNMENTS, assignmentFeatures(result.assignments()));
        layers.put(
                DataContract.REPORT, List.of(DatasetWriter.feature(null, "report_json", reportJson(result.report()))));
        return layers;
    }

    public static String reportJson(DelineationReport report) throws IOException {
        return GeoJsonLayers.JSON
                .copy()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(report);
    }

    public static List<Feature> assignmentFeatures(List<Assignment> assignments) {
        return assignments.stream()
                .map(a -> DatasetWriter.feature(null, "building_id", a.buildingKey(), "grid_code", a.gridCode()))
                .toList();
    }

    public static List<Feature> gridFeatures(List<Grid> grids) {
        List<Feature> out = new ArrayList<>(grids.size());
        for (Grid g : grids) {
            out.add(DatasetWriter.feature(
                    g.geometry(),
                    "code",
                    g.code(),
                    "level",
                    g.level().wireName(),
                    "kind",
                    g.kind().wireName(),
                    "community_code",
                    g.communityCode(),
                    "street_code",
                    g.streetCode(),
                    "households",
                    g.households(),
                    "buildings",
                    g.buildings(),
                    "area_m2",
                    Math.round(g.areaM2() * 10) / 10.0,
                    "parent_code",
                    g.parentCode(),
                    "flags",
                    g.flags().stream().map(GridFlag::wireName).toList()));
        }
        return out;
    }

    /** Swaps the new directory in: the old one is moved aside first and removed only after the rename. */
    private static void replaceDirectory(Path fresh, Path target) throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + "-old-");
            Files.delete(old);
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
        if (old != null) deleteRecursively(old);
    }

    /** Deletes a file or a directory with everything in it; nothing when it is not there. */
    public static void deleteRecursively(Path p) throws IOException {
        if (!Files.exists(p)) return;
        try (var walk = Files.walk(p)) {
            for (Path q : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(q);
        }
    }
}
