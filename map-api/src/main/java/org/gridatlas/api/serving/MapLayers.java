package org.gridatlas.api.serving;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.gridatlas.engine.errors.InputException;
import org.gridatlas.engine.model.Community;
import org.gridatlas.engine.model.Grid;
import org.gridatlas.engine.model.GridLevel;
import org.gridatlas.store.GridStore;
import org.gridatlas.store.Report;
import org.gridatlas.store.ReportStore;
import org.gridatlas.tiles.TileFeature;
import org.gridatlas.tiles.TileLayer;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * The map's layers of one snapshot — streets, communities, grids, micro grids, buildings and the
 * recent reports — for the tile service and the command line alike.
 */
public final class MapLayers {
    public static final List<String> NAMES =
            List.of("streets", "communities", "grids", "micro_grids", "buildings", "barriers", "labels", "reports");
    public static final Map<String, Integer> MIN_ZOOM = Map.of(
            "streets",
            0,
            "communities",
            9,
            "grids",
            11,
            "micro_grids",
            15,
            "buildings",
            14,
            "barriers",
            11,
            "labels",
            9,
            "reports",
            11);
    /** Reports of this last stretch of time are on the map. */
    public static final Duration RECENT = Duration.ofDays(1);
    /** However many reports a day brings, the map keeps at most these (the newest). */
    public static final int MAX_RECENT = 200_000;

    /** The layers by name, and each grid's attributes (updated in place as reports arrive; read while rendering). */
    public record Built(Map<String, TileLayer> layers, Map<String, Map<String, Object>> gridAttributes) {}

    private MapLayers() {}

    /** The recent reports of a store, as the map starts with them. */
    public static RecentReports recentReports(ReportStore store, Clock clock) {
        RecentReports recent = new RecentReports(RECENT, MAX_RECENT, clock, MIN_ZOOM.get("reports"));
        for (Report r : store.reports(null, clock.instant().minus(RECENT), MAX_RECENT)) recent.add(r);
        return recent;
    }

    public static Built build(ServingState s, RecentReports recent) {
        Map<String, Map<String, Object>> gridAttributes = new ConcurrentHashMap<>();
        Map<String, List<TileFeature>> f = new LinkedHashMap<>();
        NAMES.forEach(l -> f.put(l, new ArrayList<>()));
        Map<String, Integer> communityHouseholds = new HashMap<>();
        Map<String, List<Geometry>> streetShapes = new LinkedHashMap<>();
        for (Grid g : s.grids.values()) {
            Map<String, Object> a = new ConcurrentHashMap<>();
            a.put("code", g.code());
            a.put("households", g.households());
            a.put("kind", g.kind().wireName());
            if (g.level() == GridLevel.GRID) {
                a.put("buildings", g.buildings());
                a.put("reports", recent.count(g.code()));
                a.put("flagged", !g.flags().isEmpty());
                gridAttributes.put(g.code(), a);
                f.get("grids").add(new TileFeature(g.geometry(), a));
                communityHouseholds.merge(g.communityCode(), g.households(), Integer::sum);
            } else {
                a.put("parent_code", g.parentCode());
                f.get("micro_grids").add(new TileFeature(g.geometry(), a));
            }
        }
        for (Community c : s.communities.values()) {
            f.get("communities")
                    .add(new TileFeature(
                            c.geometry(),
                            Map.of(
                                    "code",
                                    c.code(),
                                    "name",
                                    String.valueOf(c.name()),
                                    "households",
                                    communityHouseholds.getOrDefault(c.code(), 0))));
            streetShapes.computeIfAbsent(c.streetCode(), k -> new ArrayList<>()).add(c.geometry());
            // names are placed once, inside the area, as points: a polygon's label would repeat in every tile it
            // crosses
            if (c.name() != null)
                f.get("labels")
                        .add(new TileFeature(
                                c.geometry().getInteriorPoint(), Map.of("kind", "community", "name", c.name())));
        }
        streetShapes.forEach((code, shapes) -> {
            ServingState.Street st = s.streets.get(code);
            Geometry u = UnaryUnionOp.union(shapes);
            f.get("streets").add(new TileFeature(u, Map.of("code", code, "name", String.valueOf(st.name()))));
            if (st.name() != null)
                f.get("labels").add(new TileFeature(u.getInteriorPoint(), Map.of("kind", "street", "name", st.name())));
        });
        for (org.gridatlas.engine.model.Barrier b : s.stored.barriers()) {
            Map<String, Object> a = new HashMap<>();
            a.put("kind", b.kind().wireName());
            a.put("class", b.barrierClass().wireName());
            if (b.name() != null) a.put("name", b.name());
            f.get("barriers").add(new TileFeature(b.geometry(), a));
        }
        s.buildings
                .values()
                .forEach(b -> f.get("buildings")
                        .add(new TileFeature(
                                b.geometry(),
                                Map.of(
                                        "id",
                                        b.id(),
                                        "households",
                                        b.households(),
                                        "use",
                                        b.use().wireName()))));
        Map<String, TileLayer> out = new LinkedHashMap<>();
        f.forEach((name, features) -> out.put(
                name, name.equals("reports") ? recent.layer() : new TileLayer(name, MIN_ZOOM.get(name), features)));
        return new Built(out, gridAttributes);
    }

    /** The tile layers of a store's current state, for the command line: the one named, or all. */
    public static List<TileLayer> of(GridStore store, String layer) {
        Map<String, TileLayer> layers = build(
                        new ServingState(store.load(), store.staff(), store.zones()),
                        recentReports(store, Clock.systemUTC()))
                .layers();
        if (layer.equals("all")) return new ArrayList<>(layers.values());
        if (!layers.containsKey(layer))
            throw new InputException("layer", "'" + layer + "' is not one of " + NAMES + " or all");
        return List.of(layers.get(layer));
    }
}
