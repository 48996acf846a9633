package org.gridatlas.api.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridatlas.api.serving.DepartmentNetworks;
import org.gridatlas.api.serving.GeoJsonOut;
import org.gridatlas.engine.departments.CrosswalkConflict;
import org.gridatlas.engine.departments.CrosswalkResult;
import org.gridatlas.engine.departments.ResourcesInGrids;
import org.gridatlas.engine.errors.InputException;
import org.gridatlas.engine.io.CrosswalkWriter;
import org.gridatlas.engine.io.DatasetException;
import org.gridatlas.engine.io.InputCrs;
import org.gridatlas.engine.model.DepartmentResource;
import org.gridatlas.engine.model.DepartmentUnit;
import org.gridatlas.store.AccessStore;
import org.gridatlas.store.AuditEntry;
import org.gridatlas.store.DepartmentLayerInfo;
import org.gridatlas.store.DepartmentLayerKind;

/**
 * /api/v1/departments/…: other departments' layers imported whole (GeoJSON, or CSV for points),
 * listed, crosswalked against the grids, their conflicts and features as GeoJSON for the map, and
 * resources per grid and rolled up.
 */
final class DepartmentsResource {
    /** A department layer's body: a city's beats with detailed boundaries, or a few million points. */
    static final long LAYER = 256L << 20;

    private final DepartmentNetworks networks;
    private final AccessStore audit;
    /** Redraws the department tile layers after an import. */
    private final Runnable imported;

    DepartmentsResource(DepartmentNetworks networks, AccessStore audit, Runnable imported) {
        this.networks = networks;
        this.audit = audit;
        this.imported = imported;
    }

    void layers(Context ctx) {
        ctx.json(Map.of(
                "layers",
                networks.layers().stream().map(DepartmentsResource::view).toList()));
    }

    /** PUT a layer: GeoJSON (units or resources) or CSV with lon, lat (resources), replacing the layer whole as its next version. */
    void put(Context ctx) throws IOException {
        String name = ctx.pathParam("name");
        DepartmentLayerKind kind;
        try {
            kind = DepartmentLayerKind.parse(ctx.queryParam("kind"));
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("kind", e.getMessage());
        }
        String type = ctx.contentType() == null ? "" : ctx.contentType();
        String suffix = type.startsWith("text/csv")
                ? ".csv"
                : type.startsWith("application/geo+json") || type.startsWith("application/json") ? ".geojson" : null;
        if (suffix == null)
            throw new ApiError(
                    415,
                    "body",
                    "send application/geo+json, or text/csv (id,type,name,department,lon,lat) for resources");
        InputCrs crs;
        try {
            crs = ctx.queryParam("crs") == null ? null : InputCrs.of(ctx.queryParam("crs"), null);
        } catch (RuntimeException e) {
            throw ApiError.badRequest("crs", e.getMessage());
        }
        Path dir = Files.createTempDirectory("gridatlas-layer-");
        Path file = dir.resolve("layer" + suffix);
        try {
            // to a file as it streams in, the total enforced on the way: the readers read files
            try (InputStream in = RequestBodies.body(ctx, LAYER);
                    OutputStream out = Files.newOutputStream(file)) {
                in.transferTo(out);
            }
            DepartmentLayerInfo info;
            try {
                info = networks.importLayer(name, kind, file, crs, "api");
            } catch (DatasetException e) {
                throw ApiError.badRequest(
                        "body", String.join("; ", e.problems()).replace(file.toString(), "the body"));
            } catch (InputException e) {
                throw ApiError.badRequest("body", e.getMessage().replace(file.toString(), "the body"));
            }
            imported.run();
            audit.audit(new AuditEntry(
                    Instant.now(),
                    Access.caller(ctx).name(),
                    "import layer",
                    name,
                    "ok",
                    kind.wireName() + ", version " + info.version() + ", " + info.features() + " features"));
            ctx.json(view(info));
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    /** The crosswalk of a units layer: summary, rows, each grid's main unit, conflicts (their geometry in conflicts.geojson). */
    void crosswalk(Context ctx) {
        CrosswalkResult r = networks.crosswalk(name(ctx));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("summary", CrosswalkWriter.summary(r, null));
        out.put(
                "rows",
                r.roundedRows().stream()
                        .map(x -> {
                            Map<String, Object> m = new LinkedHashMap<>();
                            m.put("grid_code", x.gridCode());
                            m.put("unit_id", x.unitId());
                            m.put("area_share", x.areaShare());
                            m.put("household_share", Double.isNaN(x.householdShare()) ? null : x.householdShare());
                            return m;
                        })
                        .toList());
        out.put("main_units", r.mainUnit());
        out.put(
                "conflicts",
                r.conflicts().stream().map(DepartmentsResource::conflict).toList());
        ctx.json(out);
    }

    /** The conflicts where they are: a map layer. */
    void conflicts(Context ctx) throws IOException {
        CrosswalkResult r = networks.crosswalk(name(ctx));
        ctx.contentType("application/geo+json");
        try (GeoJsonOut out = new GeoJsonOut(ctx.outputStream())) {
            out.startCollection(Map.of());
            int n = 0;
            for (CrosswalkConflict c : r.conflicts()) out.feature(n++, conflict(c), c.where());
            out.endCollection();
        }
    }

    /** The layer itself as GeoJSON: units, or resources with the grid each stands in. */
    void features(Context ctx) throws IOException {
        String name = name(ctx);
        DepartmentLayerInfo info = networks.layers().stream()
                .filter(i -> i.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new DepartmentNetworks.NoSuchLayer(name));
        ctx.contentType("application/geo+json");
        try (GeoJsonOut out = new GeoJsonOut(ctx.outputStream())) {
            out.startCollection(Map.of());
            if (info.kind() == DepartmentLayerKind.UNITS) {
                for (DepartmentUnit u : networks.units(name))
                    out.feature(
                            u.id(), Map.of("id", u.id(), "name", u.name(), "department", u.department()), u.geometry());
            } else {
                ResourcesInGrids r = networks.resources(name);
                for (var e : r.byGrid().entrySet())
                    for (DepartmentResource x : e.getValue()) out.feature(x.id(), resource(x, e.getKey()), x.point());
                for (DepartmentResource x : r.outside()) out.feature(x.id(), resource(x, null), x.point());
            }
            out.endCollection();
        }
    }

    /** Every resource layer's points in one grid, with counts by type. */
    void inGrid(Context ctx, Map<String, ?> grids) {
        String code = ctx.pathParam("code");
        if (!grids.containsKey(code)) throw new ApiError(404, "code", "grid " + code + " not found");
        Map<String, Object> layers = new LinkedHashMap<>();
        networks.inGrid(code).forEach((layer, list) -> {
            Map<String, Long> byType = new java.util.TreeMap<>();
            list.forEach(r -> byType.merge(r.type(), 1L, Long::sum));
            layers.put(
                    layer,
                    Map.of(
                            "count",
                            list.size(),
                            "by_type",
                            byType,
                            "resources",
                            list.stream().map(r -> resource(r, code)).toList()));
        });
        ctx.json(Map.of("grid_code", code, "layers", layers));
    }

    /** Counts by type and department at one level, over one layer or all. */
    void summary(Context ctx) {
        String level = ctx.queryParamAsClass("level", String.class).getOrDefault("grid");
        if (!List.of("grid", "community", "street", "district").contains(level)) {
            throw ApiError.badRequest("level", "level is grid, community, street or district, not '" + level + "'");
        }
        String layer = ctx.queryParam("layer");
        ctx.json(Map.of(
                "level",
                level,
                "rows",
                networks.counts(level, layer).stream()
                        .map(c -> Map.of(
                                "code", c.code(), "type", c.type(), "department", c.department(), "count", c.count()))
                        .toList()));
    }

    private static String name(Context ctx) {
        return ctx.pathParam("name");
    }

    private static Map<String, Object> view(DepartmentLayerInfo i) {
        return Map.of(
                "name",
                i.name(),
                "kind",
                i.kind().wireName(),
                "version",
                i.version(),
                "features",
                i.features(),
                "source",
                i.source() == null ? "" : i.source(),
                "imported_at",
                i.importedAt().toString());
    }

    private static Map<String, Object> conflict(CrosswalkConflict c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", c.kind().wireName);
        m.put("grid_code", c.gridCode());
        m.put("unit_id", c.unitId());
        m.put("detail", c.detail());
        return m;
    }

    private static Map<String, Object> resource(DepartmentResource r, String grid) {
        return org.gridatlas.api.serving.FeatureCatalog.resource(r, grid, true);
    }
}
