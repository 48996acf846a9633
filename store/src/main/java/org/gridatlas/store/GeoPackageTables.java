package org.gridatlas.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import org.gridatlas.engine.io.Feature;
import org.gridatlas.engine.io.GeoPackageLayers;
import org.gridatlas.engine.io.LayerSchema;

/** The embedded store's open GeoPackage file and its tables, shared by the classes of each concern. */
final class GeoPackageTables {
    private final GeoPackage gp;
    private final Map<LayerSchema, GeoPackageLayers.Table> tables = new LinkedHashMap<>();

    private GeoPackageTables(GeoPackage gp, List<LayerSchema> schemas) {
        this.gp = gp;
        for (LayerSchema t : schemas) tables.put(t, GeoPackageLayers.table(gp, t));
    }

    /** Opens the file, creating it when it does not exist and any table or column it lacks. */
    static GeoPackageTables open(Path file, List<LayerSchema> schemas) {
        try {
            if (!Files.exists(file)) {
                if (file.toAbsolutePath().getParent() != null)
                    Files.createDirectories(file.toAbsolutePath().getParent());
                GeoPackageManager.create(file.toFile());
            }
        } catch (IOException e) {
            throw new StoreException("cannot create " + file + ": " + e.getMessage(), e);
        }
        GeoPackage gp = GeoPackageManager.open(file.toFile());
        for (LayerSchema t : schemas) {
            if (!GeoPackageLayers.has(gp, t)) GeoPackageLayers.create(gp, t);
            else GeoPackageLayers.addMissingColumns(gp, t);
        }
        return new GeoPackageTables(gp, schemas);
    }

    GeoPackageLayers.Table table(LayerSchema schema) {
        return tables.get(schema);
    }

    List<Feature> read(LayerSchema schema) {
        return GeoPackageLayers.read(gp, schema);
    }

    /** An attributes table's rows matching an SQL condition, in an SQL order, one at a time while {@code more} says so. */
    void read(
            LayerSchema schema,
            String where,
            String[] args,
            String orderBy,
            java.util.function.Predicate<Feature> more) {
        GeoPackageLayers.read(gp, schema, where, args, orderBy, more);
    }

    /** An index (or any statement that changes no rows), made when the store opens. */
    void execute(String sql) {
        gp.execSQL(sql);
    }

    /** Rows of an attributes table matching an SQL condition with ? placeholders. */
    long count(LayerSchema schema, String where, String... args) {
        return gp.getAttributesDao(schema.name()).count(where, args);
    }

    void deleteAll(LayerSchema schema) {
        GeoPackageLayers.deleteAll(gp, schema);
    }

    void inTransaction(Runnable work) {
        GeoPackageLayers.inTransaction(gp, work);
    }

    void close() {
        gp.close();
    }

    /** A row of an attributes table from field names and values in turn. */
    static Feature row(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return new Feature(m, null);
    }

    static String str(Feature f, String field) {
        return (String) f.properties().get(field);
    }
}
