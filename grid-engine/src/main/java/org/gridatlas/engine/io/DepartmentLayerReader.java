package org.gridatlas.engine.io;

import static org.gridatlas.engine.io.FieldType.TEXT;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import org.gridatlas.engine.errors.InputException;
import org.gridatlas.engine.geom.GeometryHygiene;
import org.gridatlas.engine.geom.Geoms;
import org.gridatlas.engine.geom.LocalProjection;
import org.gridatlas.engine.model.DepartmentResource;
import org.gridatlas.engine.model.DepartmentUnit;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.operation.valid.IsValidOp;

/**
 * Reads another department's layer from one file as it comes — GeoJSON, a Shapefile, a GeoPackage
 * (its one feature table), CSV with lon/lat for points, or through ogr2ogr what GDAL reads — in the
 * coordinate system the file names or the caller gives. Every record is checked before anything is
 * returned: a bad one is refused by file, record, id and field, and the whole layer with it.
 */
public final class DepartmentLayerReader {
    public static final LayerSchema UNITS = LayerSchema.spatial("units", "id", TEXT, "name", TEXT, "department", TEXT);
    public static final LayerSchema RESOURCES =
            LayerSchema.spatial("resources", "id", TEXT, "type", TEXT, "name", TEXT, "department", TEXT);
    /**
     * Vertices one unit may have, and a units layer in all: a detailed beat has a few thousand, a city's
     * layer a few million; past that each crosswalk (once per layer version and grid snapshot) takes minutes.
     */
    public static final int MAX_UNIT_VERTICES = 100_000, MAX_LAYER_VERTICES = 5_000_000;

    /** Problems listed before the rest are only counted: a broken file should not print a million lines. */
    private static final int SHOWN = 20;

    private DepartmentLayerReader() {}

    /** Polygon units: {@code id} (unique), {@code name}, {@code department}; polygons cleaned as the dataset's are. */
    public static List<DepartmentUnit> units(Path file, InputCrs crs, Charset encoding) throws IOException {
        if (isCsv(file))
            throw new InputException(
                    null,
                    file + ": a polygon layer comes as GeoJSON, a Shapefile or a GeoPackage (CSV holds points only)");
        List<Feature> features = read(file, UNITS, crs, encoding);
        Problems problems = new Problems(file);
        Envelope extent = new Envelope();
        features.forEach(f -> {
            if (f.geometry() != null) extent.expandToInclude(f.geometry().getEnvelopeInternal());
        });
        GeometryHygiene hygiene =
                new GeometryHygiene(extent.isNull() ? new LocalProjection(0, 0) : LocalProjection.around(extent));
        Set<String> ids = new HashSet<>();
        List<DepartmentUnit> out = new ArrayList<>(features.size());
        long vertices = 0;
        for (int i = 0; i < features.size(); i++) {
            Feature f = features.get(i);
            Record r = problems.record(i, f, ids, "id", "name", "department");
            int n = f.geometry() == null ? 0 : f.geometry().getNumPoints();
            vertices += n;
            if (n > MAX_UNIT_VERTICES)
                r.problem("geometry", n + " vertices, over " + MAX_UNIT_VERTICES + ": simplify it first");
            if (Geoms.notLonLat(f.geometry()) != null) r.problem("geometry", Geoms.notLonLat(f.geometry()));
            else if (!(f.geometry() instanceof Polygonal))
                r.problem("geometry", "a " + f.geometry().getGeometryType() + ", expected a Polygon or MultiPolygon");
            if (!r.ok()) continue;
            Geometry clean;
            try {
                clean = hygiene.polygonal(f.geometry()).geometry();
            } catch (IllegalArgumentException e) { // JTS gives up on a ring that crosses itself badly enough
                r.problem("geometry", "cannot be repaired: " + new IsValidOp(f.geometry()).getValidationError());
                continue;
            }
            if (clean.isEmpty()) r.problem("geometry", "nothing of it is thicker than " + GeometryHygiene.THIN + " m");
            else out.add(new DepartmentUnit(r.text("id"), r.text("name"), r.text("department"), clean));
        }
        if (vertices > MAX_LAYER_VERTICES)
            problems.add(
                    file + ": " + vertices + " vertices in all, over " + MAX_LAYER_VERTICES + "; nothing was read");
        problems.throwIfAny();
        return out;
    }

    /** Point resources: {@code id} (unique), {@code type}, {@code name}, {@code department}; the other fields kept as attributes. */
    public static List<DepartmentResource> resources(Path file, InputCrs crs, Charset encoding) throws IOException {
        List<Feature> features = read(file, RESOURCES, crs, encoding);
        Problems problems = new Problems(file);
        Set<String> ids = new HashSet<>();
        List<DepartmentResource> out = new ArrayList<>(features.size());
        for (int i = 0; i < features.size(); i++) {
            Feature f = features.get(i);
            Record r = problems.record(i, f, ids, "id", "type", "name", "department");
            if (!(f.geometry() instanceof Point p) || p.isEmpty()) {
                r.problem(
                        "geometry",
                        f.geometry() == null || f.geometry().isEmpty()
                                ? "missing"
                                : "a " + f.geometry().getGeometryType() + ", expected a Point");
                continue;
            }
            if (Geoms.notLonLat(p) != null) r.problem("geometry", Geoms.notLonLat(p));
            if (!r.ok()) continue;
            Map<String, Object> attributes = new LinkedHashMap<>(f.properties());
            RESOURCES.fields().keySet().forEach(attributes::remove);
            attributes.remove("lon");
            attributes.remove("lat");
            attributes.values().removeIf(java.util.Objects::isNull);
            out.add(new DepartmentResource(
                    r.text("id"), r.text("type"), r.text("name"), r.text("department"), attributes, p));
        }
        problems.throwIfAny();
        return out;
    }

    private static boolean isCsv(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
    }

    /** The file's features in lon/lat. */
    private static List<Feature> read(Path file, LayerSchema schema, InputCrs crs, Charset encoding)
            throws IOException {
        if (!Files.isRegularFile(file) && !Files.isDirectory(file))
            throw new InputException(null, "no such layer file: " + file);
        if (OgrConversion.needed(file)) {
            Path gpkg = OgrConversion.toGeoPackage(file);
            try {
                return read(gpkg, schema, crs, encoding);
            } finally {
                Files.deleteIfExists(gpkg);
            }
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        List<Feature> features;
        String declared;
        if (name.endsWith(".geojson") || name.endsWith(".json")) {
            features = GeoJsonLayers.read(file);
            declared = GeoJsonLayers.declaredCrs(file);
        } else if (name.endsWith(".shp")) {
            features = ShapefileLayers.read(file, schema, encoding);
            declared = ShapefileLayers.declaredCrs(file);
        } else if (name.endsWith(".gpkg")) {
            GeoPackage gp = GeoPackageManager.open(file.toFile(), false);
            try {
                List<String> tables = gp.getFeatureTables();
                if (tables.size() != 1)
                    throw new InputException(
                            null, file + ": expected one feature table, found " + tables.size() + " " + tables);
                LayerSchema table = new LayerSchema(tables.get(0), true, schema.fields());
                features = GeoPackageLayers.read(gp, table);
                declared = GeoPackageLayers.declaredCrs(gp, table);
            } finally {
                gp.close();
            }
        } else if (isCsv(file)) {
            features = points(file, schema);
            declared = null;
        } else {
            throw new InputException(
                    null,
                    file + ": not a layer this reads (.geojson, .shp, .gpkg, .csv, or through ogr2ogr "
                            + "a format GDAL reads)");
        }
        InputCrs from = crs != null ? crs : declared == null ? null : InputCrs.of(declared, null);
        return from == null ? features : from.toLonLat(Map.of(schema, features)).get(schema);
    }

    /** CSV rows with {@code lon} and {@code lat} (or x and y in the coordinate system given) as points. */
    private static List<Feature> points(Path file, LayerSchema schema) throws IOException {
        Map<String, FieldType> fields = new LinkedHashMap<>(schema.fields());
        fields.put("lon", TEXT);
        fields.put("lat", TEXT);
        // every other column is kept too, as text
        try (java.io.BufferedReader in = Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header != null)
                for (String column : CsvLayers.fields(header.replace("\uFEFF", "")))
                    if (!column.isBlank()) fields.putIfAbsent(column, TEXT);
        }
        List<Feature> rows = CsvLayers.read(file, new LayerSchema(schema.name(), false, fields));
        List<Feature> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> p = rows.get(i).properties();
            Point point = null;
            try {
                if (p.get("lon") != null && p.get("lat") != null) {
                    point = Geoms.LONLAT.createPoint(new org.locationtech.jts.geom.Coordinate(
                            Double.parseDouble((String) p.get("lon")), Double.parseDouble((String) p.get("lat"))));
                }
            } catch (NumberFormatException e) {
                throw new DatasetException(List.of(file + " record " + (i + 1) + idOf(p) + ": lon/lat is not a number: "
                        + p.get("lon") + ", " + p.get("lat")));
            }
            out.add(new Feature(p, point));
        }
        return out;
    }

    private static String idOf(Map<String, Object> p) {
        return p.get("id") == null ? "" : " (id " + p.get("id") + ")";
    }

    /** The problems of one file, each naming the record, its id and the field. */
    private static final class Problems {
        private final Path file;
        private final List<String> shown = new ArrayList<>();
        private int count;

        Problems(Path file) {
            this.file = file;
        }

        /** Checks the text fields that must be there; the id must be new in the file. */
        Record record(int index, Feature f, Set<String> ids, String... required) {
            Record r = new Record(this, index, f.properties());
            for (String field : required) if (r.text(field) == null) r.problem(field, "missing");
            String id = r.text("id");
            if (id != null && !ids.add(id)) r.problem("id", "used by an earlier record");
            return r;
        }

        void add(String problem) {
            if (shown.size() < SHOWN) shown.add(problem);
            count++;
        }

        void throwIfAny() {
            if (count == 0) return;
            List<String> all = new ArrayList<>(shown);
            if (count > shown.size()) all.add(file + ": and " + (count - shown.size()) + " more; nothing was read");
            throw new DatasetException(all);
        }
    }

    private static final class Record {
        private final Problems problems;
        private final int index;
        private final Map<String, Object> properties;
        private boolean ok = true;

        Record(Problems problems, int index, Map<String, Object> properties) {
            this.problems = problems;
            this.index = index;
            this.properties = properties;
        }

        String text(String field) {
            Object v = properties.get(field);
            String s = v == null ? null : v.toString().strip();
            return s == null || s.isEmpty() ? null : s;
        }

        void problem(String field, String what) {
            ok = false;
            problems.add(problems.file + " record " + (index + 1) + idOf(properties) + " field " + field + ": " + what);
        }

        boolean ok() {
            return ok;
        }
    }
}
