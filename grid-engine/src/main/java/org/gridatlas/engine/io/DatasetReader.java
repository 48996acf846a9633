package org.gridatlas.engine.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import org.gridatlas.engine.model.Dataset;

/** Reads a dataset directory of GeoJSON files, or a {@code .gpkg} with the same layers, and validates it. */
public final class DatasetReader {
    private DatasetReader() {}

    public static Dataset read(Path input) throws IOException {
        return read(input, null);
    }

    /**
     * {@code crs}: the files' coordinate system when it is not lon/lat; null: what the files name
     * (GeoJSON's legacy "crs" member), else lon/lat.
     */
    public static Dataset read(Path input, InputCrs crs) throws IOException {
        Map<LayerSchema, List<Feature>> layers = readLayers(input);
        if (crs == null) crs = declared(input);
        return new DatasetAssembler().assemble(crs == null ? layers : crs.toLonLat(layers));
    }

    /** The one coordinate system the dataset's GeoJSON files name, if any; files naming different ones are refused. */
    private static InputCrs declared(Path input) throws IOException {
        if (isGeoPackage(input)) return null;
        String found = null;
        for (LayerSchema s : DataContract.INPUT_LAYERS) {
            Path f = input.resolve(s.geoJsonFile());
            if (!Files.exists(f)) continue;
            String crs = GeoJsonLayers.declaredCrs(f);
            if (found != null && crs != null && !crs.equals(found)) {
                throw new DatasetException(List.of(f + ": names " + crs + " but another layer names " + found + ": give every layer in one system"));
            }
            if (crs != null) found = crs;
        }
        return found == null ? null : InputCrs.of(found, null);
    }

    public static Map<LayerSchema, List<Feature>> readLayers(Path input) throws IOException {
        Map<LayerSchema, List<Feature>> layers = new LinkedHashMap<>();
        if (isGeoPackage(input)) {
            if (!Files.isRegularFile(input)) throw new InputException("no such GeoPackage: " + input);
            GeoPackage gp = GeoPackageManager.open(input.toFile(), false);
            try {
                for (LayerSchema s : DataContract.INPUT_LAYERS) {
                    if (GeoPackageLayers.has(gp, s)) layers.put(s, GeoPackageLayers.read(gp, s));
                }
            } finally {
                gp.close();
            }
        } else {
            if (!Files.isDirectory(input)) throw new InputException("no such dataset directory: " + input);
            for (LayerSchema s : DataContract.INPUT_LAYERS) {
                Path f = input.resolve(s.geoJsonFile());
                if (Files.exists(f)) layers.put(s, GeoJsonLayers.read(f));
            }
        }
        for (LayerSchema required : List.of(DataContract.COMMUNITIES, DataContract.BUILDINGS)) {
            if (!layers.containsKey(required)) {
                throw new DatasetException(List.of(input + ": missing layer " + required.name()
                        + (isGeoPackage(input) ? "" : " (" + required.geoJsonFile() + ")")));
            }
        }
        return layers;
    }

    public static boolean isGeoPackage(Path p) {
        return p.getFileName() != null && p.getFileName().toString().toLowerCase().endsWith(".gpkg");
    }
}
