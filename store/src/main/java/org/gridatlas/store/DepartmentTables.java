package org.gridatlas.store;

import static org.gridatlas.engine.io.FieldType.INTEGER;
import static org.gridatlas.engine.io.FieldType.JSON;
import static org.gridatlas.engine.io.FieldType.TEXT;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.gridatlas.engine.errors.InputException;
import org.gridatlas.engine.io.DatasetWriter;
import org.gridatlas.engine.io.Feature;
import org.gridatlas.engine.io.LayerSchema;
import org.gridatlas.engine.model.DepartmentResource;
import org.gridatlas.engine.model.DepartmentUnit;
import org.locationtech.jts.geom.Point;

/** The department layers' tables, the same in both stores, and the rows they hold. */
final class DepartmentTables {
    static final LayerSchema LAYERS = LayerSchema.attributes(
            "department_layers",
            "name",
            TEXT,
            "kind",
            TEXT,
            "version",
            INTEGER,
            "features",
            INTEGER,
            "source",
            TEXT,
            "imported_at",
            TEXT);
    static final LayerSchema UNITS =
            LayerSchema.spatial("department_units", "layer", TEXT, "id", TEXT, "name", TEXT, "department", TEXT);
    static final LayerSchema RESOURCES = LayerSchema.spatial(
            "department_resources",
            "layer",
            TEXT,
            "id",
            TEXT,
            "type",
            TEXT,
            "name",
            TEXT,
            "department",
            TEXT,
            "attributes",
            JSON);

    private DepartmentTables() {}

    /** The next import of layer {@code name} after these imports; a name keeps its kind. */
    static DepartmentLayerInfo next(
            List<DepartmentLayerInfo> imports, String name, DepartmentLayerKind kind, int features, String source) {
        if (name == null || !name.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new InputException(
                    "name", "a layer's name is 1 to 64 letters, digits, '-' or '_', not '" + name + "'");
        }
        long version = 0;
        for (DepartmentLayerInfo i : imports) {
            if (!i.name().equals(name)) continue;
            if (i.kind() != kind)
                throw new InputException(
                        "name",
                        "layer " + name + " holds " + i.kind().wireName() + ", not " + kind.wireName()
                                + ": give it another name");
            version = Math.max(version, i.version());
        }
        return new DepartmentLayerInfo(name, kind, version + 1, features, source, Instant.now());
    }

    /** A layer's ids are its keys: one twice is refused before anything is written. */
    static void requireUniqueIds(String name, List<String> ids) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String id : ids)
            if (!seen.add(id)) throw new InputException(null, "layer " + name + ": id " + id + " twice");
    }

    /** The current version of each name among these imports, by name. */
    static List<DepartmentLayerInfo> current(List<DepartmentLayerInfo> imports) {
        Map<String, DepartmentLayerInfo> latest = new java.util.TreeMap<>();
        for (DepartmentLayerInfo i : imports) latest.merge(i.name(), i, (a, b) -> a.version() >= b.version() ? a : b);
        return List.copyOf(latest.values());
    }

    static Feature row(DepartmentLayerInfo i) {
        return DatasetWriter.feature(
                null,
                "name",
                i.name(),
                "kind",
                i.kind().wireName(),
                "version",
                i.version(),
                "features",
                i.features(),
                "source",
                i.source(),
                "imported_at",
                i.importedAt().toString());
    }

    static DepartmentLayerInfo info(Feature f) {
        Map<String, Object> p = f.properties();
        return new DepartmentLayerInfo(
                (String) p.get("name"),
                DepartmentLayerKind.parse((String) p.get("kind")),
                ((Number) p.get("version")).longValue(),
                ((Number) p.get("features")).intValue(),
                (String) p.get("source"),
                Instant.parse((String) p.get("imported_at")));
    }

    static Feature row(String layer, DepartmentUnit u) {
        return DatasetWriter.feature(
                u.geometry(), "layer", layer, "id", u.id(), "name", u.name(), "department", u.department());
    }

    static DepartmentUnit unit(Feature f) {
        Map<String, Object> p = f.properties();
        return new DepartmentUnit(
                (String) p.get("id"), (String) p.get("name"), (String) p.get("department"), f.geometry());
    }

    static Feature row(String layer, DepartmentResource r) {
        return DatasetWriter.feature(
                r.point(),
                "layer",
                layer,
                "id",
                r.id(),
                "type",
                r.type(),
                "name",
                r.name(),
                "department",
                r.department(),
                "attributes",
                r.attributes().isEmpty() ? null : r.attributes());
    }

    @SuppressWarnings("unchecked")
    static DepartmentResource resource(Feature f) {
        Map<String, Object> p = f.properties();
        Object attributes = p.get("attributes");
        return new DepartmentResource(
                (String) p.get("id"),
                (String) p.get("type"),
                (String) p.get("name"),
                (String) p.get("department"),
                attributes instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of(),
                (Point) f.geometry());
    }
}
