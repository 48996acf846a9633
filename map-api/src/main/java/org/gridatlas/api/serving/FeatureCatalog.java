package org.gridatlas.api.serving;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.gridatlas.engine.model.Building;
import org.gridatlas.engine.model.Community;
import org.gridatlas.engine.model.DepartmentResource;
import org.gridatlas.engine.model.DepartmentUnit;
import org.gridatlas.engine.model.Grid;
import org.gridatlas.engine.model.GridFlag;
import org.gridatlas.engine.model.GridLevel;
import org.gridatlas.store.DepartmentLayerInfo;
import org.gridatlas.store.DepartmentLayerKind;
import org.gridatlas.store.Report;
import org.gridatlas.store.ReportStore;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * The feature collections served to GIS clients (OGC API Features), over the current snapshot: grids,
 * micro grids, communities, streets, buildings, reports (in time) and every stored department layer.
 * Filtering by area and time and paging are decided here; the web layer reads parameters and writes answers.
 */
public final class FeatureCatalog {
    /** Department layers are collections "department-NAME", so that a layer cannot shadow a built-in collection. */
    public static final String DEPARTMENT_PREFIX = "department-";

    public static final List<String> BUILT_IN =
            List.of("grids", "micro_grids", "communities", "streets", "buildings", "reports");

    /** One feature: its id, attributes, lon/lat geometry (null for a report without a point) and time (or null). */
    public record Item(String id, Map<String, Object> properties, Geometry geometry, Instant time) {}

    /** One collection: its extent in lon/lat (null when empty), and whether its items carry a time. */
    public record Collection(String id, String title, String description, Envelope extent, boolean temporal) {}

    /** What items to give: those meeting {@code area} (lon/lat; null: anywhere) and lying in [from, to] (null: open). */
    public record Query(Geometry area, Instant from, Instant to, int offset, int limit) {}

    public record Page(int matched, List<Item> items) {}

    /** The built-in collections' items of one snapshot, each made once (streets are unions of communities). */
    private record Snapshot(ServingState state, Map<String, List<Item>> items) {}

    private final Supplier<ServingState> state;
    private final ReportStore reports;
    private final DepartmentNetworks departments;
    private volatile Snapshot snapshot;

    public FeatureCatalog(Supplier<ServingState> state, ReportStore reports, DepartmentNetworks departments) {
        this.state = state;
        this.reports = reports;
        this.departments = departments;
    }

    public List<Collection> collections() {
        List<Collection> out = new ArrayList<>();
        for (String id : BUILT_IN) out.add(collection(id));
        for (DepartmentLayerInfo i : departments.layers()) out.add(collection(DEPARTMENT_PREFIX + i.name()));
        return out;
    }

    /** The collection of that id; {@link NotFound} when there is none. */
    public Collection collection(String id) {
        ServingState s = state.get();
        Envelope area = s.serviceArea.isNull() ? null : new Envelope(s.serviceArea);
        return switch (id) {
            case "grids" ->
                new Collection(id, "网格 grids", "the grids (小网格) with households and codes", extent(all(id)), false);
            case "micro_grids" ->
                new Collection(id, "微网格 micro grids", "groups of buildings within a grid", extent(all(id)), false);
            case "communities" ->
                new Collection(id, "社区 communities", "communities (中网格) with their households", extent(all(id)), false);
            case "streets" ->
                new Collection(
                        id, "街道 streets", "streets (大网格): the union of their communities", extent(all(id)), false);
            case "buildings" ->
                new Collection(
                        id, "buildings", "buildings with households and the grid each is in", extent(all(id)), false);
            case "reports" ->
                new Collection(id, "citizen reports", "reports with their grid, in time (datetime)", area, true);
            default -> {
                DepartmentLayerInfo info = department(id);
                yield new Collection(
                        id,
                        info.name(),
                        "department layer " + info.name() + " (" + info.kind().wireName() + ", version "
                                + info.version() + ")",
                        extent(all(id)),
                        false);
            }
        };
    }

    /** The items meeting the query, counted, and the page of them asked for. */
    public Page items(String id, Query q) {
        Collection c = collection(id);
        List<Item> source = c.temporal() ? reports(q.from(), q.to()) : all(id);
        PreparedGeometry area = q.area() == null ? null : PreparedGeometryFactory.prepare(q.area());
        Envelope box = q.area() == null ? null : q.area().getEnvelopeInternal();
        List<Item> matched = new ArrayList<>();
        for (Item i : source) {
            if (area != null
                    && (i.geometry() == null
                            || !box.intersects(i.geometry().getEnvelopeInternal())
                            || !area.intersects(i.geometry()))) continue;
            matched.add(i);
        }
        int from = Math.min(q.offset(), matched.size());
        return new Page(matched.size(), List.copyOf(matched.subList(from, Math.min(from + q.limit(), matched.size()))));
    }

    /** One item; {@link NotFound} when the collection has none of that id. */
    public Item item(String id, String featureId) {
        collection(id);
        if (id.equals("reports")) {
            return reports.report(featureId)
                    .map(FeatureCatalog::report)
                    .orElseThrow(() -> new NotFound("report " + featureId));
        }
        for (Item i : all(id)) if (i.id().equals(featureId)) return i;
        throw new NotFound("feature " + featureId + " of " + id);
    }

    private List<Item> all(String id) {
        if (id.equals("reports")) return reports(null, null);
        if (!BUILT_IN.contains(id)) return department(department(id));
        ServingState s = state.get();
        Snapshot have = snapshot;
        if (have == null || have.state() != s) {
            have = new Snapshot(s, new java.util.concurrent.ConcurrentHashMap<>());
            snapshot = have;
        }
        return have.items().computeIfAbsent(id, k -> List.copyOf(built(s, k)));
    }

    private List<Item> built(ServingState s, String id) {
        List<Item> out = new ArrayList<>();
        switch (id) {
            case "grids", "micro_grids" -> {
                GridLevel level = id.equals("grids") ? GridLevel.GRID : GridLevel.MICRO;
                for (Grid g : s.grids.values())
                    if (g.level() == level) out.add(new Item(g.code(), grid(g), g.geometry(), null));
            }
            case "communities" -> {
                for (Community c : s.communities.values())
                    out.add(new Item(c.code(), community(s, c), c.geometry(), null));
            }
            case "streets" -> out.addAll(streets(s));
            case "buildings" -> {
                for (Building b : s.buildings.values()) {
                    Map<String, Object> p = new LinkedHashMap<>();
                    p.put("id", b.id());
                    p.put("households", b.households());
                    p.put("use", b.use().wireName());
                    p.put("compound_id", b.compoundId());
                    p.put("grid_code", s.gridOfBuilding.get(b.id()));
                    out.add(new Item(b.id(), p, b.geometry(), null));
                }
                out.sort(java.util.Comparator.comparing(Item::id));
            }
            default -> throw new IllegalArgumentException("no built-in collection " + id);
        }
        return out;
    }

    /** A grid's attributes, as every view of a grid gives them. */
    public static Map<String, Object> grid(Grid g) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("code", g.code());
        p.put("level", g.level().wireName());
        p.put("kind", g.kind().wireName());
        p.put("community_code", g.communityCode());
        p.put("street_code", g.streetCode());
        p.put("households", g.households());
        p.put("buildings", g.buildings());
        p.put("area_m2", Math.round(g.areaM2() * 10) / 10.0);
        p.put("parent_code", g.parentCode());
        p.put("flags", g.flags().stream().map(GridFlag::wireName).toList());
        return p;
    }

    /** A community's attributes with its grids and households. */
    public static Map<String, Object> community(ServingState s, Community c) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("code", c.code());
        p.put("name", c.name());
        p.put("kind", c.kind().wireName());
        p.put("street_code", c.streetCode());
        p.put("street_name", c.streetName());
        p.put("district_code", c.districtCode());
        p.put("district_name", c.districtName());
        List<Grid> gs = s.gridsByCommunity.getOrDefault(c.code(), List.of());
        p.put("grids", gs.size());
        p.put("households", gs.stream().mapToInt(Grid::households).sum());
        return p;
    }

    private static List<Item> streets(ServingState s) {
        List<Item> out = new ArrayList<>();
        for (ServingState.Street st : s.streets.values()) {
            List<Community> cs = s.communitiesByStreet.getOrDefault(st.code(), List.of());
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("code", st.code());
            p.put("name", st.name());
            p.put("district_code", st.districtCode());
            p.put("district_name", st.districtName());
            p.put("communities", cs.size());
            p.put(
                    "households",
                    cs.stream()
                            .flatMap(c -> s.gridsByCommunity.getOrDefault(c.code(), List.of()).stream())
                            .mapToInt(Grid::households)
                            .sum());
            out.add(new Item(
                    st.code(),
                    p,
                    UnaryUnionOp.union(cs.stream().map(Community::geometry).toList()),
                    null));
        }
        return out;
    }

    /**
     * Reports whose time lies in [from, to], oldest first. Their text and address stay out: they are
     * what a citizen wrote, and a map layer needs where, what and when.
     */
    private List<Item> reports(Instant from, Instant to) {
        Instant start = from == null ? Instant.parse("1900-01-01T00:00:00Z") : from;
        Instant end = to == null ? Instant.parse("2200-01-01T00:00:00Z") : to.plusNanos(1);
        return reports.reportsBetween(start, end).stream()
                .map(FeatureCatalog::report)
                .toList();
    }

    private static Item report(Report r) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", r.id());
        p.put("time", r.time().toString());
        p.put("category", r.category());
        p.put("source", r.source() == null ? null : r.source().wireName());
        p.put("status", r.status() == null ? null : r.status().wireName());
        p.put("grid_code", r.gridCode());
        Geometry point = r.located()
                ? org.gridatlas.engine.geom.Geoms.LONLAT.createPoint(
                        new org.locationtech.jts.geom.Coordinate(r.lon(), r.lat()))
                : null;
        return new Item(r.id(), p, point, r.time());
    }

    private DepartmentLayerInfo department(String id) {
        String name = id.startsWith(DEPARTMENT_PREFIX) ? id.substring(DEPARTMENT_PREFIX.length()) : null;
        return departments.layers().stream()
                .filter(i -> i.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new NotFound("collection " + id));
    }

    private List<Item> department(DepartmentLayerInfo info) {
        List<Item> out = new ArrayList<>();
        if (info.kind() == DepartmentLayerKind.UNITS) {
            for (DepartmentUnit u : departments.units(info.name())) {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("id", u.id());
                p.put("name", u.name());
                p.put("department", u.department());
                out.add(new Item(u.id(), p, u.geometry(), null));
            }
            return out;
        }
        var r = departments.resources(info.name());
        r.byGrid().forEach((grid, list) -> list.forEach(x -> out.add(resource(x, grid))));
        r.outside().forEach(x -> out.add(resource(x, null)));
        return out;
    }

    private static Item resource(DepartmentResource x, String grid) {
        return new Item(x.id(), resource(x, grid, false), x.point(), null);
    }

    /** A resource point's attributes and the grid it stands in; its file's other fields when asked (a flat layer has no room for them). */
    public static Map<String, Object> resource(DepartmentResource x, String grid, boolean withAttributes) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", x.id());
        p.put("type", x.type());
        p.put("name", x.name());
        p.put("department", x.department());
        p.put("grid_code", grid);
        if (withAttributes && !x.attributes().isEmpty()) p.put("attributes", x.attributes());
        return p;
    }

    private static Envelope extent(List<Item> items) {
        Envelope e = new Envelope();
        for (Item i : items)
            if (i.geometry() != null) e.expandToInclude(i.geometry().getEnvelopeInternal());
        return e.isNull() ? null : e;
    }
}
