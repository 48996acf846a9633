package org.gridatlas.api.web;

import static org.gridatlas.api.web.Access.Need.ADMIN;
import static org.gridatlas.api.web.Access.Need.EDIT;
import static org.gridatlas.api.web.Access.Need.HANDLE;
import static org.gridatlas.api.web.Access.Need.PUBLIC;
import static org.gridatlas.api.web.Access.Need.READ;
import static org.gridatlas.api.web.Access.Need.REPORT;

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
import org.gridatlas.api.geoserver.PostGisConnection;
import org.gridatlas.api.geoserver.PublishedLayer;
import org.gridatlas.api.ogc.OgcFeatures;
import org.gridatlas.api.ogc.OgcTiles;
import org.gridatlas.api.serving.AppealRouting;
import org.gridatlas.api.serving.CommunityEdits;
import org.gridatlas.api.serving.DepartmentNetworks;
import org.gridatlas.api.serving.FeatureCatalog;
import org.gridatlas.api.serving.GridMaps;
import org.gridatlas.api.serving.Json;
import org.gridatlas.api.serving.ServingState;
import org.gridatlas.api.serving.StaffingRule;
import org.gridatlas.engine.edit.GridEditor;
import org.gridatlas.store.AuditEntry;
import org.gridatlas.store.GridStore;
import org.gridatlas.store.StoreChange;
import org.gridatlas.store.StoreException;
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
    private final DepartmentNetworks departments;
    private final TilesResource tiles;
    /** Imports that replace a whole list: audited. */
    private static final java.util.Set<String> LIST_IMPORTS = java.util.Set.of("/api/v1/staff", "/api/v1/zones");

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
    /**
     * Department tile layers are redrawn here, one at a time and off the reload: a new layer's (or
     * new grids') crosswalk can take minutes, and a reload serves the new grids without waiting for it.
     */
    private final ExecutorService redraws = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "gridatlas-departments");
        t.setDaemon(true);
        return t;
    });

    private final AutoCloseable watch;
    private final GracefulHandler inFlight = new GracefulHandler();
    private final java.time.Duration shutdownGrace;
    private final HeaderReadTimeout headerTimeout;
    private final Access access;
    private final TokenList tokens;
    /** Bodies being received, and batches of lookups being answered (each holds up to three chunks of records). */
    private final Slots uploads, batches;

    private org.eclipse.jetty.server.Server jetty;

    public ApiServer(GridStore store) {
        this(store, ServerSettings.DEFAULT);
    }

    public ApiServer(GridStore store, ServerSettings settings) {
        this(store, settings, java.time.InstantSource.system());
    }

    /** With the clock the token list is reread by (tests stop it, so that only the store's notices reread it). */
    ApiServer(GridStore store, ServerSettings settings, java.time.InstantSource clock) {
        this.store = store;
        this.tokens = new TokenList(store, clock);
        this.shutdownGrace = settings.shutdownGrace();
        this.headerTimeout = new HeaderReadTimeout(settings.headerTimeout());
        StaffingRule staffing = settings.staffing();
        this.tiles = new TilesResource(store, settings.tileCacheBytes(), settings.publicUrl());
        this.departments = new DepartmentNetworks(store, state::get);
        this.uploads = new Slots("uploads", settings.limits().uploads());
        this.batches = new Slots("batches of lookups", settings.limits().batches());
        gauges();
        reload();
        StaffResource staff = new StaffResource(state::get, store, this::reload, staffing);
        AppealRouting routing = new AppealRouting(staffing);
        LookupResource lookup = new LookupResource(state::get, routing);
        this.reports = new ReportsResource(
                state::get,
                store,
                store,
                settings.reportDeadlines(),
                tiles::report,
                routing,
                settings.limits().streamBacklog());
        ServerSettings.Security security = settings.security();
        this.access = new Access(
                store, tokens, security.adminTokenSha256(), security.reportKeySha256(), security.publicReads());
        ChangesResource changes = new ChangesResource(
                state::get,
                store,
                new CommunityEdits(
                        state::get,
                        store,
                        store,
                        new GridEditor(settings.bounds(), settings.ruralRule()),
                        settings.microBounds(),
                        community -> afterCommit(settings)));
        AdminResource admin = new AdminResource(
                store,
                settings.geoServer(),
                () -> PostGisConnection.fromJdbcUrl(
                        store.postGisUrl()
                                .orElseThrow(() -> new ApiError(
                                        409, "store", "GeoServer publishing needs the PostGIS store (--jdbc)")),
                        settings.geoServerDbHost()));
        ZonesResource zones = new ZonesResource(state::get, store, this::reload);
        GridsResource grids = new GridsResource(state::get, staff, staffing, settings.publicUrl());
        OgcFeatures ogc = new OgcFeatures(new FeatureCatalog(state::get, store, departments), settings.publicUrl());
        OgcTiles ogcTiles = new OgcTiles(tiles, settings.publicUrl());
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jsonMapper(new io.javalin.json.JavalinJackson(Json.MAPPER, false));
            config.http.maxRequestSize = 1_000_000;
            config.jetty.modifyServer(server -> {
                server.setHandler(inFlight); // Javalin nests its servlet context inside; counts requests for close()
                server.setErrorHandler(new ServerErrors());
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
                ctx.attribute(RequestBodies.PACE, settings.limits());
                SecurityHeaders.apply(ctx);
            });
            config.routes.beforeMatched(access::decide);
            config.routes.after(ctx -> afterRequest(ctx, settings.accessLog()));
            routes(
                    new Routes(config.routes, access, uploads),
                    new Resources(
                            lookup,
                            grids,
                            staff,
                            zones,
                            changes,
                            admin,
                            new DepartmentsResource(departments, store, this::redrawDepartmentsAndWait),
                            new PrintsResource(
                                    state::get,
                                    new GridMaps(store, settings.reportUrl(), java.time.Clock.systemDefaultZone())),
                            resource("/openapi.json"),
                            ogc,
                            ogcTiles));
            ErrorMapping.register(config);
        });
        this.watch = store.watch(this::onStoreChange);
    }

    private void gauges() {
        metrics.gauge("gridatlas_tile_cache_entries", () -> tiles.cache().size());
        metrics.gauge("gridatlas_tile_cache_bytes", () -> tiles.cache().bytes());
        metrics.gauge("gridatlas_tile_cache_hits_total", () -> tiles.cache().hits());
        metrics.gauge("gridatlas_tile_cache_misses_total", () -> tiles.cache().misses());
        metrics.gauge("gridatlas_index_grids", () -> state.get().index.size());
        metrics.gauge("gridatlas_recent_reports", tiles::recentReports);
        metrics.gauge("gridatlas_report_window", () -> reports.windowSize());
        metrics.gauge("gridatlas_uploads_in_progress", uploads::inUse);
        metrics.gauge("gridatlas_live_streams", () -> reports.liveStreams());
        metrics.gauge("gridatlas_batches_in_progress", batches::inUse);
        metrics.gauge("gridatlas_department_computations_total", departments::computations);
        metrics.gauge("gridatlas_token_reads_total", tokens::reads);
    }

    /** What every request leaves behind: its metrics, the audit of list imports, and (when asked) an access-log line. */
    private void afterRequest(io.javalin.http.Context ctx, boolean accessLog) {
        Long started = ctx.attribute("started");
        io.javalin.router.Endpoint endpoint = ctx.endpoints().lastHttpEndpoint();
        String route = endpoint == null ? "unmatched" : endpoint.path;
        if (started != null) metrics.request(ctx.method().name(), route, ctx.statusCode(), System.nanoTime() - started);
        if (route.startsWith("/tiles/{layer}/") || route.endsWith("{tileCol}"))
            metrics.count("gridatlas_tiles_served_total", 1);
        if (route.equals("/api/v1/lookup") && ctx.method().name().equals("GET"))
            metrics.count("gridatlas_lookups_total", 1);
        if (ctx.method() == io.javalin.http.HandlerType.POST
                && LIST_IMPORTS.contains(route)
                && ctx.attribute(Access.CALLER) != null) {
            store.audit(new AuditEntry(
                    java.time.Instant.now(),
                    Access.caller(ctx).name(),
                    "import " + route.substring(route.lastIndexOf('/') + 1),
                    null,
                    ctx.statusCode() == 200 ? "ok" : "refused: " + ctx.statusCode(),
                    null));
        }
        if (accessLog && started != null) {
            LOG.atInfo()
                    .addKeyValue("method", ctx.method().name())
                    .addKeyValue("path", ctx.path())
                    .addKeyValue("route", route)
                    .addKeyValue("status", ctx.statusCode())
                    .addKeyValue("ms", (System.nanoTime() - started) / 1e6)
                    .log("request");
        }
    }

    /** The resources the routes call. */
    private record Resources(
            LookupResource lookup,
            GridsResource grids,
            StaffResource staff,
            ZonesResource zones,
            ChangesResource changes,
            AdminResource admin,
            DepartmentsResource departments,
            PrintsResource prints,
            byte[] openApi,
            OgcFeatures ogc,
            OgcTiles ogcTiles) {}

    /** Every route with who may call it (see {@link Access}). */
    private void routes(Routes r, Resources x) {
        r.get(
                        "/metrics",
                        PUBLIC,
                        ctx -> ctx.contentType("text/plain; version=0.0.4").result(metrics.text()))
                .get("/health", PUBLIC, ctx -> ctx.json(Map.of("status", "ok")))
                .get("/ready", PUBLIC, ctx -> {
                    boolean reachable = store.reachable();
                    ctx.status(reachable ? 200 : 503)
                            .json(Map.of(
                                    "store",
                                    reachable,
                                    "grids",
                                    state.get().index.size()));
                })
                .get(
                        "/api/v1/openapi.json",
                        PUBLIC,
                        ctx -> ctx.contentType("application/json").result(x.openApi()))
                .get("/api/v1/grids", READ, x.grids()::list)
                .get("/api/v1/grids/{code}", READ, x.grids()::one)
                .get("/api/v1/communities", READ, x.grids()::communities)
                .get("/api/v1/streets", READ, x.grids()::streets)
                .get("/api/v1/hierarchy", READ, x.grids()::hierarchy)
                .get("/api/v1/export/grids.geojson", READ, x.grids()::exportGeoJson)
                .get("/api/v1/export/grids.gpkg", READ, x.grids()::exportGeoPackage)
                .get("/api/v1/export/grids-shp.zip", READ, x.grids()::exportShapefile)
                .get("/api/v1/lookup", READ, x.lookup()::one)
                .post(
                        "/api/v1/lookup",
                        READ,
                        batches.around(x.lookup()::batch)) // a batch of lookups is a read, not a write
                .post("/api/v1/reports", REPORT, reports::create)
                .get("/api/v1/reports", READ, reports::list)
                .get("/api/v1/reports/counts", READ, reports::counts)
                .get("/api/v1/reports/summary", READ, reports::summary)
                .sse("/api/v1/reports/stream", READ, reports::stream) // before {id}, which would take "stream"
                .get("/api/v1/reports/{id}", READ, reports::one)
                .patch("/api/v1/reports/{id}", HANDLE, reports::move)
                .post("/api/v1/staff", EDIT, x.staff()::importCsv)
                .get("/api/v1/staffing", READ, x.staff()::staffing)
                .post("/api/v1/zones", EDIT, x.zones()::importCsv)
                .get("/api/v1/communities/{code}/map.png", READ, tiles::communityMap)
                .get("/api/v1/communities/{code}/map.pdf", READ, x.prints()::community)
                .get("/api/v1/grids/{code}/map.pdf", READ, x.prints()::grid)
                .get("/api/v1/streets/{code}/map.pdf", READ, x.prints()::street)
                .post("/api/v1/admin/publish", ADMIN, x.admin()::publish)
                .get("/api/v1/admin/audit", ADMIN, x.admin()::audit)
                .post("/api/v1/communities/{code}/changes", EDIT, x.changes()::preview)
                .get("/api/v1/communities/{code}/changes/{id}", READ, x.changes()::get)
                .post("/api/v1/communities/{code}/changes/{id}/commit", EDIT, x.changes()::commit)
                .get("/api/v1/communities/{code}/versions", READ, x.changes()::versions)
                .post("/api/v1/communities/{code}/versions/{version}/revert", EDIT, x.changes()::revert)
                .get("/api/v1/communities/{code}/grids", READ, x.changes()::asOf)
                .get("/api/v1/communities/{code}/codes", READ, x.changes()::codes)
                .get("/api/v1/communities/{code}/buildings", READ, x.grids()::communityBuildings)
                .get("/api/v1/grids/{code}/history", READ, x.changes()::gridHistory)
                .get(
                        "/api/v1/grids/{code}/resources",
                        READ,
                        ctx -> x.departments().inGrid(ctx, state.get().grids))
                .get("/api/v1/resources/summary", READ, x.departments()::summary)
                .get("/api/v1/departments/layers", READ, x.departments()::layers)
                .put("/api/v1/departments/layers/{name}", EDIT, x.departments()::put)
                .get("/api/v1/departments/layers/{name}/crosswalk", READ, x.departments()::crosswalk)
                .get("/api/v1/departments/layers/{name}/conflicts.geojson", READ, x.departments()::conflicts)
                .get("/api/v1/departments/layers/{name}/features.geojson", READ, x.departments()::features)
                .get("/tiles/{layer}", READ, tiles::tileJson)
                .get("/tiles/{layer}/{z}/{x}/{yformat}", READ, tiles::tile);
        ogcRoutes(r, x.ogc(), x.ogcTiles());
    }

    /** OGC API – Features and Tiles: what describes the service is public, the data are reads. */
    private static void ogcRoutes(Routes r, OgcFeatures f, OgcTiles t) {
        String tile = "/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}";
        r.get("/ogc", PUBLIC, f::landing)
                .get("/ogc/conformance", PUBLIC, f::conformance)
                .get("/ogc/api", READ, f::api)
                .get("/ogc/collections", READ, f::collections)
                .get("/ogc/collections/{collectionId}", READ, f::collection)
                .get("/ogc/collections/{collectionId}/items", READ, f::items)
                .get("/ogc/collections/{collectionId}/items/{featureId}", READ, f::item)
                .get("/ogc/tileMatrixSets", PUBLIC, t::tileMatrixSets)
                .get("/ogc/tileMatrixSets/{tileMatrixSetId}", PUBLIC, t::tileMatrixSet)
                .get("/ogc/tiles", READ, t::datasetTilesets)
                .get("/ogc/tiles/{tileMatrixSetId}", READ, t::datasetTileset)
                .get("/ogc/tiles" + tile, READ, t::datasetTile)
                .get("/ogc/collections/{collectionId}/tiles", READ, t::collectionTilesets)
                .get("/ogc/collections/{collectionId}/tiles/{tileMatrixSetId}", READ, t::collectionTileset)
                .get("/ogc/collections/{collectionId}/tiles" + tile, READ, t::collectionTile);
    }

    /** Rebuilds the snapshot from the store and swaps it in; requests in flight finish on the old one. */
    public synchronized void reload() {
        long t = System.nanoTime();
        ServingState next = new ServingState(store.load(), store.staff(), store.zones());
        tiles.snapshot(next);
        state.set(next);
        redraws.execute(this::redrawDepartments);
        metrics.rebuilt((System.nanoTime() - t) / 1e9);
        LOG.atInfo()
                .addKeyValue("grids", next.index.size())
                .addKeyValue("ms", (System.nanoTime() - t) / 1_000_000)
                .log("serving {} grids", next.index.size());
    }

    /**
     * Other departments' conflicts and resources' grids follow the grids (computed only when the
     * grids or a layer changed); without the store, or should a layer fail to compute, the last ones
     * stay and the grids are served all the same.
     */
    private void redrawDepartments() {
        try {
            tiles.departments(departments.tileLayers());
        } catch (StoreException e) {
            LOG.warn("department layers not redrawn: {}", e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("department layers not redrawn", e);
        }
    }

    /** After an import: the new layer on the tiles before the import answers. */
    private void redrawDepartmentsAndWait() {
        try {
            redraws.submit(this::redrawDepartments).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("department layers not redrawn", e.getCause());
        }
    }

    /** A commit made here: serve it at once, and drop GeoWebCache's tiles of the grid layers when a GeoServer is configured. */
    private void afterCommit(ServerSettings settings) {
        reload();
        if (settings.geoServer() == null) return;
        reloads.execute(() -> {
            try {
                new GeoServerPublisher(new GeoServerClient(settings.geoServer()))
                        .truncate(List.of(PublishedLayer.GRIDS, PublishedLayer.MICRO_GRIDS));
            } catch (GeoServerException e) {
                LOG.warn("GeoWebCache not truncated after a commit: {}", e.getMessage());
            }
        });
    }

    /** Another instance committed a change to the shared store. */
    private void onStoreChange(StoreChange change) {
        metrics.count("gridatlas_store_changes_total", 1);
        if (change.kind() == StoreChange.Kind.TOKENS || change.kind() == StoreChange.Kind.RESYNC) tokens.changed();
        if (change.kind() == StoreChange.Kind.TOKENS) {
            return;
        } else if (change.kind() == StoreChange.Kind.REPORT) {
            reports.receivedElsewhere(change.detail());
        } else if (change.kind() == StoreChange.Kind.REPORT_MOVED) {
            reports.movedElsewhere(change.detail());
        } else if (reloadQueued.compareAndSet(false, true)) {
            reloads.execute(() -> {
                reloadQueued.set(false);
                try {
                    reload();
                } catch (StoreException e) {
                    // keep serving the snapshot we have; the listener asks again once the store is back
                    LOG.warn(
                            "reload after {} failed, still serving the previous snapshot: {}",
                            change.kind(),
                            e.getMessage());
                }
            });
        }
    }

    /** Listens on every address (tests use this, on a free port). */
    public ApiServer start(int port) {
        return start("0.0.0.0", port);
    }

    /** Listens on one address ({@code --host}), or on all with 0.0.0.0. */
    public ApiServer start(String host, int port) {
        app.start(host, port);
        for (org.eclipse.jetty.server.Connector c : jetty.getConnectors()) c.addEventListener(headerTimeout);
        return this;
    }

    public org.gridatlas.tiles.TileCache tileCache() {
        return tiles.cache();
    }

    /** Who may call what: every route's rule, "METHOD /route" → need. */
    Map<String, Access.Need> accessRules() {
        return access.rules();
    }

    /** Where reports from a source inside this process arrive (the demo's simulated stream), as over the API. */
    public org.gridatlas.api.serving.ReportDesk reportDesk() {
        return reports;
    }

    /** The snapshot being served. */
    public ServingState serving() {
        return state.get();
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
        if (inFlight.getCurrentRequestCount() > 0)
            LOG.warn(
                    "stopping with {} requests still in flight after {}",
                    inFlight.getCurrentRequestCount(),
                    shutdownGrace);
        app.stop();
        reloads.shutdownNow();
        redraws.shutdownNow();
        headerTimeout.close();
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
