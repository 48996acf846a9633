package org.gridatlas.api.web;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridatlas.api.serving.DepartmentNetworks;
import org.gridatlas.api.serving.MapLayers;
import org.gridatlas.api.serving.RecentReports;
import org.gridatlas.api.serving.ServingState;
import org.gridatlas.engine.geom.ChinaCrs;
import org.gridatlas.engine.model.Community;
import org.gridatlas.engine.model.Grid;
import org.gridatlas.store.Report;
import org.gridatlas.store.ReportStore;
import org.gridatlas.tiles.MvtRenderer;
import org.gridatlas.tiles.PngRenderer;
import org.gridatlas.tiles.TileCache;
import org.gridatlas.tiles.TileFeature;
import org.gridatlas.tiles.TileId;
import org.gridatlas.tiles.TileLayer;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * /tiles: vector (MVT) and PNG tiles of the layers streets, communities, grids, micro_grids,
 * buildings and reports, one at a time or all together (/tiles/all, for the big screen), with a
 * TileJSON per layer. Tiles are cached with ETags; a grid change or a new report drops exactly the
 * cached tiles it touches.
 */
final class TilesResource implements org.gridatlas.api.ogc.VectorTiles {

    private final TileCache cache;
    private final MvtRenderer mvt = new MvtRenderer();
    private final ReportStore store;
    /** Links start with this (empty: relative to this server); the request's Host header is never used. */
    private final String publicUrl;

    private final RecentReports recent;
    private volatile MapLayers.Built layers = new MapLayers.Built(Map.of(), Map.of());
    private volatile ServingState state;
    private volatile Map<String, TileLayer> departments = Map.of();
    private volatile long lastEviction = System.nanoTime();

    TilesResource(ReportStore store, long cacheBytes, String publicUrl) {
        this(store, cacheBytes, publicUrl, java.time.Clock.systemUTC());
    }

    TilesResource(ReportStore store, long cacheBytes, String publicUrl, java.time.Clock clock) {
        this.store = store;
        this.publicUrl = publicUrl == null ? "" : publicUrl;
        this.cache = new TileCache(cacheBytes);
        this.recent = MapLayers.recentReports(store, clock);
    }

    /** How many recent reports the map holds now (for the metrics and the bounded-memory test). */
    int recentReports() {
        return recent.size();
    }

    TileCache cache() {
        return cache;
    }

    /** A new snapshot: rebuild the layers and drop the cached tiles of every grid that changed. */
    synchronized void snapshot(ServingState next) {
        ServingState old = state;
        state = next;
        layers = MapLayers.build(next, recent);
        if (old == null) return;
        Map<String, Grid> before = old.grids;
        Envelope changed = new Envelope();
        for (Grid g : next.grids.values()) {
            Grid b = before.get(g.code());
            if (b == null || b.households() != g.households() || !b.geometry().equalsExact(g.geometry()))
                changed.expandToInclude(g.geometry().getEnvelopeInternal());
        }
        for (Grid b : before.values())
            if (!next.grids.containsKey(b.code()))
                changed.expandToInclude(b.geometry().getEnvelopeInternal());
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
        if (!gone.isEmpty())
            synchronized (this) {
                forget(gone);
            }
    }

    /** Reports that joined or left: their grids' counts are updated and their tiles dropped. */
    private void forget(List<Report> changed) {
        Envelope e = new Envelope();
        for (Report r : changed) {
            if (r.located()) e.expandToInclude(r.lon(), r.lat());
            Map<String, Object> attributes =
                    r.gridCode() == null ? null : layers.gridAttributes().get(r.gridCode());
            if (attributes == null) continue;
            attributes.put("reports", recent.count(r.gridCode()));
            Grid g = state.grids.get(r.gridCode());
            if (g != null) e.expandToInclude(g.geometry().getEnvelopeInternal());
        }
        if (!e.isNull()) cache.invalidate(e);
    }

    /** Other departments' layers, replaced whole after an import or a new snapshot; the cached tiles they touched are dropped. */
    synchronized void departments(List<TileLayer> next) {
        Envelope touched = new Envelope();
        departments.values().forEach(l -> touched.expandToInclude(l.bounds()));
        Map<String, TileLayer> byName = new LinkedHashMap<>();
        for (TileLayer l : next) {
            byName.put(l.name(), l);
            touched.expandToInclude(l.bounds());
        }
        departments = byName;
        if (!touched.isNull()) cache.invalidate(touched);
    }

    private List<TileLayer> select(String layer) {
        if (layer.equals("all")) return new ArrayList<>(layers.layers().values());
        TileLayer l = layers.layers().containsKey(layer) ? layers.layers().get(layer) : departments.get(layer);
        if (l == null) {
            throw new ApiError(
                    404,
                    "layer",
                    "no layer '" + layer + "': one of " + MapLayers.NAMES + ", " + DepartmentNetworks.TILE_LAYERS
                            + " or all");
        }
        return List.of(l);
    }

    void tile(Context ctx) {
        String layer = ctx.pathParam("layer");
        String[] yf = ctx.pathParam("yformat").split("\\.", 2);
        if (yf.length != 2 || !(yf[1].equals("mvt") || yf[1].equals("pbf") || yf[1].equals("png")))
            throw ApiError.badRequest("format", "tiles are .mvt or .png");
        TileId t;
        try {
            t = new TileId(
                    Integer.parseInt(ctx.pathParam("z")),
                    Integer.parseInt(ctx.pathParam("x")),
                    Integer.parseInt(yf[0]));
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("tile", "z, x and y must be integers");
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("tile", e.getMessage());
        }
        tile(ctx, layer, t, yf[1]);
    }

    @Override
    public void tile(Context ctx, String layer, TileId t, String format) {
        ChinaCrs crs = Params.crs(ctx.queryParam("crs"));
        evict();
        List<TileLayer> chosen = select(layer);
        boolean png = format.equals("png");
        TileCache.Entry e = cache.get(
                layer + "|" + format + "|" + crs,
                t,
                // names are drawn by the map client (its own fonts); a PNG tile has only shapes
                () -> png
                        ? PngRenderer.tile(
                                chosen.stream()
                                        .filter(l -> !l.name().equals("labels"))
                                        .toList(),
                                t,
                                crs)
                        : mvt.render(chosen, t, crs));
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
        ctx.json(tileJson(name, publicUrl + "/tiles/" + name + "/{z}/{x}/{y}.mvt"));
    }

    @Override
    public Map<String, Object> tileJson(String name, String template) {
        List<TileLayer> chosen = select(name);
        Envelope b = new Envelope();
        chosen.forEach(l -> b.expandToInclude(l.bounds()));
        List<Map<String, Object>> vector = new ArrayList<>();
        for (TileLayer l : chosen)
            vector.add(Map.of("id", l.name(), "minzoom", l.minZoom(), "maxzoom", 22, "fields", fields(l.name())));
        Map<String, Object> tj = new LinkedHashMap<>();
        tj.put("tilejson", "3.0.0");
        tj.put("name", "gridatlas " + name);
        tj.put("tiles", List.of(template));
        tj.put("minzoom", chosen.stream().mapToInt(TileLayer::minZoom).min().orElse(0));
        tj.put("maxzoom", 22);
        tj.put(
                "bounds",
                b.isNull() ? List.of(-180, -85, 180, 85) : List.of(b.getMinX(), b.getMinY(), b.getMaxX(), b.getMaxY()));
        tj.put("vector_layers", vector);
        return tj;
    }

    private static Map<String, String> fields(String layer) {
        return switch (layer) {
            case "grids" ->
                Map.of(
                        "code",
                        "String",
                        "households",
                        "Number",
                        "buildings",
                        "Number",
                        "kind",
                        "String",
                        "reports",
                        "Number",
                        "flagged",
                        "Boolean");
            case "micro_grids" ->
                Map.of("code", "String", "households", "Number", "kind", "String", "parent_code", "String");
            case "communities" -> Map.of("code", "String", "name", "String", "households", "Number");
            case "streets" -> Map.of("code", "String", "name", "String");
            case "buildings" -> Map.of("id", "String", "households", "Number", "use", "String");
            case "barriers" -> Map.of("kind", "String", "class", "String", "name", "String");
            case "labels" -> Map.of("kind", "String", "name", "String");
            case "department_units" ->
                Map.of("layer", "String", "id", "String", "name", "String", "department", "String");
            case "department_conflicts" ->
                Map.of("layer", "String", "kind", "String", "grid_code", "String", "unit_id", "String");
            case "resources" ->
                Map.of(
                        "layer",
                        "String",
                        "id",
                        "String",
                        "type",
                        "String",
                        "name",
                        "String",
                        "department",
                        "String",
                        "grid_code",
                        "String");
            default -> Map.of("id", "String", "category", "String", "grid_code", "String", "time", "String");
        };
    }

    /** A printable map of one community's grids with codes and households (for the notice board). */
    void communityMap(Context ctx) {
        ServingState s = state;
        Community c = s.communities.get(ctx.pathParam("code"));
        if (c == null) throw ApiError.notFound("community " + ctx.pathParam("code"));
        List<TileFeature> grids = new ArrayList<>();
        for (Grid g : s.gridsByCommunity.getOrDefault(c.code(), List.of()))
            grids.add(new TileFeature(g.geometry(), Map.of("code", g.code(), "households", g.households())));
        List<Geometry> buildings = s.buildings.values().stream()
                .filter(b -> c.geometry()
                        .getEnvelopeInternal()
                        .intersects(b.geometry().getEnvelopeInternal()))
                .map(b -> b.geometry())
                .toList();
        ctx.contentType("image/png")
                .result(PngRenderer.community(c.name() + " " + c.code(), c.geometry(), grids, buildings, 1600));
    }
}
