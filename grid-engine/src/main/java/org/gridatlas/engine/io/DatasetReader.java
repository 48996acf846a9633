package org.gridatlas.engine.io;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import org.gridatlas.engine.errors.InputException;
import org.gridatlas.engine.model.Dataset;

/**
 * Reads a dataset as planners hold it — a directory of GeoJSON files or ESRI Shapefiles, a
 * GeoPackage, or (through GDAL's ogr2ogr, when installed) any other format GDAL reads — in the
 * coordinate system its files name (GeoJSON's crs member, a .prj, the GeoPackage's srs) or the
 * caller gives, and validates it in lon/lat.
 */
public final class DatasetReader {
    private DatasetReader() {}

    /** The layers as read, and the coordinate system the files name ("EPSG:n"; null: lon/lat). */
    private record Source(Map<LayerSchema, List<Feature>> layers, String crs) {}

    public static Dataset read(Path input) throws IOException {
        return read(input, null, null);
    }

    /**
     * {@code crs}: the files' coordinate system when they do not name it (null: what they name, else
     * lon/lat); {@code encoding}: of Shapefile attributes (null: the .cpg, else UTF-8 or GBK).
     */
    public static Dataset read(Path input, InputCrs crs, Charset encoding) throws IOException {
        Source s = source(input, encoding);
        InputCrs from = crs != null ? crs : s.crs() == null ? null : InputCrs.of(s.crs(), null);
        return new DatasetAssembler().assemble(from == null ? s.layers() : from.toLonLat(s.layers()));
    }

    public static Map<LayerSchema, List<Feature>> readLayers(Path input) throws IOException {
        return source(input, null).layers();
    }

    private static Source source(Path input, Charset encoding) throws IOException {
        if (OgrConversion.needed(input)) {
            Path gpkg = OgrConversion.toGeoPackage(input);
            try {
                return source(gpkg, encoding);
            } finally {
                Files.deleteIfExists(gpkg);
            }
        }
        Map<LayerSchema, List<Feature>> layers = new LinkedHashMap<>();
        CrsAgreement crs = new CrsAgreement();
        if (isGeoPackage(input)) {
            if (!Files.isRegularFile(input)) throw new InputException(null, "no such GeoPackage: " + input);
            GeoPackage gp = GeoPackageManager.open(input.toFile(), false);
            try {
                for (LayerSchema s : DataContract.INPUT_LAYERS) {
                    if (!GeoPackageLayers.has(gp, s)) continue;
                    layers.put(s, GeoPackageLayers.read(gp, s));
                    if (s.spatial()) crs.add(input + " layer " + s.name(), GeoPackageLayers.declaredCrs(gp, s));
                }
            } finally {
                gp.close();
            }
        } else {
            if (!Files.isDirectory(input)) throw new InputException(null, "no such dataset directory: " + input);
            for (LayerSchema s : DataContract.INPUT_LAYERS) {
                Path json = input.resolve(s.geoJsonFile()), shp = input.resolve(s.name() + ".shp");
                if (!s.spatial()) {
                    if (Files.exists(input.resolve(s.csvFile())))
                        layers.put(s, CsvLayers.read(input.resolve(s.csvFile()), s));
                } else if (Files.exists(json)) {
                    layers.put(s, GeoJsonLayers.read(json));
                    crs.add(json.toString(), GeoJsonLayers.declaredCrs(json));
                } else if (Files.exists(shp)) {
                    layers.put(s, ShapefileLayers.read(shp, s, encoding));
                    crs.add(shp.toString(), ShapefileLayers.declaredCrs(shp));
                }
            }
        }
        for (LayerSchema required : List.of(DataContract.COMMUNITIES, DataContract.BUILDINGS)) {
            if (!layers.containsKey(required)) {
                throw new DatasetException(List.of(input + ": missing layer " + required.name()
                        + (isGeoPackage(input)
                                ? ""
                                : " (" + required.geoJsonFile() + " or " + required.name() + ".shp)")));
            }
        }
        return new Source(layers, crs.crs);
    }

    /** The one coordinate system the layers name; layers naming different ones are refused. */
    private static final class CrsAgreement {
        private String crs;
        private String where;

        void add(String layer, String named) {
            if (named == null) return;
            if (crs != null && !crs.equals(named)) {
                throw new DatasetException(List.of(layer + ": in " + named + " but " + where + " is in " + crs
                        + ": give every layer in one system"));
            }
            crs = named;
            where = layer;
        }
    }

    public static boolean isGeoPackage(Path p) {
        return p.getFileName() != null
                && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gpkg");
    }
}
