package org.gridatlas.api.web;

import static java.util.Map.entry;
import static org.gridatlas.api.web.TestHttp.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.gridatlas.engine.model.Grid;
import org.gridatlas.engine.model.GridLevel;
import org.gridatlas.store.AccessToken;
import org.gridatlas.store.GridStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

/**
 * The standing attack suite: what an attacker would try, replayed against a running server on each
 * store (a subclass supplies it), locked down as production runs it (reads need a token, reports
 * a key). Every role against every route, path encodings, methods, oversized and malformed
 * bodies, forged headers, slow headers; and after it all, nothing stored that should not be.
 */
abstract class AttackSuite {
    static final String REPORT_KEY = "hotline-12345-key", REPORTER = "reporter-token";

    /** Who may call each route, written down independently of the server's own table (and checked against it). */
    static final Map<String, String> WHO_MAY = Map.ofEntries(
            entry("GET /metrics", "anyone"),
            entry("GET /health", "anyone"),
            entry("GET /ready", "anyone"),
            entry("GET /api/v1/openapi.json", "anyone"),
            entry("GET /api/v1/grids", "reader"),
            entry("GET /api/v1/grids/{code}", "reader"),
            entry("GET /api/v1/communities", "reader"),
            entry("GET /api/v1/streets", "reader"),
            entry("GET /api/v1/hierarchy", "reader"),
            entry("GET /api/v1/export/grids.geojson", "reader"),
            entry("GET /api/v1/export/grids.gpkg", "reader"),
            entry("GET /api/v1/export/grids-shp.zip", "reader"),
            entry("GET /api/v1/lookup", "reader"),
            entry("POST /api/v1/lookup", "reader"),
            entry("POST /api/v1/reports", "reporter"),
            entry("GET /api/v1/reports", "reader"),
            entry("GET /api/v1/reports/counts", "reader"),
            entry("GET /api/v1/reports/stream", "reader"),
            entry("GET /api/v1/reports/summary", "reader"),
            entry("GET /api/v1/reports/{id}", "reader"),
            entry("PATCH /api/v1/reports/{id}", "handler"),
            entry("POST /api/v1/staff", "planner"),
            entry("GET /api/v1/staffing", "reader"),
            entry("POST /api/v1/zones", "planner"),
            entry("GET /api/v1/communities/{code}/map.png", "reader"),
            entry("GET /api/v1/communities/{code}/map.pdf", "reader"),
            entry("GET /api/v1/grids/{code}/map.pdf", "reader"),
            entry("GET /api/v1/streets/{code}/map.pdf", "reader"),
            entry("POST /api/v1/admin/publish", "admin"),
            entry("GET /api/v1/admin/audit", "admin"),
            entry("POST /api/v1/communities/{code}/changes", "planner"),
            entry("GET /api/v1/communities/{code}/changes/{id}", "reader"),
            entry("POST /api/v1/communities/{code}/changes/{id}/commit", "planner"),
            entry("GET /api/v1/communities/{code}/versions", "reader"),
            entry("POST /api/v1/communities/{code}/versions/{version}/revert", "planner"),
            entry("GET /api/v1/communities/{code}/grids", "reader"),
            entry("GET /api/v1/communities/{code}/codes", "reader"),
            entry("GET /api/v1/communities/{code}/buildings", "reader"),
            entry("GET /api/v1/grids/{code}/history", "reader"),
            entry("GET /tiles/{layer}", "reader"),
            entry("GET /tiles/{layer}/{z}/{x}/{yformat}", "reader"),
            entry("GET /api/v1/grids/{code}/resources", "reader"),
            entry("GET /api/v1/resources/summary", "reader"),
            entry("GET /api/v1/departments/layers", "reader"),
            entry("PUT /api/v1/departments/layers/{name}", "planner"),
            entry("GET /api/v1/departments/layers/{name}/crosswalk", "reader"),
            entry("GET /api/v1/departments/layers/{name}/conflicts.geojson", "reader"),
            entry("GET /api/v1/departments/layers/{name}/features.geojson", "reader"),
            entry("GET /ogc", "anyone"),
            entry("GET /ogc/conformance", "anyone"),
            entry("GET /ogc/api", "reader"),
            entry("GET /ogc/collections", "reader"),
            entry("GET /ogc/collections/{collectionId}", "reader"),
            entry("GET /ogc/collections/{collectionId}/items", "reader"),
            entry("GET /ogc/collections/{collectionId}/items/{featureId}", "reader"),
            entry("GET /ogc/tileMatrixSets", "anyone"),
            entry("GET /ogc/tileMatrixSets/{tileMatrixSetId}", "anyone"),
            entry("GET /ogc/tiles", "reader"),
            entry("GET /ogc/tiles/{tileMatrixSetId}", "reader"),
            entry("GET /ogc/tiles/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}", "reader"),
            entry("GET /ogc/collections/{collectionId}/tiles", "reader"),
            entry("GET /ogc/collections/{collectionId}/tiles/{tileMatrixSetId}", "reader"),
            entry(
                    "GET /ogc/collections/{collectionId}/tiles/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}",
                    "reader"));

    /** The callers: no token, then a token of each role. */
    static final Map<String, String> TOKENS = Map.of(
            "reader",
            ChangesResourceTest.READER,
            "reporter",
            REPORTER,
            "planner",
            ChangesResourceTest.PLANNER,
            "admin",
            ChangesResourceTest.ADMIN);

    /** Small enough to reach in a test: two batches, four uploads at once, bodies at 1 KB/s after a second's grace, streams 16 events behind. */
    static final ServerSettings.Limits LIMITS = new ServerSettings.Limits(2, 4, 1024, Duration.ofSeconds(1), 16);

    private ServerSettings locked;
    private GridStore store;
    private ApiServer server;
    private String grid;
    private String report;
    /** A building's centroid: a point inside the grids. */
    private Coordinate point;

    protected abstract GridStore openStore() throws Exception;

    protected abstract void closeStore() throws Exception;

    /** Makes a stored report unreadable (its status a word the store does not know), as only a broken write could. */
    protected abstract void spoilReport(String id) throws Exception;

    GridStore store() {
        return store;
    }

    ApiServer server() {
        return server;
    }

    ServerSettings locked() {
        return locked;
    }

    @BeforeEach
    void serve() throws Exception {
        store = openStore();
        ChangesResourceTest.seed(store);
        store.putToken(new AccessToken("热线", "reporter", AccessToken.digest(REPORTER), Instant.now()));
        locked = ServerSettings.DEFAULT
                .withSecurity(new ServerSettings.Security(Set.of(), Set.of(AccessToken.digest(REPORT_KEY)), false))
                .withHeaderTimeout(Duration.ofSeconds(1))
                .withLimits(LIMITS);
        server = new ApiServer(store, locked).start("127.0.0.1", 0);
        grid = store.load().grids().stream()
                .filter(g -> g.level() == GridLevel.GRID)
                .map(Grid::code)
                .findFirst()
                .orElseThrow();
        point = ChangesResourceTest.DATA
                .buildings()
                .get(0)
                .geometry()
                .getCentroid()
                .getCoordinate();
        report = "{\"id\":\"%s\",\"category\":\"litter\",\"lon\":" + point.x + ",\"lat\":" + point.y + "%s}";
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        closeStore();
    }

    @Test
    void everyRoleAgainstEveryRoute() throws Exception {
        assertEquals(
                new TreeSet<>(WHO_MAY.keySet()),
                new TreeSet<>(server.accessRules().keySet()),
                "every route the server has is in this suite's table");
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, String> route : WHO_MAY.entrySet()) {
            String method = route.getKey().split(" ")[0],
                    path = concrete(route.getKey().split(" ")[1]);
            if (path.endsWith("/stream")) method = "HEAD"; // HEAD answers as GET would, without holding the stream open
            for (String caller : List.of("none", "reader", "reporter", "planner", "admin")) {
                String[] auth = caller.equals("none")
                        ? new String[0]
                        : new String[] {"Authorization", "Bearer " + TOKENS.get(caller)};
                int status = RawHttp.send(
                                server.port(),
                                method,
                                path,
                                method.equals("POST") || method.equals("PUT") ? bodyFor(path) : null,
                                withType(path, auth))
                        .status();
                boolean allowed = allowed(route.getValue(), caller);
                int expected = caller.equals("none") ? 401 : 403;
                if (allowed ? status == 401 || status == 403 : status != expected)
                    wrong.add(method + " " + path + " as " + caller + ": " + status);
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        assertNothingStored();
    }

    @Test
    void pathEncodingsReachTheSameRuleOrNothing() throws Exception {
        String staff = "grid_code,role,name,phone\n" + grid + ",chief,冒名,1\n";
        for (String path : List.of(
                "/api/v1/staff/",
                "/api/v1/staff//",
                "/api/v1//staff",
                "/api/v1/staff/.",
                "/api/v1/./staff",
                "/api/v1/Staff",
                "/api/v1/staff;x=1",
                "/api/v1/%73taff",
                "/api/v1/staff%2F",
                "/api/v1/staff/..;/staff",
                "//api/v1/staff",
                "/api/v1/zones/")) {
            int status = RawHttp.send(server.port(), "POST", path, staff, "Content-Type", "text/csv")
                    .status();
            assertTrue(status == 400 || status == 401 || status == 404, "POST " + path + " without a token: " + status);
        }
        for (String path : List.of("/api/v1/reports/", "/api/v1/reports//", "/api/v1/reports/.", "/api/v1/%72eports")) {
            int status = RawHttp.send(
                            server.port(),
                            "POST",
                            path,
                            report.formatted("forged", ""),
                            "Content-Type",
                            "application/json")
                    .status();
            assertTrue(
                    status == 400 || status == 401 || status == 404,
                    "POST " + path + " without the report key: " + status);
        }
        for (String path : List.of(
                "/api/v1/admin/audit/", "/api/v1/admin//audit", "/api/v1/admin/./audit", "/api/v1/ADMIN/audit")) {
            for (String method : List.of("GET", "HEAD")) {
                int status = RawHttp.send(server.port(), method, path, null).status();
                assertTrue(
                        status == 400 || status == 401 || status == 404,
                        method + " " + path + " without a token: " + status);
            }
        }
        assertNothingStored();
    }

    @Test
    void headAnswersAsGetWouldAndOtherMethodsChangeNothing() throws Exception {
        assertEquals(
                401,
                RawHttp.send(server.port(), "HEAD", "/api/v1/admin/audit", null).status());
        assertEquals(
                403,
                RawHttp.send(
                                server.port(),
                                "HEAD",
                                "/api/v1/admin/audit",
                                null,
                                "Authorization",
                                "Bearer " + ChangesResourceTest.PLANNER)
                        .status());
        RawHttp.Answer head = RawHttp.send(
                server.port(), "HEAD", "/api/v1/grids", null, "Authorization", "Bearer " + ChangesResourceTest.READER);
        assertEquals(200, head.status());
        assertTrue(head.header("Content-Type").contains("json") && head.body().isEmpty(), head.head());
        for (String method : List.of("PUT", "DELETE", "PATCH", "TRACE", "OPTIONS", "PROPFIND")) {
            for (String path :
                    List.of("/api/v1/staff", "/api/v1/reports", "/api/v1/grids/" + grid, "/api/v1/admin/audit")) {
                int status = RawHttp.send(
                                server.port(),
                                method,
                                path,
                                "grid_code,role,name\n",
                                "Content-Type",
                                "text/csv",
                                "Authorization",
                                "Bearer " + ChangesResourceTest.ADMIN)
                        .status();
                assertTrue(status >= 400 && status != 500, method + " " + path + ": " + status);
            }
        }
        assertNothingStored();
    }

    @Test
    void endlessLinesAndDeepJsonCostNoMemoryAndAreRefusedByName() throws Exception {
        String reader = "Bearer " + ChangesResourceTest.READER, admin = "Bearer " + ChangesResourceTest.ADMIN;
        String endless = "x".repeat(20 << 20); // 20 MB without a line break
        RawHttp.Answer csv = RawHttp.send(
                server.port(),
                "POST",
                "/api/v1/lookup",
                "id,lon,lat\n" + endless + "\nok,1,1\n",
                "Content-Type",
                "text/csv",
                "Authorization",
                reader);
        assertEquals(200, csv.status());
        String[] rows = csv.body().split("\n");
        assertEquals(
                3,
                rows.length,
                "header, the refused line, the next record answered: "
                        + csv.body().substring(0, Math.min(400, csv.body().length())));
        assertTrue(
                rows[1].contains("line 2 is longer than") && rows[1].length() < 200,
                "the endless line is neither kept nor echoed: " + rows[1]);
        assertTrue(rows[2].startsWith("ok,"), rows[2]);

        RawHttp.Answer nd = RawHttp.send(
                server.port(),
                "POST",
                "/api/v1/lookup",
                endless + "\n{\"id\":\"a\",\"lon\":1,\"lat\":1}\n",
                "Content-Type",
                "application/x-ndjson",
                "Authorization",
                reader);
        assertTrue(
                nd.body()
                                .startsWith(
                                        "{\"id\":null,\"error\":{\"status\":413,\"field\":\"body\",\"message\":\"line 1 is longer than")
                        && nd.body().contains("\"id\":\"a\""),
                nd.body().substring(0, Math.min(300, nd.body().length())));

        String bigFeature =
                "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"note\":["
                        + "1,".repeat(100_000) + "1]}," + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[1,1]}}]}";
        RawHttp.Answer geo = RawHttp.send(
                server.port(),
                "POST",
                "/api/v1/lookup",
                bigFeature,
                "Content-Type",
                "application/geo+json",
                "Authorization",
                reader);
        assertTrue(geo.body().contains("\"status\":413") && geo.body().contains("feature 1 is over"), geo.body());

        RawHttp.Answer staff = RawHttp.send(
                server.port(),
                "POST",
                "/api/v1/staff",
                "grid_code,role,name,phone\n" + endless,
                "Content-Type",
                "text/csv",
                "Authorization",
                admin);
        assertEquals(413, staff.status(), staff.body());
        assertTrue(staff.body().contains("line 2 is longer than"), staff.body());

        String deep = "[".repeat(5000) + "]".repeat(5000);
        RawHttp.Answer nested = RawHttp.send(
                server.port(),
                "POST",
                "/api/v1/reports",
                report.formatted("deep", ",\"extra\":" + deep),
                "Content-Type",
                "application/json",
                "X-Report-Key",
                REPORT_KEY);
        assertEquals(400, nested.status(), nested.body());
        RawHttp.Answer big = RawHttp.send(
                server.port(),
                "POST",
                "/api/v1/reports",
                report.formatted("big", ",\"text\":\"" + "字".repeat(70_000) + "\""),
                "Content-Type",
                "application/json",
                "X-Report-Key",
                REPORT_KEY);
        assertEquals(413, big.status(), big.body());
        assertEquals(200, RawHttp.send(server.port(), "GET", "/health", null).status(), "the server still answers");
        assertNothingStored();
    }

    @Test
    void malformedValuesAre400NamingTheFieldInEveryStore() throws Exception {
        String key = REPORT_KEY,
                reader = "Bearer " + ChangesResourceTest.READER,
                admin = "Bearer " + ChangesResourceTest.ADMIN;
        assertField(
                RawHttp.send(
                        server.port(),
                        "GET",
                        "/api/v1/reports?since=%2B1000000000-01-01T00:00:00Z",
                        null,
                        "Authorization",
                        reader),
                400,
                "since");
        assertField(
                RawHttp.send(
                        server.port(),
                        "POST",
                        "/api/v1/reports",
                        report.formatted("far", ",\"time\":\"+1000000000-01-01T00:00:00Z\""),
                        "Content-Type",
                        "application/json",
                        "X-Report-Key",
                        key),
                400,
                "time");
        assertField(
                RawHttp.send(
                        server.port(),
                        "POST",
                        "/api/v1/reports",
                        report.formatted("nul", ",\"text\":\"a\\u0000b\""),
                        "Content-Type",
                        "application/json",
                        "X-Report-Key",
                        key),
                400,
                "text");
        assertField(
                RawHttp.send(
                        server.port(),
                        "GET",
                        "/api/v1/grids?limit=100&offset=2147483600",
                        null,
                        "Authorization",
                        reader),
                400,
                "offset");
        RawHttp.Answer notUtf8;
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            byte[] body = "grid_code,role,name,phone\nG,chief,\u00ff\u00fe,1\n".getBytes(StandardCharsets.ISO_8859_1);
            String head = "POST /api/v1/staff HTTP/1.1\r\nHost: x\r\nContent-Type: text/csv\r\nAuthorization: " + admin
                    + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
            s.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().write(body);
            String all = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            notUtf8 = new RawHttp.Answer(
                    Integer.parseInt(all.split(" ", 3)[1]), all, all.substring(all.indexOf("\r\n\r\n") + 4));
        }
        assertEquals(400, notUtf8.status(), notUtf8.body());
        assertTrue(notUtf8.body().contains("line 2 is not UTF-8"), notUtf8.body());
        for (String unknown : List.of(
                "/api/v1/communities/130302999999/codes",
                "/api/v1/communities/130302999999/versions",
                "/api/v1/staffing?community=nope",
                "/api/v1/communities?street=nope",
                "/api/v1/grids/nope",
                "/api/v1/grids/nope/history",
                "/api/v1/communities/nope/buildings",
                "/api/v1/reports?grid=nope",
                "/api/v1/communities/nope/grids")) {
            assertEquals(
                    404,
                    RawHttp.send(server.port(), "GET", unknown, null, "Authorization", reader)
                            .status(),
                    unknown);
        }
        assertNothingStored();
    }

    @Test
    void forgedHostsLowerCaseSchemesAndSecurityHeaders() throws Exception {
        String reader = "bearer " + ChangesResourceTest.READER; // the scheme is case-insensitive
        for (String path : List.of("/tiles/grids.json", "/api/v1/grids?limit=1")) {
            RawHttp.Answer a =
                    RawHttp.send(server.port(), "GET", path, null, "Host", "evil.example", "Authorization", reader);
            assertEquals(200, a.status(), path + " " + a.body());
            assertFalse(a.body().contains("evil.example"), "links are not built from the Host header: " + a.body());
        }
        for (String path : List.of("/planner.html", "/index.html", "/api/v1/grids", "/health")) {
            RawHttp.Answer a = RawHttp.send(server.port(), "GET", path, null, "Authorization", reader);
            assertNotNull(a.header("Content-Security-Policy"), path);
            assertTrue(
                    a.header("Content-Security-Policy").contains("frame-ancestors 'none'")
                            && a.header("Content-Security-Policy").contains("script-src 'self'"),
                    path);
            assertEquals("nosniff", a.header("X-Content-Type-Options"), path);
            assertEquals("no-referrer", a.header("Referrer-Policy"), path);
        }
    }

    @Test
    void refusalsAreAuditedAndTheLogCannotBeFlooded() throws Exception {
        int tries = Access.RefusalAudit.PER_MINUTE + 40;
        for (int i = 0; i < tries; i++)
            RawHttp.send(
                    server.port(),
                    "POST",
                    "/api/v1/staff",
                    "x",
                    "Content-Type",
                    "text/csv",
                    "Authorization",
                    "Bearer wrong-" + i);
        int refusals = 0; // read from the store: this address is throttled by now, the admin's token too
        for (org.gridatlas.store.AuditEntry e : store.audit(1000)) {
            if (e.outcome().equals("refused: 401") && e.action().equals("POST /api/v1/staff")) refusals++;
        }
        // at most a minute's worth, twice if the minute turned during the loop
        assertTrue(
                refusals > 0 && refusals <= 2 * Access.RefusalAudit.PER_MINUTE && refusals < tries,
                "refusals audited: " + refusals);
    }

    @Test
    void headersTrickledInAreCutOffAfterTheHeaderTimeout() throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(200); // the attacker's pace: one byte, then a wait for an answer
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            out.write("GET /health HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
            boolean closed = false;
            int sent = 0;
            while (!closed && sent < 100) { // 100 × 200 ms: far past the 1 s limit and any idle timeout
                try {
                    out.write('X');
                    out.flush();
                    sent++;
                    closed = in.read() < 0;
                } catch (SocketTimeoutException e) {
                    // nothing yet: trickle on
                } catch (IOException e) {
                    closed = true; // reset by the server
                }
            }
            assertTrue(closed, "the connection was closed while its headers were still trickling in");
            assertTrue(sent < 50, "closed after " + sent + " bytes at 200 ms each");
        }
    }

    // ---- round two (#28): what still got through ----

    /** Row 1: batches past the cap are refused at once, whatever the ones in progress do; reads go on. */
    @Test
    void batchesPastTheCapAreRefusedAtOnce() throws Exception {
        refusedPastTheCap(
                LIMITS.batches(),
                "gridatlas_batches_in_progress",
                () -> openUpload("/api/v1/lookup", "text/csv", 1_000_000, "id,lon,lat\na,1,1\n"),
                () -> RawHttp.send(
                        server.port(),
                        "POST",
                        "/api/v1/lookup",
                        "id,lon,lat\nb,1,1\n",
                        "Content-Type",
                        "text/csv",
                        "Authorization",
                        "Bearer " + ChangesResourceTest.READER));
    }

    /** Row 2: a body trickled in is cut off once it falls behind the minimum rate. */
    @Test
    void bodiesTrickledInAreCutOff() throws Exception {
        try (Socket s = openUpload("/api/v1/reports", "application/json", 100_000, "{")) {
            s.setSoTimeout(200);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            int sent = 0, answered = -1;
            while (answered < 0 && sent < 100) { // 100 × 200 ms: far past the 1 s grace
                try {
                    out.write(' ');
                    out.flush();
                    sent++;
                    answered = in.read();
                } catch (SocketTimeoutException e) {
                    // nothing yet: trickle on
                } catch (IOException e) {
                    answered = 0; // reset by the server
                }
            }
            assertTrue(answered >= 0 && sent < 50, "cut off after " + sent + " bytes at 200 ms each");
        }
        assertNothingStored();
    }

    /** Row 2: uploads past the cap are refused at once, and the reads and /health still answer. */
    @Test
    void uploadsPastTheCapAreRefusedAtOnce() throws Exception {
        refusedPastTheCap(
                LIMITS.uploads(),
                "gridatlas_uploads_in_progress",
                () -> openUpload("/api/v1/reports", "application/json", 1_000, "{"),
                () -> RawHttp.send(
                        server.port(),
                        "POST",
                        "/api/v1/reports",
                        report.formatted("more", ",\"lat\":\"x\""),
                        "Content-Type",
                        "application/json",
                        "X-Report-Key",
                        REPORT_KEY));
        assertNothingStored();
    }

    private interface Call<T> {
        T call() throws IOException;
    }

    /** Holds {@code cap} requests in progress (the gauge says so), then one more is 503 at once while reads answer. */
    private void refusedPastTheCap(int cap, String gauge, Call<Socket> hold, Call<RawHttp.Answer> more)
            throws IOException {
        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < cap; i++) held.add(hold.call());
            awaitGauge(gauge, cap);
            RawHttp.Answer refused = more.call();
            assertEquals(503, refused.status(), refused.body());
            assertNotNull(refused.header("Retry-After"), refused.head());
            assertEquals(
                    200, RawHttp.send(server.port(), "GET", "/health", null).status());
            assertEquals(
                    200,
                    RawHttp.send(
                                    server.port(),
                                    "GET",
                                    "/api/v1/grids?limit=1",
                                    null,
                                    "Authorization",
                                    "Bearer " + ChangesResourceTest.READER)
                            .status());
        } finally {
            for (Socket s : held) s.close();
        }
    }

    /** Row 3: live streams that never read hold up no report, and fall behind until they are dropped. */
    @Test
    void stalledLiveStreamsHoldUpNoReport() throws Exception {
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                Socket s = new Socket();
                s.setReceiveBufferSize(1024);
                s.connect(new java.net.InetSocketAddress("127.0.0.1", server.port()));
                s.setSoTimeout(20_000);
                s.getOutputStream()
                        .write(("GET /api/v1/reports/stream HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                                        + ChangesResourceTest.READER
                                        + "\r\nAccept: text/event-stream\r\nConnection: close\r\n\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
                StringBuilder seen = new StringBuilder();
                for (int c = 0; !seen.toString().contains("connected"); seen.append((char) c)) {
                    c = s.getInputStream().read();
                    assertTrue(c >= 0, "the stream ended: " + seen);
                }
                stalled.add(s); // registered, and from here on never read
            }
            // big reports, to fill the kernel's buffers of the stalled streams (some MB on loopback) sooner
            String big = ",\"text\":\"" + "字".repeat(2000) + "\",\"source\":\"hotline_12345\"";
            int posted = 0;
            while (posted % 10 != 0 || !gauge("gridatlas_live_streams", 0)) {
                assertTrue(posted < 3000, "the stalled streams were never dropped");
                RawHttp.Answer a = RawHttp.send( // in time, or the read times out
                        server.port(),
                        "POST",
                        "/api/v1/reports",
                        report.formatted("live-" + posted++, big),
                        "Content-Type",
                        "application/json",
                        "X-Report-Key",
                        REPORT_KEY);
                assertEquals(201, a.status(), a.body());
            }
            for (Socket s : stalled) {
                // dropped: its answer ends (reading it to the end does not wait for more reports)
                InputStream in = s.getInputStream();
                byte[] buf = new byte[1 << 16];
                while (in.read(buf) >= 0) {}
            }
        } finally {
            for (Socket s : stalled) s.close();
        }
    }

    /** Row 4: coordinates not finite or out of range, and broken shapes, are refused before anything is stored. */
    @Test
    void badCoordinatesAndShapesAreRefusedBeforeAnythingIsStored() throws Exception {
        String planner = "Bearer " + ChangesResourceTest.PLANNER;
        for (String lonLat : List.of("NaN,43.7", "1e999,43.7", "7.4,-Infinity", "200,43.7", "7.4,95")) {
            RawHttp.Answer a = RawHttp.send(
                    server.port(),
                    "PUT",
                    "/api/v1/departments/layers/cameras?kind=resources",
                    "id,type,name,department,lon,lat\nc1,camera,门口,公安,7.42,43.73\nc2,camera,路口,公安," + lonLat + "\n",
                    "Content-Type",
                    "text/csv",
                    "Authorization",
                    planner);
            assertEquals(400, a.status(), lonLat + ": " + a.body());
            assertTrue(a.body().contains("record 2"), a.body());
        }
        assertNothingStored();
        String bowTie =
                "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"id\":\"u1\",\"name\":\"甲\",\"department\":\"公安\"},"
                        + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[7.41,43.72],[7.43,43.74],[7.43,43.72],[7.41,43.74],[7.41,43.72]]]}}]}";
        RawHttp.Answer a = RawHttp.send(
                server.port(),
                "PUT",
                "/api/v1/departments/layers/beats?kind=units",
                bowTie,
                "Content-Type",
                "application/geo+json",
                "Authorization",
                planner);
        assertTrue(
                a.status() == 200 || a.status() == 400,
                "a bow-tie is repaired or refused, never a 500: " + a.status() + " " + a.body());
    }

    /** Row 4: a bad record already stored (written before these checks) is skipped loudly; the server starts and serves. */
    @Test
    void aBadStoredRecordIsSkippedAndTheServerStillStarts() throws Exception {
        org.locationtech.jts.geom.GeometryFactory f = org.gridatlas.engine.geom.Geoms.LONLAT;
        store.replaceResources(
                "cameras",
                List.of(
                        new org.gridatlas.engine.model.DepartmentResource(
                                "good", "camera", "门口", "公安", Map.of(), f.createPoint(new Coordinate(7.42, 43.73))),
                        new org.gridatlas.engine.model.DepartmentResource(
                                "bad",
                                "camera",
                                "路口",
                                "公安",
                                Map.of(),
                                f.createPoint(new Coordinate(Double.NaN, 43.73)))),
                "an older version");
        try (ApiServer again = new ApiServer(store, locked).start("127.0.0.1", 0)) {
            assertEquals(200, RawHttp.send(again.port(), "GET", "/health", null).status());
            RawHttp.Answer summary = RawHttp.send(
                    again.port(),
                    "GET",
                    "/api/v1/resources/summary",
                    null,
                    "Authorization",
                    "Bearer " + ChangesResourceTest.READER);
            assertEquals(200, summary.status(), summary.body());
        }
    }

    /** Row 5: addresses starting with a digit or holding a huge number: answered, stored, each batch record on its own line. */
    @Test
    void addressesWithNumbersAreAnsweredAndStored() throws Exception {
        String reader = "Bearer " + ChangesResourceTest.READER;
        for (String address : List.of("3号楼2单元门口垃圾", "128号", "12345热线转办", "99999999999999999999号楼")) {
            RawHttp.Answer a = RawHttp.send(
                    server.port(),
                    "GET",
                    "/api/v1/lookup?address=" + java.net.URLEncoder.encode(address, StandardCharsets.UTF_8),
                    null,
                    "Authorization",
                    reader);
            assertEquals(200, a.status(), address + ": " + a.body());
        }
        RawHttp.Answer stored = RawHttp.send(
                server.port(),
                "POST",
                "/api/v1/reports",
                report.formatted("addr-1", ",\"address\":\"3号楼2单元门口垃圾\""),
                "Content-Type",
                "application/json",
                "X-Report-Key",
                REPORT_KEY);
        assertEquals(201, stored.status(), stored.body());
        assertTrue(store.report("addr-1").isPresent(), "a report with a good point is stored whatever its address");
        RawHttp.Answer csv = RawHttp.send(
                server.port(),
                "POST",
                "/api/v1/lookup",
                "id,address\na,128号\nb,99999999999999999999号楼\nc,12345热线转办\n",
                "Content-Type",
                "text/csv",
                "Authorization",
                reader);
        assertEquals(200, csv.status(), csv.body());
        String[] rows = csv.body().split("\n");
        assertEquals(4, rows.length, csv.body());
        for (int i = 1; i < 4; i++) assertTrue(rows[i].startsWith("abc".charAt(i - 1) + ","), rows[i]);
        assertFalse(csv.body().contains("{\"error\""), "no error body appended to the CSV: " + csv.body());
        RawHttp.Answer nd = RawHttp.send(
                server.port(),
                "POST",
                "/api/v1/lookup",
                "{\"id\":\"a\",\"address\":\"128号\"}\n{\"id\":\"b\",\"address\":\"3号楼\"}\n",
                "Content-Type",
                "application/x-ndjson",
                "Authorization",
                reader);
        assertEquals(2, nd.body().split("\n").length, nd.body());
        assertTrue(nd.body().contains("\"id\":\"a\"") && nd.body().contains("\"id\":\"b\""), nd.body());
    }

    /** Row 7, and a lone surrogate: a report dated ahead of the clock, or with half a character, is refused by field. */
    @Test
    void reportsFromTheFutureAndHalfCharactersAreRefused() throws Exception {
        assertField(
                RawHttp.send(
                        server.port(),
                        "POST",
                        "/api/v1/reports",
                        report.formatted("future", ",\"time\":\"2199-01-01T00:00:00Z\""),
                        "Content-Type",
                        "application/json",
                        "X-Report-Key",
                        REPORT_KEY),
                400,
                "time");
        assertField(
                RawHttp.send(
                        server.port(),
                        "POST",
                        "/api/v1/reports",
                        report.formatted("half", ",\"text\":\"垃圾\\ud800堆放\""),
                        "Content-Type",
                        "application/json",
                        "X-Report-Key",
                        REPORT_KEY),
                400,
                "text");
        assertNothingStored();
    }

    /** Row 12: what Jetty answers itself (a malformed request line) carries the security headers and echoes nothing. */
    @Test
    void theServersOwnErrorsCarryTheHeadersAndEchoNothing() throws Exception {
        for (String line :
                List.of("GET /a\u0001b HTTP/1.1", "GET http://evil.example/x HTTP/7.3", "G\"ET / HTTP/1.1")) {
            RawHttp.Answer a;
            try (Socket s = new Socket("127.0.0.1", server.port())) {
                s.setSoTimeout(20_000);
                s.getOutputStream()
                        .write((line + "\r\nHost: evil.example\r\nConnection: close\r\n\r\n")
                                .getBytes(StandardCharsets.ISO_8859_1));
                String all = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                a = new RawHttp.Answer(
                        Integer.parseInt(all.split(" ", 3)[1]),
                        all.substring(0, all.indexOf("\r\n\r\n")),
                        all.substring(all.indexOf("\r\n\r\n") + 4));
            }
            assertTrue(a.status() >= 400 && a.status() < 600, line + ": " + a.head());
            assertNotNull(a.header("Content-Security-Policy"), line + ": " + a.head());
            assertEquals("nosniff", a.header("X-Content-Type-Options"), line);
            assertFalse((a.head() + a.body()).contains("evil"), line + ": " + a.head() + a.body());
        }
    }

    /** Row 11: an id a spreadsheet would run as a formula goes back out as text. */
    @Test
    void formulaCellsGoBackOutAsText() throws Exception {
        RawHttp.Answer csv = RawHttp.send(
                server.port(),
                "POST",
                "/api/v1/lookup",
                "id,lon,lat\n\"=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",1,1\n@SUM(A1),1,1\n",
                "Content-Type",
                "text/csv",
                "Authorization",
                "Bearer " + ChangesResourceTest.READER);
        String[] rows = csv.body().split("\n");
        assertEquals(3, rows.length, csv.body());
        for (int i = 1; i < 3; i++) {
            String id = org.gridatlas.engine.io.CsvLayers.fields(rows[i]).get(0);
            assertTrue(id.startsWith("'"), "neutralised: " + rows[i]);
        }
    }

    /** Row 13: wrong report keys and tokens from one address are throttled (429) past a few a minute. */
    @Test
    void wrongKeysAndTokensAreThrottled() throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < Access.FailedCredentials.PER_MINUTE + 5; i++)
            statuses.add(RawHttp.send(
                            server.port(),
                            "POST",
                            "/api/v1/reports",
                            report.formatted("guess-" + i, ""),
                            "Content-Type",
                            "application/json",
                            "X-Report-Key",
                            "guess-" + i)
                    .status());
        assertTrue(
                statuses.subList(0, Access.FailedCredentials.PER_MINUTE / 2).stream()
                        .allMatch(s -> s == 401),
                statuses.toString());
        assertEquals(429, statuses.get(statuses.size() - 1), statuses.toString());
        RawHttp.Answer token =
                RawHttp.send(server.port(), "GET", "/api/v1/grids", null, "Authorization", "Bearer guess");
        assertEquals(429, token.status(), token.body());
        assertNotNull(token.header("Retry-After"));
        assertNothingStored();
    }

    /** The OpenAPI document describes every route of the API (the tiles and map.png too); /ogc describes itself. */
    @Test
    void theOpenApiDocumentNamesEveryRoute() throws Exception {
        JsonNode paths = JSON.readTree(RawHttp.send(server.port(), "GET", "/api/v1/openapi.json", null)
                        .body())
                .get("paths");
        List<String> missing = new ArrayList<>();
        for (String route : WHO_MAY.keySet()) {
            String path = route.split(" ")[1];
            if (!path.startsWith("/ogc") && !path.equals("/api/v1/openapi.json") && !paths.has(path))
                missing.add(route);
        }
        assertTrue(missing.isEmpty(), "not in openapi.json: " + missing);
    }

    /** Row 8: a unit with more vertices than a crosswalk can take in time is refused before anything is stored. */
    @Test
    void aUnitWithTooManyVerticesIsRefused() throws Exception {
        RawHttp.Answer a = putRoundUnit(org.gridatlas.engine.io.DepartmentLayerReader.MAX_UNIT_VERTICES + 1);
        assertEquals(400, a.status(), a.body());
        assertTrue(a.body().contains("vertices"), a.body());
        assertNothingStored();
    }

    /**
     * Row 8: a big units layer is crosswalked once; the reloads every instance makes (a staff import,
     * another instance's change, the store back) compute it no more while the layer and grids stay.
     */
    @Test
    void reloadsComputeNoCrosswalkAgain() throws Exception {
        RawHttp.Answer put = putRoundUnit(20_000);
        assertEquals(200, put.status(), put.body());
        String crosswalk = crosswalk();
        long computed = metric("gridatlas_department_computations_total");
        assertEquals(1, computed, "the import crosswalked the layer once");
        for (int i = 0; i < 3; i++) server.reload();
        assertEquals(crosswalk, crosswalk(), "the same crosswalk after the reloads");
        assertEquals(computed, metric("gridatlas_department_computations_total"), "and none computed again");
    }

    /**
     * Row 9: the store stopped, a stored token keeps reading: the token list is reread aside (that
     * read waits on the stopped store, and no request with it), and the last list stays when it fails.
     */
    @Test
    void storedTokensKeepReadingWhileTheStoreIsDown() throws Exception {
        StoreOutage outage = new StoreOutage(store);
        java.util.concurrent.atomic.AtomicReference<Instant> now =
                new java.util.concurrent.atomic.AtomicReference<>(Instant.now());
        ApiServer other = new ApiServer(outage.store(), locked, now::get).start("127.0.0.1", 0);
        try {
            String lookup = "/api/v1/lookup?lon=" + point.x + "&lat=" + point.y,
                    reader = "Bearer " + ChangesResourceTest.READER;
            assertEquals(
                    200,
                    RawHttp.send(other.port(), "GET", lookup, null, "Authorization", reader)
                            .status());
            outage.stop();
            now.set(now.get().plus(TokenList.REREAD.multipliedBy(2)));
            assertEquals(
                    200,
                    RawHttp.send(other.port(), "GET", lookup, null, "Authorization", reader)
                            .status());
            outage.awaitCall(); // the reread asked the stopped store, and waits
            assertEquals(
                    200,
                    RawHttp.send(other.port(), "GET", tileOf(point, 14), null, "Authorization", reader)
                            .status());
            outage.timeOut();
            now.set(now.get().plus(TokenList.REREAD.multipliedBy(2)));
            for (int i = 0; i < 3; i++)
                assertEquals(
                        200,
                        RawHttp.send(other.port(), "GET", lookup, null, "Authorization", reader)
                                .status());
            assertEquals(
                    401,
                    RawHttp.send(other.port(), "GET", lookup, null, "Authorization", "Bearer unknown")
                            .status());
        } finally {
            other.close();
        }
    }

    /**
     * Row 6: a start-up reads the reports its windows hold, newest first, and stops: a report older
     * than any window is never read (here one no one could read, which would fail the start-up).
     */
    @Test
    void startUpReadsOnlyWhatTheWindowsHold() throws Exception {
        Instant now = Instant.now();
        store.addReport(stored("old", now.minus(Duration.ofDays(30))));
        spoilReport("old");
        for (int i = 0; i < 5; i++) store.addReport(stored("new-" + i, now.minusSeconds(60L * i)));
        assertEquals(
                List.of("new-0", "new-1", "new-2"),
                store.reports(null, null, 3).stream()
                        .map(org.gridatlas.store.Report::id)
                        .toList());
        try (ApiServer again = new ApiServer(store, locked).start("127.0.0.1", 0)) {
            RawHttp.Answer listed = RawHttp.send(
                    again.port(),
                    "GET",
                    "/api/v1/reports?limit=5",
                    null,
                    "Authorization",
                    "Bearer " + ChangesResourceTest.READER);
            assertEquals(200, listed.status(), listed.body());
            assertTrue(listed.body().contains("new-4") && !listed.body().contains("\"old\""), listed.body());
        }
    }

    /** PUTs a units layer of one round unit of n vertices around the point, as a planner. */
    private RawHttp.Answer putRoundUnit(int n) throws IOException {
        StringBuilder ring = new StringBuilder();
        for (int i = 0; i < n; i++) {
            double a = 2 * Math.PI * i / n;
            ring.append('[')
                    .append(point.x + 0.01 * Math.cos(a))
                    .append(',')
                    .append(point.y + 0.01 * Math.sin(a))
                    .append("],");
        }
        ring.append(ring, 0, ring.indexOf("]") + 1); // closed on the first point, exactly
        String layer =
                "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"id\":\"u1\",\"name\":\"甲\",\"department\":\"公安\"},"
                        + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[" + ring + "]]}}]}";
        return RawHttp.send(
                server.port(),
                "PUT",
                "/api/v1/departments/layers/beats?kind=units",
                layer,
                "Content-Type",
                "application/geo+json",
                "Authorization",
                "Bearer " + ChangesResourceTest.PLANNER);
    }

    /** The vector tile (web mercator) that holds the point at zoom z. */
    private static String tileOf(Coordinate p, int z) {
        double n = 1 << z, lat = Math.toRadians(p.y);
        int x = (int) ((p.x + 180) / 360 * n),
                y = (int) ((1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2 * n);
        return "/tiles/grids/" + z + "/" + x + "/" + y + ".mvt";
    }

    private org.gridatlas.store.Report stored(String id, Instant time) {
        return new org.gridatlas.store.Report(id, time, "litter", point.x, point.y, null, "垃圾", grid, time);
    }

    private String crosswalk() throws IOException {
        RawHttp.Answer a = RawHttp.send(
                server.port(),
                "GET",
                "/api/v1/departments/layers/beats/crosswalk",
                null,
                "Authorization",
                "Bearer " + ChangesResourceTest.READER);
        assertEquals(200, a.status(), a.body());
        return a.body();
    }

    private long metric(String name) throws IOException {
        return metric(server, name);
    }

    static long metric(ApiServer s, String name) throws IOException {
        for (String line :
                RawHttp.send(s.port(), "GET", "/metrics", null).body().split("\n"))
            if (line.startsWith(name + " ")) return (long) Double.parseDouble(line.substring(name.length() + 1));
        throw new AssertionError("no metric " + name);
    }

    /** Sends a request's headers and the first bytes of its body, and leaves it there. */
    private Socket openUpload(String path, String type, long length, String first) throws IOException {
        Socket s = new Socket("127.0.0.1", server.port());
        String auth = path.endsWith("/lookup")
                ? "Authorization: Bearer " + ChangesResourceTest.READER
                : "X-Report-Key: " + REPORT_KEY;
        s.getOutputStream()
                .write(("POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Type: " + type + "\r\n" + auth
                                + "\r\nContent-Length: " + length + "\r\n\r\n" + first)
                        .getBytes(StandardCharsets.UTF_8));
        s.getOutputStream().flush();
        return s;
    }

    /** Asks /metrics until the gauge shows the value (the handshake that the requests are in). */
    private void awaitGauge(String name, long value) throws IOException {
        for (int i = 0; i < 2000; i++) if (gauge(name, value)) return;
        throw new AssertionError(name + " never reached " + value);
    }

    private boolean gauge(String name, long value) throws IOException {
        return RawHttp.send(server.port(), "GET", "/metrics", null).body().contains("\n" + name + " " + value + "\n");
    }

    private void assertNothingStored() {
        assertTrue(store.staff().isEmpty(), "no staff stored");
        assertTrue(store.zones().isEmpty(), "no zones stored");
        assertTrue(store.reports(null, null, 10).isEmpty(), "no report stored");
        assertTrue(store.versions(ChangesResourceTest.COMMUNITY).size() <= 1, "no version committed");
        assertTrue(store.departmentLayers().isEmpty(), "no department layer stored");
    }

    private static void assertField(RawHttp.Answer a, int status, String field) throws Exception {
        assertEquals(status, a.status(), a.body());
        assertEquals(field, JSON.readTree(a.body()).at("/error/field").asText(), a.body());
        assertFalse(
                a.body().contains("ERROR:") || a.body().toLowerCase().contains("sql"),
                "no database text in an answer: " + a.body());
    }

    private static boolean allowed(String need, String caller) {
        return switch (need) {
            case "anyone" -> true;
            case "reader" -> !caller.equals("none");
            case "reporter" -> caller.equals("reporter") || caller.equals("admin");
            case "planner" -> caller.equals("planner") || caller.equals("admin");
            case "handler" -> caller.equals("reporter") || caller.equals("planner") || caller.equals("admin");
            default -> caller.equals("admin");
        };
    }

    private String concrete(String route) {
        return route.replace("/communities/{code}", "/communities/" + ChangesResourceTest.COMMUNITY)
                .replace("{code}", grid)
                .replace("{id}", "no-such-change")
                .replace("{version}", "999")
                .replace("{name}", "beats")
                .replace("{layer}/{z}/{x}/{yformat}", "grids/0/0/0.mvt")
                .replace("{layer}", "grids.json")
                .replace("{collectionId}", "grids")
                .replace("{featureId}", grid)
                .replace("{tileMatrixSetId}", "WebMercatorQuad")
                .replace("{tileMatrix}/{tileRow}/{tileCol}", "0/0/0");
    }

    /** Harmless bodies: each is refused as bad input once access is granted, so the sweep stores nothing. */
    private static String bodyFor(String path) {
        if (path.endsWith("/staff") || path.endsWith("/zones")) return "not,the,header\n";
        if (path.endsWith("/lookup")) return "id,lon,lat\n";
        return "{\"op\":\"nothing\"}";
    }

    private static String[] withType(String path, String[] auth) {
        List<String> h = new ArrayList<>(List.of(auth));
        h.add("Content-Type");
        h.add(
                path.endsWith("/staff") || path.endsWith("/zones") || path.endsWith("/lookup")
                        ? "text/csv"
                        : "application/json");
        return h.toArray(String[]::new);
    }
}
