package org.gridatlas.engine.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;

/**
 * Writes a set of layers either as one GeoJSON file per layer (CSV for attribute layers) in a directory, or as one GeoPackage
 * (when the path ends in .gpkg). A GeoPackage is written to a temporary file and moved into place,
 * so a failed write never leaves a half-written file behind.
 */
public final class LayerFiles {
    private LayerFiles() {}

    public static void write(Path output, Map<LayerSchema, List<Feature>> layers) throws IOException {
        if (DatasetReader.isGeoPackage(output)) {
            Path dir = output.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".gridatlas-", ".gpkg");
            Files.delete(tmp);
            GeoPackageManager.create(tmp.toFile());
            GeoPackage gp = GeoPackageManager.open(tmp.toFile());
            try {
                layers.forEach((schema, features) -> GeoPackageLayers.write(gp, schema, features));
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
                if (e.getKey().spatial()) GeoJsonLayers.write(output.resolve(e.getKey().geoJsonFile()), e.getKey(), e.getValue());
                else CsvLayers.write(output.resolve(e.getKey().csvFile()), e.getKey(), e.getValue());
            }
        }
    }
}
