package org.gridatlas.api.web;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.gridatlas.api.geoserver.GeoServerClient;
import org.gridatlas.api.geoserver.GeoServerException;
import org.gridatlas.api.geoserver.GeoServerPublisher;
import org.gridatlas.api.geoserver.PublishedLayer;
import org.gridatlas.api.geoserver.PostGisConnection;
import org.gridatlas.api.store.AuditEntry;
import org.gridatlas.api.store.GridStore;
import org.gridatlas.api.store.PostGisGridStore;
import org.gridatlas.api.store.StoreChange;
import org.gridatlas.api.store.StoreException;
import org.gridatlas.engine.edit.GridEditor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The GridAtlas web service: GeoJSON API, lookups and reports under /api/v1, served from an
 * in-memory snapshot of the store that {@link #reload()} rebuilds and swaps atomically. Changes
 * other instances commit to a shared store arrive through {@link GridStore#watch} and trigger the
 * same reload; closing stops taking requests and lets those in flight finish.
 */
public final class ApiServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    private final GridStore store;
    private final AtomicReference<ServingState> state = new AtomicReference<>();
    private final TilesResource tiles;
    /** Imports that replace a whole list: planners and admins only, and audited. */
    private static final java.util.Set<String> STAFF_AND_ZONES = java.util.Set.of("/api/v1/staff", "/api/v1/zones");
    private final Metrics metrics = new Metrics();
    private final ReportsResource reports;
    private final Javalin app;
    /** Reloads asked for by store changes run here, one at a time; a request while one is queued joins it. */
    private final ExecutorService reloads = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "gridatlas-reload");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean reloadQueued = new AtomicBoolean();
    private final AutoCloseable watch;
    private final GracefulHandler inFlight = new GracefulHandler();
    private final java.time.Duration shutdownGrace;
    private org.eclipse.jetty.server.Server jetty;

    public ApiServer(GridStore store) {
        this(store, ServerSettings.DEFAULT);
    }

    public ApiServer(GridStore store, ServerSettings settings) {
        this.store = store;
        this.shutdownGrace = settings.shutdownGrace();
        StaffingRule staffing = settings.staffing();
        this.tiles = new TilesResource(store, settings.tileCacheBytes());
        metrics.gauge("gridatlas_tile_cache_entries", () -> tiles.cache().size());
        metrics.gauge("gridatlas_tile_cache_bytes", () -> tiles.cache().bytes());
        metrics.gauge("gridatlas_tile_cache_hits_total", () -> tiles.cache().hits());
        metrics.gauge("gridatlas_tile_cache_misses_total", () -> tiles.cache().misses());
        metrics.gauge("gridatlas_index_grids", () -> state.get().index.size());
        reload();
        LookupResource lookup = new LookupResource(state::get);
        this.reports = new ReportsResource(state::get, store, tiles::report);
        ServerSettings.Security security = settings.security();
        Access access = new Access(store, security.adminTokenSha256(), security.reportKeySha256(), security.publicReads());
        ChangesResource changes = new ChangesResource(state::get, store, access, new GridEditor(settings.bounds(), settings.ruralRule()),
                settings.microBounds(), community -> afterCommit(settings));
        AdminResource admin = new AdminResource(access, store, settings.geoServer(), () -> {
            if (!(store instanceof PostGisGridStore pg)) throw new ApiError(409, "store", "GeoServer publishing needs the PostGIS store (--jdbc)");
            return PostGisConnection.fromJdbcUrl(pg.jdbcUrl(), settings.geoServerDbHost());
        });
        StaffResource staff = new StaffResource(state::get, store, this::reload, staffing);
        ZonesResource zones = new ZonesResource(state::get, store, this::reload);
        GridsResource grids = new GridsResource(state::get, staff, staffing);
        byte[] openApi = resource("/openapi.json");
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = 1_000_000;
            config.jetty.modifyServer(server -> {
                server.setHandler(inFlight); // Javalin nests its servlet context inside; counts requests for close()
                this.jetty = server;
            });
            // the big-screen page and MapLibre, packed into the jar at build time (no CDN)
            config.staticFiles.add(sf -> {
                sf.hostedPath = "/";
                sf.directory = "/web";
                sf.location = io.javalin.http.staticfiles.Location.CLASSPATH;
            });
            config.routes.before(ctx -> {
                ctx.attribute("started", System.nanoTime());
                String path = ctx.path();
                boolean read = ctx.method().name().equals("GET") && (path.startsWith("/api/v1/") || path.startsWith("/tiles/"));
                if (read && !path.equals("/api/v1/openapi.json")) access.requireRead(ctx);
                if (ctx.method().name().equals("POST") && path.equals("/api/v1/reports")) access.requireReportKey(ctx);
                if (ctx.method().name().equals("POST") && STAFF_AND_ZONES.contains(path)) ctx.attribute("caller", access.require(ctx, "planner", "admin").name());
            });
            config.routes.after(ctx -> {
                Long started = ctx.attribute("started");
                io.javalin.router.Endpoint endpoint = ctx.endpoints().lastHttpEndpoint();
                String route = endpoint == null ? "unmatched" : endpoint.path;
                if (started != null) metrics.request(ctx.method().name(), route, ctx.statusCode(), System.nanoTime() - started);
                if (route.startsWith("/tiles/{layer}/")) metrics.count("gridatlas_tiles_served_total", 1);
                if (route.equals("/api/v1/lookup") && ctx.method().name().equals("GET")) metrics.count("gridatlas_lookups_total", 1);
                String caller = ctx.attribute("caller");
                if (caller != null) {
                    store.audit(new AuditEntry(java.time.Instant.now(), caller, "import " + ctx.path().substring(ctx.path().lastIndexOf('/') + 1), null,
                            ctx.statusCode() == 200 ? "ok" : "refused: " + ctx.statusCode(), null));
                }
                if (settings.accessLog() && started != null) {
                    LOG.atInfo().addKeyValue("method", ctx.method().name()).addKeyValue("path", ctx.path()).addKeyValue("route", route)
                            .addKeyValue("status", ctx.statusCode()).addKeyValue("ms", (System.nanoTime() - started) / 1e6).log("request");
                }
            });
            config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4").result(metrics.text()));
            config.routes.get("/health", ctx -> ctx.json(Map.of("status", "ok")));
            config.routes.get("/ready", ctx -> {
                boolean reachable = store.reachable();
                ctx.status(reachable && state.get() != null ? 200 : 503).json(Map.of("store", reachable, "grids", state.get().index.size()));
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
            config.routes.post("/api/v1/admin/publish", admin::publish);
            config.routes.get("/api/v1/admin/audit", admin::audit);
            config.routes.post("/api/v1/communities/{code}/changes", changes::preview);
            config.routes.get("/api/v1/communities/{code}/changes/{id}", changes::get);
            config.routes.post("/api/v1/communities/{code}/changes/{id}/commit", changes::commit);
            config.routes.get("/api/v1/communities/{code}/versions", changes::versions);
            config.routes.post("/api/v1/communities/{code}/versions/{version}/revert", changes::revert);
            config.routes.get("/api/v1/communities/{code}/grids", changes::asOf);
            config.routes.get("/api/v1/communities/{code}/codes", changes::codes);
            config.routes.get("/api/v1/communities/{code}/buildings", grids::communityBuildings);
            config.routes.get("/api/v1/grids/{code}/history", changes::gridHistory);
            config.routes.get("/tiles/{layer}", tiles::tileJson);
            config.routes.get("/tiles/{layer}/{z}/{x}/{yformat}", tiles::tile);
            config.routes.exception(ApiError.class, (e, ctx) -> ctx.status(e.status()).json(error(e.status(), e.field(), e.getMessage())));
            config.routes.exception(StoreException.class, (e, ctx) -> {
                LOG.warn("{} {}: store unavailable: {}", ctx.method(), ctx.path(), e.getMessage());
                ctx.status(503).json(error(503, "store", "store unavailable, nothing was changed; lookups and tiles still answer from memory: " + e.getMessage()));
            });
            config.routes.exception(GeoServerException.class, (e, ctx) -> ctx.status(502).json(error(502, "geoserver", e.getMessage())));
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
        this.watch = store.watch(this::onStoreChange);
    }

    private static Map<String, Object> error(int status, String field, String message) {
        Map<String, Object> e = new java.util.LinkedHashMap<>();
        e.put("status", status);
        e.put("field", field);
        e.put("message", message);
        return Map.of("error", e);
    }

    /** Rebuilds the snapshot from the store and swaps it in; requests in flight finish on the old one. */
    public synchronized void reload() {
        long t = System.nanoTime();
        ServingState next = new ServingState(store.load(), store.staff(), store.zones());
        tiles.snapshot(next);
        state.set(next);
        metrics.rebuilt((System.nanoTime() - t) / 1e9);
        LOG.atInfo().addKeyValue("grids", next.index.size()).addKeyValue("ms", (System.nanoTime() - t) / 1_000_000)
                .log("serving {} grids", next.index.size());
    }

    /** A commit made here: serve it at once, and drop GeoWebCache's tiles of the grid layers when a GeoServer is configured. */
    private void afterCommit(ServerSettings settings) {
        reload();
        if (settings.geoServer() == null) return;
        reloads.execute(() -> {
            try {
                new GeoServerPublisher(new GeoServerClient(settings.geoServer())).truncate(List.of(PublishedLayer.GRIDS, PublishedLayer.MICRO_GRIDS));
            } catch (GeoServerException e) {
                LOG.warn("GeoWebCache not truncated after a commit: {}", e.getMessage());
            }
        });
    }

    /** Another instance committed a change to the shared store. */
    private void onStoreChange(StoreChange change) {
        metrics.count("gridatlas_store_changes_total", 1);
        if (change.kind() == StoreChange.Kind.REPORT) {
            reports.receivedElsewhere(change.detail());
        } else if (reloadQueued.compareAndSet(false, true)) {
            reloads.execute(() -> {
                reloadQueued.set(false);
                try {
                    reload();
                } catch (StoreException e) {
                    // keep serving the snapshot we have; the listener asks again once the store is back
                    LOG.warn("reload after {} failed, still serving the previous snapshot: {}", change.kind(), e.getMessage());
                }
            });
        }
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

    /**
     * Stops gracefully: stops accepting connections (a load balancer moves on), ends the live
     * streams, waits up to the grace period for the requests in flight, then stops Jetty.
     */
    @Override
    public void close() {
        try {
            watch.close();
        } catch (Exception e) {
            LOG.warn("closing the store listener: {}", e.getMessage());
        }
        if (jetty != null) {
            for (org.eclipse.jetty.server.Connector c : jetty.getConnectors()) {
                if (c instanceof org.eclipse.jetty.server.NetworkConnector n) n.close();
            }
        }
        reports.closeStreams();
        long deadline = System.nanoTime() + shutdownGrace.toNanos();
        while (inFlight.getCurrentRequestCount() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (inFlight.getCurrentRequestCount() > 0) LOG.warn("stopping with {} requests still in flight after {}", inFlight.getCurrentRequestCount(), shutdownGrace);
        app.stop();
        reloads.shutdownNow();
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
