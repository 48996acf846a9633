package org.gridatlas.api.web;

import io.javalin.http.Context;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.gridatlas.store.GridStore;
import org.gridatlas.store.Report;
import org.gridatlas.engine.geom.ChinaCrs;
import org.gridatlas.engine.model.Community;
import org.gridatlas.engine.model.Grid;
import org.gridatlas.engine.model.GridLevel;
import org.gridatlas.tiles.MvtRenderer;
import org.gridatlas.tiles.PngRenderer;
import org.gridatlas.tiles.TileCache;
import org.gridatlas.tiles.TileFeature;
import org.gridatlas.tiles.TileId;
import org.gridatlas.tiles.TileLayer;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * /tiles: vector (MVT) and PNG tiles of the layers streets, communities, grids, micro_grids,
 * buildings and reports, one at a time or all together (/tiles/all, for the big screen), with a
 * TileJSON per layer. Tiles are cached with ETags; a grid change or a new report drops exactly the
 * cached tiles it touches.
 */
final class TilesResource {
    static final List<String> LAYERS = List.of("streets", "communities", "grids", "micro_grids", "buildings", "reports");
    private static final Map<String, Integer> MIN_ZOOM = Map.of("streets", 0, "communities", 9, "grids", 11, "micro_grids", 15, "buildings", 14, "reports", 11);
    private static final Duration RECENT = Duration.ofDays(1);
    /** However many reports a day brings, the map keeps at most these (the newest). */
    static final int MAX_RECENT = 200_000;

    private final TileCache cache;
    private final MvtRenderer mvt = new MvtRenderer();
    private final GridStore store;
    /** Links start with this (empty: relative to this server); the request's Host header is never used. */
    private final String publicUrl;
    private final RecentReports recent;
    /** Each grid's tile attributes, updated in place when a report arrives (read concurrently by rendering). */
    private final Map<String, Map<String, Object>> gridAttributes = new ConcurrentHashMap<>();
    private volatile Map<String, TileLayer> layers = Map.of();
    private volatile ServingState state;
    private volatile long lastEviction = System.nanoTime();

    TilesResource(GridStore store, long cacheBytes, String publicUrl) {
        this(store, cacheBytes, publicUrl, java.time.Clock.systemUTC());
    }

    TilesResource(GridStore store, long cacheBytes, String publicUrl, java.time.Clock clock) {
        this.store = store;
        this.publicUrl = publicUrl == null ? "" : publicUrl;
        this.cache = new TileCache(cacheBytes);
        this.recent = new RecentReports(RECENT, MAX_RECENT, clock, MIN_ZOOM.get("reports"));
        for (Report r : store.reports(null, clock.instant().minus(RECENT), MAX_RECENT)) recent.add(r);
    }

    /** How many recent reports the map holds now (for the metrics and the bounded-memory test). */
    int recentReports() {
        return recent.size();
    }

    TileCache cache() { return cache; }

    /** A new snapshot: rebuild the layers and drop the cached tiles of every grid that changed. */
    synchronized void snapshot(ServingState next) {
        ServingState old = state;
        state = next;
        layers = build(next);
        if (old == null) return;
        Map<String, Grid> before = old.grids;
        Envelope changed = new Envelope();
        for (Grid g : next.grids.values()) {
            Grid b = before.get(g.code());
            if (b == null || b.households() != g.households() || !b.geometry().equalsExact(g.geometry())) changed.expandToInclude(g.geometry().getEnvelopeInternal());
        }
        for (Grid b : before.values()) if (!next.grids.containsKey(b.code())) changed.expandToInclude(b.geometry().getEnvelopeInternal());
        if (!changed.isNull()) cache.invalidate(changed);
    }

    /** A new report: it joins the reports layer and its grid's count, reports older than the window leave; their tiles are dropped. */
    synchronized void report(Report r) {
        List<Report> gone = recent.add(r);
        gone.add(r);
        forget(gone);
    }

    /**
     * Lets out the reports that fell out of the window, at most once a second: tile requests come
     * by the ten thousand a second and should not all queue on the window's lock.
     */
    private void evict() {
        long now = System.nanoTime();
        if (now - lastEviction < 1_000_000_000L) return;
        lastEviction = now;
        List<Report> gone = recent.evict();
        if (!gone.isEmpty()) synchronized (this) {
            forget(gone);
        }
    }

    /** Reports that joined or left: their grids' counts are updated and their tiles dropped. */
    private void forget(List<Report> changed) {
        Envelope e = new Envelope();
        for (Report r : changed) {
            if (r.located()) e.expandToInclude(r.lon(), r.lat());
            Map<String, Object> attributes = r.gridCode() == null ? null : gridAttributes.get(r.gridCode());
            if (attributes == null) continue;
            attributes.put("reports", recent.count(r.gridCode()));
            Grid g = state.grids.get(r.gridCode());
            if (g != null) e.expandToInclude(g.geometry().getEnvelopeInternal());
        }
        if (!e.isNull()) cache.invalidate(e);
    }

    private Map<String, TileLayer> build(ServingState s) {
        gridAttributes.clear();
        Map<String, List<TileFeature>> f = new LinkedHashMap<>();
        LAYERS.forEach(l -> f.put(l, new ArrayList<>()));
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
            f.get("communities").add(new TileFeature(c.geometry(), Map.of("code", c.code(), "name", String.valueOf(c.name()),
                    "households", communityHouseholds.getOrDefault(c.code(), 0))));
            streetShapes.computeIfAbsent(c.streetCode(), k -> new ArrayList<>()).add(c.geometry());
        }
        streetShapes.forEach((code, shapes) -> {
            ServingState.Street st = s.streets.get(code);
            Geometry u = UnaryUnionOp.union(shapes);
            f.get("streets").add(new TileFeature(u, Map.of("code", code, "name", String.valueOf(st.name()))));
        });
        s.buildings.values().forEach(b -> f.get("buildings").add(new TileFeature(b.geometry(), Map.of("id", b.id(), "households", b.households(), "use", b.use().wireName()))));
        Map<String, TileLayer> out = new LinkedHashMap<>();
        f.forEach((name, features) -> out.put(name, name.equals("reports") ? recent.layer() : new TileLayer(name, MIN_ZOOM.get(name), features)));
        return out;
    }

    /** The layer of that name, or all of them. */
    List<TileLayer> layersFor(String layer) {
        return select(layer);
    }

    private List<TileLayer> select(String layer) {
        if (layer.equals("all")) return new ArrayList<>(layers.values());
        TileLayer l = layers.get(layer);
        if (l == null) throw new ApiError(404, "layer", "no layer '" + layer + "': one of " + LAYERS + " or all");
        return List.of(l);
    }

    void tile(Context ctx) {
        String layer = ctx.pathParam("layer");
        String[] yf = ctx.pathParam("yformat").split("\\.", 2);
        if (yf.length != 2 || !(yf[1].equals("mvt") || yf[1].equals("pbf") || yf[1].equals("png"))) throw ApiError.badRequest("format", "tiles are .mvt or .png");
        TileId t;
        try {
            t = new TileId(Integer.parseInt(ctx.pathParam("z")), Integer.parseInt(ctx.pathParam("x")), Integer.parseInt(yf[0]));
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("tile", "z, x and y must be integers");
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("tile", e.getMessage());
        }
        ChinaCrs crs = Params.crs(ctx.queryParam("crs"));
        evict();
        List<TileLayer> chosen = select(layer);
        boolean png = yf[1].equals("png");
        TileCache.Entry e = cache.get(layer + "|" + yf[1] + "|" + crs, t,
                () -> png ? PngRenderer.tile(chosen, t, crs) : mvt.render(chosen, t, crs));
        ctx.header("ETag", e.etag());
        ctx.header("Cache-Control", "public, max-age=60");
        ctx.header("Access-Control-Allow-Origin", "*");
        if (e.etag().equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        if (e.bytes() == null) {
            ctx.status(204);
            return;
        }
        ctx.contentType(png ? "image/png" : "application/vnd.mapbox-vector-tile");
        // straight to the socket: a result() stream would be copied through a fresh buffer per request
        ctx.res().setContentLength(e.bytes().length);
        try {
            ctx.res().getOutputStream().write(e.bytes());
        } catch (java.io.IOException gone) {
            // the client went away; nothing to answer
        }
    }

    void tileJson(Context ctx) {
        String name = ctx.pathParam("layer").replaceFirst("\\.json$", "");
        List<TileLayer> chosen = select(name);
        Envelope b = new Envelope();
        chosen.forEach(l -> b.expandToInclude(l.bounds()));
        List<Map<String, Object>> vector = new ArrayList<>();
        for (TileLayer l : chosen) vector.add(Map.of("id", l.name(), "minzoom", l.minZoom(), "maxzoom", 22, "fields", fields(l.name())));
        Map<String, Object> tj = new LinkedHashMap<>();
        tj.put("tilejson", "3.0.0");
        tj.put("name", "gridatlas " + name);
        tj.put("tiles", List.of(publicUrl + "/tiles/" + name + "/{z}/{x}/{y}.mvt"));
        tj.put("minzoom", chosen.stream().mapToInt(TileLayer::minZoom).min().orElse(0));
        tj.put("maxzoom", 22);
        tj.put("bounds", b.isNull() ? List.of(-180, -85, 180, 85) : List.of(b.getMinX(), b.getMinY(), b.getMaxX(), b.getMaxY()));
        tj.put("vector_layers", vector);
        ctx.json(tj);
    }

    private static Map<String, String> fields(String layer) {
        return switch (layer) {
            case "grids" -> Map.of("code", "String", "households", "Number", "buildings", "Number", "kind", "String", "reports", "Number", "flagged", "Boolean");
            case "micro_grids" -> Map.of("code", "String", "households", "Number", "kind", "String", "parent_code", "String");
            case "communities" -> Map.of("code", "String", "name", "String", "households", "Number");
            case "streets" -> Map.of("code", "String", "name", "String");
            case "buildings" -> Map.of("id", "String", "households", "Number", "use", "String");
            default -> Map.of("id", "String", "category", "String", "grid_code", "String", "time", "String");
        };
    }

    /** A printable map of one community's grids with codes and households (for the notice board). */
    void communityMap(Context ctx) {
        ServingState s = state;
        Community c = s.communities.get(ctx.pathParam("code"));
        if (c == null) throw ApiError.notFound("community " + ctx.pathParam("code"));
        List<TileFeature> grids = new ArrayList<>();
        for (Grid g : s.gridsByCommunity.getOrDefault(c.code(), List.of())) grids.add(new TileFeature(g.geometry(), Map.of("code", g.code(), "households", g.households())));
        List<Geometry> buildings = s.buildings.values().stream().filter(b -> c.geometry().getEnvelopeInternal().intersects(b.geometry().getEnvelopeInternal()))
                .map(b -> b.geometry()).toList();
        ctx.contentType("image/png").result(PngRenderer.community(c.name() + " " + c.code(), c.geometry(), grids, buildings, 1600));
    }
}
