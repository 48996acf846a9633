package org.gridatlas.engine.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.attributes.AttributesColumn;
import mil.nga.geopackage.attributes.AttributesDao;
import mil.nga.geopackage.attributes.AttributesResultSet;
import mil.nga.geopackage.attributes.AttributesRow;
import mil.nga.geopackage.attributes.AttributesTableMetadata;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.geopackage.features.columns.GeometryColumns;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureResultSet;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.features.user.FeatureTableMetadata;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.sf.GeometryType;
import org.gridatlas.engine.errors.InputException;
import org.gridatlas.engine.geom.Geoms;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/**
 * Reads and writes the contract's layers as GeoPackage tables (features in EPSG:4326, attributes
 * tables for non-spatial ones); WKB is the bridge between JTS and the GeoPackage library.
 */
public final class GeoPackageLayers {
    private static final long SRS_WGS84 = 4326;
    private static final String GEOMETRY_COLUMN = "geom";
    private static final String ID_COLUMN = "fid";

    private GeoPackageLayers() {}

    public static boolean has(GeoPackage gp, LayerSchema schema) {
        return gp.isTable(schema.name());
    }

    /** The coordinate system a feature table is in, as "EPSG:n"; null for lon/lat (4326, 4490) or an undefined one. */
    public static String declaredCrs(GeoPackage gp, LayerSchema schema) {
        if (!schema.spatial()) return null;
        mil.nga.geopackage.srs.SpatialReferenceSystem srs =
                gp.getFeatureDao(schema.name()).getSrs();
        if (srs == null || !"EPSG".equalsIgnoreCase(srs.getOrganization())) return null;
        long id = srs.getOrganizationCoordsysId();
        return id <= 0 || id == 4326 || id == 4490 ? null : "EPSG:" + id;
    }

    public static List<Feature> read(GeoPackage gp, LayerSchema schema) {
        List<Feature> out = new ArrayList<>();
        if (schema.spatial()) {
            FeatureDao dao = gp.getFeatureDao(schema.name());
            WKBReader wkb = new WKBReader(Geoms.LONLAT);
            FeatureResultSet rs = dao.queryForAll();
            try {
                for (FeatureRow row : rs) {
                    GeoPackageGeometryData data = row.getGeometry();
                    Geometry g = data == null || data.getGeometry() == null ? null : wkb.read(data.getWkb());
                    out.add(new Feature(values(schema, row::getValue, dao.getTable()::hasColumn), g));
                }
            } catch (IOException | ParseException e) {
                throw new InputException(null, "cannot read layer " + schema.name() + ": " + e.getMessage(), e);
            } finally {
                rs.close();
            }
        } else {
            AttributesDao dao = gp.getAttributesDao(schema.name());
            AttributesResultSet rs = dao.queryForAll();
            try {
                for (AttributesRow row : rs)
                    out.add(new Feature(values(schema, row::getValue, dao.getTable()::hasColumn), null));
            } finally {
                rs.close();
            }
        }
        return out;
    }

    /**
     * Reads an attribute table's rows that match an SQL condition ({@code ?} placeholders), in an SQL
     * order, one at a time until {@code more} answers false: the rows not reached are never read.
     */
    public static void read(
            GeoPackage gp,
            LayerSchema schema,
            String where,
            String[] args,
            String orderBy,
            java.util.function.Predicate<Feature> more) {
        if (schema.spatial()) throw new IllegalArgumentException(schema.name() + " is not an attribute table");
        AttributesDao dao = gp.getAttributesDao(schema.name());
        AttributesResultSet rs = dao.query(where, args, null, null, orderBy);
        try {
            for (AttributesRow row : rs) {
                if (!more.test(new Feature(values(schema, row::getValue, dao.getTable()::hasColumn), null))) return;
            }
        } finally {
            rs.close();
        }
    }

    private static Map<String, Object> values(
            LayerSchema schema,
            java.util.function.Function<String, Object> get,
            java.util.function.Predicate<String> has) {
        Map<String, Object> props = new LinkedHashMap<>();
        schema.fields().forEach((name, type) -> {
            if (!has.test(name)) return;
            Object v = get.apply(name);
            if (type == FieldType.JSON && v instanceof String s) {
                try {
                    v = GeoJsonLayers.JSON.readValue(s, Object.class);
                } catch (JsonProcessingException e) {
                    throw new InputException(null, "layer " + schema.name() + " field " + name + ": not JSON: " + s);
                }
            }
            props.put(name, v);
        });
        return props;
    }

    /** Creates the table, then inserts every feature in one transaction (one commit, not one per row). */
    public static void write(GeoPackage gp, LayerSchema schema, Iterable<Feature> features) {
        write(gp, schema, features, SRS_WGS84);
    }

    /** As {@link #write(GeoPackage, LayerSchema, Iterable)}, the geometry in the spatial reference system {@code srsId} (see {@link #addEpsg}). */
    public static void write(GeoPackage gp, LayerSchema schema, Iterable<Feature> features, long srsId) {
        if (schema.spatial()) createFeatures(gp, schema, srsId);
        else createAttributes(gp, schema);
        Table t = table(gp, schema);
        inTransaction(gp, () -> t.insert(features));
    }

    /**
     * Registers EPSG:n as a spatial reference system of the GeoPackage (its id is n). The library
     * knows the definitions of few systems; the standard lets a definition be "undefined", and GDAL
     * and QGIS then take the system from the organisation's code.
     */
    public static void addEpsg(GeoPackage gp, int epsg) {
        mil.nga.geopackage.srs.SpatialReferenceSystem srs = new mil.nga.geopackage.srs.SpatialReferenceSystem();
        srs.setSrsName("EPSG:" + epsg);
        srs.setSrsId(epsg);
        srs.setOrganization("EPSG");
        srs.setOrganizationCoordsysId(epsg);
        srs.setDefinition("undefined");
        try {
            if (gp.getSpatialReferenceSystemDao().queryForOrganizationCoordsysId("EPSG", epsg) == null)
                gp.getSpatialReferenceSystemDao().create(srs);
        } catch (java.sql.SQLException e) {
            throw new mil.nga.geopackage.GeoPackageException("cannot add EPSG:" + epsg, e);
        }
    }

    /** Adds the fields a table made by an earlier version lacks (e.g. the buildings' address parts), empty. */
    public static void addMissingColumns(GeoPackage gp, LayerSchema schema) {
        if (schema.spatial()) {
            FeatureDao dao = gp.getFeatureDao(schema.name());
            schema.fields().forEach((n, t) -> {
                if (!dao.getTable().hasColumn(n)) dao.addColumn(FeatureColumn.createColumn(n, dataType(t)));
            });
        } else {
            AttributesDao dao = gp.getAttributesDao(schema.name());
            schema.fields().forEach((n, t) -> {
                if (!dao.getTable().hasColumn(n)) dao.addColumn(AttributesColumn.createColumn(n, dataType(t)));
            });
        }
    }

    public static void create(GeoPackage gp, LayerSchema schema) {
        if (schema.spatial()) createFeatures(gp, schema, SRS_WGS84);
        else createAttributes(gp, schema);
    }

    /**
     * A table ready for writing. Its DAO is fetched once, outside any transaction: the library
     * fetches DAOs over a second connection that would wait on an open write transaction.
     */
    public static final class Table {
        private final LayerSchema schema;
        private final FeatureDao features;
        private final AttributesDao attributes;

        private Table(GeoPackage gp, LayerSchema schema) {
            this.schema = schema;
            this.features = schema.spatial() ? gp.getFeatureDao(schema.name()) : null;
            this.attributes = schema.spatial() ? null : gp.getAttributesDao(schema.name());
        }

        /** Deletes the rows matching an SQL condition with ? placeholders, in whatever transaction the caller holds. */
        public int delete(String where, String... args) {
            return features != null ? features.delete(where, args) : attributes.delete(where, args);
        }

        /** Inserts rows, in whatever transaction the caller holds. */
        public void insert(Iterable<Feature> rows) {
            if (features != null) {
                WKBWriter wkb = new WKBWriter(2);
                long srsId = features.getGeometryColumns().getSrsId();
                for (Feature f : rows) {
                    FeatureRow row = features.newRow();
                    if (f.geometry() != null) row.setGeometry(geometryData(wkb, f.geometry(), srsId));
                    setValues(schema, f, row::setValue);
                    features.create(row);
                }
            } else {
                for (Feature f : rows) {
                    AttributesRow row = attributes.newRow();
                    setValues(schema, f, row::setValue);
                    attributes.create(row);
                }
            }
        }
    }

    public static Table table(GeoPackage gp, LayerSchema schema) {
        return new Table(gp, schema);
    }

    public static void deleteAll(GeoPackage gp, LayerSchema schema) {
        gp.execSQL("DELETE FROM \"" + schema.name() + "\"");
    }

    public static void inTransaction(GeoPackage gp, Runnable work) {
        gp.beginTransaction();
        boolean ok = false;
        try {
            work.run();
            ok = true;
        } finally {
            gp.endTransaction(ok);
        }
    }

    private static void createFeatures(GeoPackage gp, LayerSchema schema, long srsId) {
        GeometryColumns gc = new GeometryColumns();
        gc.setTableName(schema.name());
        gc.setColumnName(GEOMETRY_COLUMN);
        gc.setGeometryType(GeometryType.GEOMETRY);
        gc.setZ((byte) 0);
        gc.setM((byte) 0);
        gc.setSrsId(srsId);
        List<FeatureColumn> cols = new ArrayList<>();
        schema.fields().forEach((n, t) -> cols.add(FeatureColumn.createColumn(n, dataType(t))));
        gp.createFeatureTable(FeatureTableMetadata.create(gc, ID_COLUMN, cols));
    }

    private static GeoPackageGeometryData geometryData(WKBWriter wkb, Geometry g, long srsId) {
        try {
            return GeoPackageGeometryData.createFromWkbBuildEnvelopeAndWrite(srsId, wkb.write(g));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void createAttributes(GeoPackage gp, LayerSchema schema) {
        List<AttributesColumn> cols = new ArrayList<>();
        schema.fields().forEach((n, t) -> cols.add(AttributesColumn.createColumn(n, dataType(t))));
        gp.createAttributesTable(AttributesTableMetadata.create(schema.name(), ID_COLUMN, cols));
    }

    private static void setValues(LayerSchema schema, Feature f, java.util.function.BiConsumer<String, Object> set) {
        schema.fields().forEach((name, type) -> {
            Object v = f.properties().get(name);
            if (v == null) return;
            switch (type) {
                case JSON -> {
                    try {
                        v = GeoJsonLayers.JSON.writeValueAsString(v);
                    } catch (JsonProcessingException e) {
                        throw new IllegalArgumentException(e);
                    }
                }
                case INTEGER -> v = ((Number) v).longValue();
                case REAL -> v = ((Number) v).doubleValue();
                case TEXT -> v = v.toString();
            }
            set.accept(name, v);
        });
    }

    private static GeoPackageDataType dataType(FieldType t) {
        return switch (t) {
            case TEXT, JSON -> GeoPackageDataType.TEXT;
            case INTEGER -> GeoPackageDataType.INTEGER;
            case REAL -> GeoPackageDataType.DOUBLE;
        };
    }
}
