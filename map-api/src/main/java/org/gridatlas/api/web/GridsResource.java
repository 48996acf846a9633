package org.gridatlas.api.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.gridatlas.api.serving.AddressAnswers;
import org.gridatlas.api.serving.FeatureCatalog;
import org.gridatlas.api.serving.GeoJsonOut;
import org.gridatlas.api.serving.PageLinks;
import org.gridatlas.api.serving.ServingState;
import org.gridatlas.api.serving.StaffingRule;
import org.gridatlas.engine.errors.InputException;
import org.gridatlas.engine.io.InputCrs;
import org.gridatlas.engine.io.ResultWriter;
import org.gridatlas.engine.model.Assignment;
import org.gridatlas.engine.model.Building;
import org.gridatlas.engine.model.Community;
import org.gridatlas.engine.model.Delineation;
import org.gridatlas.engine.model.DelineationReport;
import org.gridatlas.engine.model.Grid;
import org.gridatlas.engine.model.GridLevel;
import org.locationtech.jts.geom.Envelope;

/**
 * /api/v1/grids, /communities, /streets, /hierarchy and the exports: read-only GeoJSON views of the
 * current snapshot, paged like OGC API Features items (limit, offset, next link).
 */
final class GridsResource {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 10_000;
    /** Far past any city's grids, and far from overflowing offset + limit. */
    static final int MAX_OFFSET = 100_000_000;

    private final Supplier<ServingState> state;
    private final StaffResource staff;
    private final StaffingRule staffing;
    /** Links start with this (empty: relative); the request's Host header is never used. */
    private final String publicUrl;

    GridsResource(Supplier<ServingState> state, StaffResource staff, StaffingRule staffing, String publicUrl) {
        this.state = state;
        this.publicUrl = publicUrl == null ? "" : publicUrl;
        this.staff = staff;
        this.staffing = staffing;
    }

    void list(Context ctx) throws IOException {
        ServingState s = state.get();
        String level = ctx.queryParam("level"),
                community = ctx.queryParam("community"),
                street = ctx.queryParam("street");
        if (level != null && !level.equals("grid") && !level.equals("micro"))
            throw ApiError.badRequest("level", "level must be grid or micro, got '" + level + "'");
        Envelope bbox = bbox(ctx.queryParam("bbox"));
        int limit = Params.integer(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT),
                offset = Params.integer(ctx, "offset", 0, 0, MAX_OFFSET);
        if (community != null && !s.communities.containsKey(community))
            throw new ApiError(404, "community", "community " + community + " not found");
        if (street != null && !s.streets.containsKey(street))
            throw new ApiError(404, "street", "street " + street + " not found");
        List<Grid> matched = new ArrayList<>();
        for (Grid g : s.grids.values()) {
            if (level != null && !g.level().wireName().equals(level)) continue;
            if (community != null && !g.communityCode().equals(community)) continue;
            if (street != null && !street.equals(g.streetCode())) continue;
            if (bbox != null && !bbox.intersects(g.geometry().getEnvelopeInternal())) continue;
            matched.add(g);
        }
        List<Grid> page = matched.subList(Math.min(offset, matched.size()), Math.min(offset + limit, matched.size()));
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("numberMatched", matched.size());
        members.put("numberReturned", page.size());
        List<Object> links = new ArrayList<>(GeoJsonOut.link("self", withOffset(ctx, offset)));
        if (offset + page.size() < matched.size())
            links.addAll(GeoJsonOut.link("next", withOffset(ctx, offset + page.size())));
        members.put("links", links);
        ctx.contentType("application/geo+json");
        try (GeoJsonOut out = new GeoJsonOut(ctx.outputStream(), Params.crs(ctx.queryParam("crs")))) {
            out.startCollection(members);
            for (Grid g : page) out.feature(g.code(), FeatureCatalog.grid(g), g.geometry());
            out.endCollection();
        }
    }

    void one(Context ctx) throws IOException {
        ServingState s = state.get();
        Grid g = s.grids.get(ctx.pathParam("code"));
        if (g == null) throw ApiError.notFound("grid " + ctx.pathParam("code"));
        Map<String, Object> p = FeatureCatalog.grid(g);
        p.put("hierarchy", s.hierarchy(g));
        List<Map<String, Object>> buildings = new ArrayList<>();
        for (Assignment a : s.assignmentsByGrid.getOrDefault(g.code(), List.of())) {
            Building b = s.buildings.get(a.buildingId());
            if (b == null) continue;
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", a.buildingKey());
            m.put("households", b.households(a.key()));
            m.put("use", b.use().wireName());
            m.put("compound_id", b.compoundId());
            AddressAnswers.putAddress(m, b.address());
            buildings.add(m);
        }
        p.put("building_list", buildings);
        if (g.level() == GridLevel.GRID) p.put("staffing", staff.view(s, g));
        ctx.contentType("application/geo+json");
        try (GeoJsonOut out = new GeoJsonOut(ctx.outputStream(), Params.crs(ctx.queryParam("crs")))) {
            out.feature(g.code(), p, g.geometry());
        }
    }

    void communities(Context ctx) throws IOException {
        ServingState s = state.get();
        String street = ctx.queryParam("street");
        if (street != null && !s.streets.containsKey(street)) throw ApiError.notFound("street " + street);
        ctx.contentType("application/geo+json");
        try (GeoJsonOut out = new GeoJsonOut(ctx.outputStream(), Params.crs(ctx.queryParam("crs")))) {
            out.startCollection(Map.of("numberMatched", s.communities.size()));
            for (Community c : s.communities.values()) {
                if (street != null && !street.equals(c.streetCode())) continue;
                out.feature(c.code(), org.gridatlas.api.serving.FeatureCatalog.community(s, c), c.geometry());
            }
            out.endCollection();
        }
    }

    /** The community's buildings (those in its grids and new ones standing in it) with the grid each is in: what planners select and move. */
    void communityBuildings(Context ctx) throws IOException {
        ServingState s = state.get();
        org.gridatlas.engine.edit.CommunityState c = s.communityState(ctx.pathParam("code"));
        ctx.contentType("application/geo+json");
        try (GeoJsonOut out = new GeoJsonOut(ctx.outputStream(), Params.crs(ctx.queryParam("crs")))) {
            out.startCollection(Map.of("numberMatched", c.buildings().size()));
            for (Building b : c.buildings()) {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("id", b.id());
                p.put("households", b.households());
                p.put("compound_id", b.compoundId());
                p.put("grid_code", s.gridOfBuilding.get(b.id()));
                out.feature(b.id(), p, b.geometry());
            }
            out.endCollection();
        }
    }

    void streets(Context ctx) {
        ServingState s = state.get();
        List<Map<String, Object>> out = new ArrayList<>();
        for (ServingState.Street st : s.streets.values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", st.code());
            m.put("name", st.name());
            m.put("district_code", st.districtCode());
            m.put("district_name", st.districtName());
            List<Community> cs = s.communitiesByStreet.getOrDefault(st.code(), List.of());
            m.put("communities", cs.stream().map(Community::code).toList());
            m.put(
                    "households",
                    cs.stream()
                            .flatMap(c -> s.gridsByCommunity.getOrDefault(c.code(), List.of()).stream())
                            .mapToInt(Grid::households)
                            .sum());
            out.add(m);
        }
        ctx.json(Map.of("streets", out));
    }

    /**
     * district → street → 片区 (when communities are grouped) → community → grid → micro grid, with
     * households, buildings, residents and workers needed rolled up at every level. The levels are
     * also named in the four-level scheme 大/中/小/微网格 (street, community, grid, micro grid).
     */
    void hierarchy(Context ctx) {
        ServingState s = state.get();
        Map<String, Map<String, Object>> districts = new LinkedHashMap<>();
        for (ServingState.Street st : s.streets.values()) {
            Map<String, Object> d =
                    districts.computeIfAbsent(st.districtCode(), k -> node(k, st.districtName(), "streets"));
            Map<String, Object> sn = node(st.code(), st.name(), "communities");
            Map<String, Map<String, Object>> zones = new LinkedHashMap<>();
            for (Community c : s.communitiesByStreet.getOrDefault(st.code(), List.of())) {
                Map<String, Object> cn = node(c.code(), c.name(), "grids");
                for (Grid g : s.gridsByCommunity.getOrDefault(c.code(), List.of())) add(cn, "grids", gridNode(s, g));
                org.gridatlas.store.Zone z = s.zoneOfCommunity.get(c.code());
                if (z == null) {
                    add(sn, "communities", cn);
                } else {
                    Map<String, Object> zn =
                            zones.computeIfAbsent(z.zoneCode(), k -> node(k, z.zoneName(), "communities"));
                    add(zn, "communities", cn);
                }
            }
            if (!zones.isEmpty()) {
                sn.put("zones", new ArrayList<>());
                for (Map<String, Object> zn : zones.values()) add(sn, "zones", zn);
            }
            add(d, "streets", sn);
        }
        ctx.json(Map.of(
                "levels",
                Map.of("大网格", "street", "中网格", "community", "小网格", "grid", "微网格", "micro grid"),
                "districts",
                new ArrayList<>(districts.values())));
    }

    private Map<String, Object> gridNode(ServingState s, Grid g) {
        Map<String, Object> gn = new LinkedHashMap<>();
        gn.put("code", g.code());
        gn.put("kind", g.kind().wireName());
        gn.put("households", g.households());
        gn.put("buildings", g.buildings());
        gn.put("residents", staffing.residents(g.households()));
        gn.put("workers_needed", staffing.workersNeeded(g.kind(), g.households()));
        List<Map<String, Object>> micro = new ArrayList<>();
        for (Grid m : s.microByParent.getOrDefault(g.code(), List.of()))
            micro.add(Map.of("code", m.code(), "households", m.households()));
        if (!micro.isEmpty()) gn.put("micro_grids", micro);
        return gn;
    }

    /** The counts every level of the hierarchy rolls up. */
    private static final List<String> ROLLED_UP = List.of("households", "buildings", "residents", "workers_needed");

    private static Map<String, Object> node(String code, String name, String children) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", code);
        m.put("name", name);
        for (String k : ROLLED_UP) m.put(k, 0);
        m.put(children, new ArrayList<>());
        return m;
    }

    @SuppressWarnings("unchecked")
    private static void add(Map<String, Object> parent, String children, Map<String, Object> child) {
        ((List<Object>) parent.get(children)).add(child);
        for (String k : ROLLED_UP) parent.put(k, (Integer) parent.get(k) + (Integer) child.get(k));
    }

    void exportGeoJson(Context ctx) throws IOException {
        ServingState s = state.get();
        ctx.contentType("application/geo+json");
        ctx.header("Content-Disposition", "attachment; filename=\"grids.geojson\"");
        try (GeoJsonOut out = new GeoJsonOut(ctx.outputStream(), Params.crs(ctx.queryParam("crs")))) {
            out.startCollection(Map.of());
            for (Grid g : s.grids.values()) out.feature(g.code(), FeatureCatalog.grid(g), g.geometry());
            out.endCollection();
        }
    }

    void exportGeoPackage(Context ctx) throws IOException {
        export(ctx, ResultWriter.GridFormat.GEOJSON);
    }

    void exportShapefile(Context ctx) throws IOException {
        export(ctx, ResultWriter.GridFormat.SHAPEFILE);
    }

    /**
     * The stored grids as a delineation's result, in {@code ?crs=EPSG:n} when asked: a GeoPackage, or
     * (Shapefile) a zip of grids.shp with its siblings, assignments.csv and report.json.
     */
    private void export(Context ctx, ResultWriter.GridFormat format) throws IOException {
        boolean shapefile = format == ResultWriter.GridFormat.SHAPEFILE;
        InputCrs crs = Params.epsg(ctx.queryParam("crs"));
        ServingState s = state.get();
        Path dir = Files.createTempDirectory("gridatlas-export-");
        Path out = dir.resolve(shapefile ? "grids" : "grids.gpkg");
        try {
            try {
                ResultWriter.check(out, crs, format);
            } catch (InputException e) {
                throw ApiError.badRequest("crs", e.reason());
            }
            DelineationReport report = new DelineationReport(
                    0,
                    0,
                    s.communities.size(),
                    s.buildings.size(),
                    0,
                    s.grids.size(),
                    0,
                    0,
                    0,
                    0,
                    0,
                    Map.of(),
                    0,
                    0,
                    0,
                    null,
                    0,
                    List.of(),
                    List.of("exported from the store"),
                    Map.of(),
                    Map.of(),
                    List.of());
            ResultWriter.write(
                    new Delineation(new ArrayList<>(s.grids.values()), s.stored.assignments(), report),
                    out,
                    crs,
                    format);
            ctx.contentType(shapefile ? "application/zip" : "application/geopackage+sqlite3");
            ctx.header(
                    "Content-Disposition",
                    "attachment; filename=\"" + (shapefile ? "grids-shp.zip" : "grids.gpkg") + "\"");
            if (!shapefile) {
                ctx.result(Files.readAllBytes(out));
                return;
            }
            try (ZipOutputStream zip = new ZipOutputStream(ctx.outputStream());
                    var files = Files.list(out)) {
                for (Path f : files.sorted().toList()) {
                    zip.putNextEntry(new ZipEntry(f.getFileName().toString()));
                    Files.copy(f, zip);
                    zip.closeEntry();
                }
            }
        } finally {
            ResultWriter.deleteRecursively(dir);
        }
    }

    private static Envelope bbox(String v) {
        if (v == null) return null;
        String[] p = v.split(",");
        if (p.length != 4)
            throw ApiError.badRequest("bbox", "bbox must be minLon,minLat,maxLon,maxLat, got '" + v + "'");
        double[] d = new double[4];
        for (int i = 0; i < 4; i++) d[i] = Params.finite("bbox", p[i]);
        if (d[0] > d[2] || d[1] > d[3]) throw ApiError.badRequest("bbox", "bbox minimum exceeds maximum: '" + v + "'");
        return new Envelope(d[0], d[2], d[1], d[3]);
    }

    private String withOffset(Context ctx, int offset) {
        return PageLinks.withOffset(publicUrl, ctx.path(), ctx.queryParamMap(), offset);
    }
}
