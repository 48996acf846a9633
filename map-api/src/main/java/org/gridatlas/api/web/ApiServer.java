package org.gridatlas.api.web;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.gridatlas.api.store.GridStore;
import org.gridatlas.api.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The GridAtlas web service: GeoJSON API, lookups and reports under /api/v1, served from an
 * in-memory snapshot of the store that {@link #reload()} rebuilds and swaps atomically.
 */
public final class ApiServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    private final GridStore store;
    private final AtomicReference<ServingState> state = new AtomicReference<>();
    private final TilesResource tiles;
    private final Metrics metrics = new Metrics();
    private final Javalin app;

    public ApiServer(GridStore store) {
        this(store, StaffingRule.DEFAULT);
    }

    public ApiServer(GridStore store, StaffingRule staffing) {
        this.store = store;
        this.tiles = new TilesResource(store, 256L << 20);
        metrics.gauge("gridatlas_tile_cache_entries", () -> tiles.cache().size());
        metrics.gauge("gridatlas_tile_cache_bytes", () -> tiles.cache().bytes());
        metrics.gauge("gridatlas_tile_cache_hits_total", () -> tiles.cache().hits());
        metrics.gauge("gridatlas_tile_cache_misses_total", () -> tiles.cache().misses());
        metrics.gauge("gridatlas_index_grids", () -> state.get().index.size());
        reload();
        LookupResource lookup = new LookupResource(state::get);
        ReportsResource reports = new ReportsResource(state::get, store, tiles::report);
        StaffResource staff = new StaffResource(state::get, store, this::reload, staffing);
        ZonesResource zones = new ZonesResource(state::get, store, this::reload);
        GridsResource grids = new GridsResource(state::get, staff, staffing);
        byte[] openApi = resource("/openapi.json");
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = 1_000_000;
            // the big-screen page and MapLibre, packed into the jar at build time (no CDN)
            config.staticFiles.add(sf -> {
                sf.hostedPath = "/";
                sf.directory = "/web";
                sf.location = io.javalin.http.staticfiles.Location.CLASSPATH;
            });
            config.routes.before(ctx -> ctx.attribute("started", System.nanoTime()));
            config.routes.after(ctx -> {
                Long started = ctx.attribute("started");
                io.javalin.router.Endpoint endpoint = ctx.endpoints().lastHttpEndpoint();
                String route = endpoint == null ? "unmatched" : endpoint.path;
                if (started != null) metrics.request(ctx.method().name(), route, ctx.statusCode(), System.nanoTime() - started);
                if (route.startsWith("/tiles/{layer}/")) metrics.count("gridatlas_tiles_served_total", 1);
                if (route.equals("/api/v1/lookup") && ctx.method().name().equals("GET")) metrics.count("gridatlas_lookups_total", 1);
            });
            config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4").result(metrics.text()));
            config.routes.get("/health", ctx -> ctx.json(Map.of("status", "ok")));
            config.routes.get("/ready", ctx -> {
                boolean ok = store.reachable() && state.get() != null;
                ctx.status(ok ? 200 : 503).json(Map.of("store", store.reachable(), "grids", state.get().index.size()));
            });
            config.routes.get("/api/v1/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
            config.routes.get("/api/v1/grids", grids::list);
            config.routes.get("/api/v1/grids/{code}", grids::one);
            config.routes.get("/api/v1/communities", grids::communities);
            config.routes.get("/api/v1/streets", grids::streets);
            config.routes.get("/api/v1/hierarchy", grids::hierarchy);
            config.routes.get("/api/v1/export/grids.geojson", grids::exportGeoJson);
            config.routes.get("/api/v1/export/grids.gpkg", grids::exportGeoPackage);
            config.routes.get("/api/v1/lookup", lookup::one);
            config.routes.post("/api/v1/lookup", lookup::batch);
            config.routes.post("/api/v1/reports", reports::create);
            config.routes.get("/api/v1/reports", reports::list);
            config.routes.get("/api/v1/reports/counts", reports::counts);
            config.routes.sse("/api/v1/reports/stream", reports::stream);
            config.routes.post("/api/v1/staff", staff::importCsv);
            config.routes.get("/api/v1/staffing", staff::staffing);
            config.routes.post("/api/v1/zones", zones::importCsv);
            config.routes.get("/api/v1/communities/{code}/map.png", tiles::communityMap);
            config.routes.get("/tiles/{layer}", tiles::tileJson);
            config.routes.get("/tiles/{layer}/{z}/{x}/{yformat}", tiles::tile);
            config.routes.exception(ApiError.class, (e, ctx) -> ctx.status(e.status()).json(error(e.status(), e.field(), e.getMessage())));
            config.routes.exception(StoreException.class, (e, ctx) -> ctx.status(503).json(error(503, null, "store unavailable: " + e.getMessage())));
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                ctx.status(500).json(error(500, null, "internal error"));
            });
            config.routes.error(404, "*", ctx -> {
                // answers that are already JSON (a grid not found) keep their body; unknown paths get one
                String type = ctx.res().getContentType();
                if (type == null || !type.contains("json")) ctx.json(error(404, null, "no such resource: " + ctx.path()));
            });
        });
    }

    private static Map<String, Object> error(int status, String field, String message) {
        Map<String, Object> e = new java.util.LinkedHashMap<>();
        e.put("status", status);
        e.put("field", field);
        e.put("message", message);
        return Map.of("error", e);
    }

    /** Rebuilds the snapshot from the store and swaps it in; requests in flight finish on the old one. */
    public void reload() {
        long t = System.nanoTime();
        ServingState next = new ServingState(store.load(), store.staff(), store.zones());
        tiles.snapshot(next);
        state.set(next);
        metrics.rebuilt((System.nanoTime() - t) / 1e9);
        LOG.info("serving {} grids, index built in {} ms", next.index.size(), (System.nanoTime() - t) / 1_000_000);
    }

    public ApiServer start(int port) {
        app.start("0.0.0.0", port);
        return this;
    }

    public org.gridatlas.tiles.TileCache tileCache() {
        return tiles.cache();
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }

    private static byte[] resource(String name) {
        try (InputStream in = ApiServer.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
