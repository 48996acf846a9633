package org.gridatlas.engine.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import org.gridatlas.engine.errors.InputException;

/**
 * Writes a set of layers either as one GeoJSON file per layer (CSV for attribute layers) in a directory, or as one GeoPackage
 * (when the path ends in .gpkg). A GeoPackage is written to a temporary file and moved into place,
 * so a failed write never leaves a half-written file behind.
 */
public final class LayerFiles {
    private LayerFiles() {}

    public static void write(Path output, Map<LayerSchema, List<Feature>> layers) throws IOException {
        write(output, layers, null);
    }

    /** {@code crs}: the system a GeoPackage's geometry is written in (null: lon/lat); a directory is always lon/lat. */
    public static void write(Path output, Map<LayerSchema, List<Feature>> layers, InputCrs crs) throws IOException {
        if (crs != null && !DatasetReader.isGeoPackage(output)) {
            throw new InputException(
                    "output-crs", "applies to a GeoPackage output (.gpkg): GeoJSON results are lon/lat, as GeoJSON is");
        }
        if (DatasetReader.isGeoPackage(output)) {
            Path dir = output.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".gridatlas-", ".gpkg");
            Files.delete(tmp);
            GeoPackageManager.create(tmp.toFile());
            GeoPackage gp = GeoPackageManager.open(tmp.toFile());
            try {
                if (crs != null) GeoPackageLayers.addEpsg(gp, crs.epsg());
                layers.forEach((schema, features) -> {
                    if (crs == null || !schema.spatial()) GeoPackageLayers.write(gp, schema, features);
                    else
                        GeoPackageLayers.write(
                                gp,
                                schema,
                                features.stream()
                                        .map(f -> new Feature(f.properties(), crs.fromLonLat(f.geometry())))
                                        .toList(),
                                crs.epsg());
                });
            } catch (RuntimeException e) {
                gp.close();
                Files.deleteIfExists(tmp);
                throw e;
            }
            gp.close();
            Files.move(tmp, output, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } else {
            Files.createDirectories(output);
            for (Map.Entry<LayerSchema, List<Feature>> e : layers.entrySet()) {
                if (e.getKey().spatial())
                    GeoJsonLayers.write(output.resolve(e.getKey().geoJsonFile()), e.getKey(), e.getValue());
                else CsvLayers.write(output.resolve(e.getKey().csvFile()), e.getKey(), e.getValue());
            }
        }
    }
}
