package org.gridatlas.api.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.zip.ZipInputStream;
import org.gridatlas.engine.Delineator;
import org.gridatlas.engine.io.ResultReader;
import org.gridatlas.engine.model.Assignment;
import org.gridatlas.engine.model.Building;
import org.gridatlas.engine.model.Community;
import org.gridatlas.engine.model.Dataset;
import org.gridatlas.engine.model.Delineation;
import org.gridatlas.engine.model.Grid;
import org.gridatlas.engine.model.GridLevel;
import org.gridatlas.engine.partition.Bounds;
import org.gridatlas.engine.partition.MicroGridPlanner;
import org.gridatlas.engine.partition.RuralRule;
import org.gridatlas.fixtures.Divisions;
import org.gridatlas.fixtures.Fixtures;
import org.gridatlas.store.GeoPackageGridStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;

/** Starts the real service on the small generated district on a random port and calls every endpoint. */
class ApiServerTest {
    private static final ObjectMapper JSON = TestHttp.JSON;
    private static final String PLANNER = "city-planner";

    @TempDir
    static Path dir;

    private static Dataset data;
    private static Delineation result;
    private static GeoPackageGridStore store;
    private static ApiServer server;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        data = Fixtures.smallCity();
        result = new Delineator(Bounds.DEFAULT, RuralRule.DEFAULT, MicroGridPlanner.DEFAULT).delineate(data);
        store = GeoPackageGridStore.open(dir.resolve("store.gpkg"));
        store.replace(data, result, "small city");
        store.putToken(new org.gridatlas.store.AccessToken(
                "planner", "planner", org.gridatlas.store.AccessToken.digest(PLANNER), java.time.Instant.now()));
        server = new ApiServer(store).start(0);
        base = "http://localhost:" + server.port();
    }

    @AfterAll
    static void stop() {
        server.close();
        store.close();
    }

    /** Grids of the grid level (micro grids aside), as /ready and the metrics count them. */
    static long gridLevelCount() {
        return result.grids().stream().filter(g -> g.level() == GridLevel.GRID).count();
    }

    /** The households of a street's grids. */
    static long streetHouseholds(String streetCode) {
        return result.grids().stream()
                .filter(g -> g.level() == GridLevel.GRID && g.streetCode().equals(streetCode))
                .mapToLong(Grid::households)
                .sum();
    }

    static HttpResponse<String> get(String path) throws Exception {
        return TestHttp.get(server, path);
    }

    /** Posts as a planner (staff and zone imports need one; other posts ignore the token). */
    static HttpResponse<String> post(String path, String type, String body) throws Exception {
        return TestHttp.post(server, path, type, body, "Authorization", "Bearer " + PLANNER);
    }

    static JsonNode json(HttpResponse<String> r) throws Exception {
        return TestHttp.json(r);
    }

    static void assertError(HttpResponse<String> r, int status, String field) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        JsonNode e = json(r).get("error");
        assertEquals(status, e.get("status").asInt());
        if (field != null) assertEquals(field, e.get("field").asText(), r.body());
        assertFalse(e.get("message").asText().isBlank());
    }

    static Coordinate inside(Building b) {
        return b.geometry().getInteriorPoint().getCoordinate();
    }

    @Test
    void healthReadyAndOpenApi() throws Exception {
        assertEquals("ok", json(get("/health")).get("status").asText());
        assertEquals(gridLevelCount(), json(get("/ready")).get("grids").asLong());
        JsonNode api = json(get("/api/v1/openapi.json"));
        assertEquals("3.0.3", api.get("openapi").asText());
        for (String p : new String[] {
            "/api/v1/grids", "/api/v1/grids/{code}", "/api/v1/lookup", "/api/v1/reports", "/api/v1/reports/stream"
        }) {
            assertTrue(api.get("paths").has(p), p);
        }
    }

    @Test
    void gridsArePagedWithNextLinksAndFiltered() throws Exception {
        JsonNode page = json(get("/api/v1/grids?limit=20"));
        assertEquals(result.grids().size(), page.get("numberMatched").asInt());
        assertEquals(20, page.get("numberReturned").asInt());
        String next = null;
        for (JsonNode l : page.get("links"))
            if (l.get("rel").asText().equals("next")) next = l.get("href").asText();
        assertNotNull(next);
        assertTrue(
                next.startsWith("/api/v1/grids?"),
                "links are relative unless a public URL is configured (never from the Host header): " + next);
        JsonNode second = json(get(next));
        assertFalse(second.get("features")
                .get(0)
                .get("id")
                .asText()
                .equals(page.get("features").get(0).get("id").asText()));
        String community = result.grids().get(0).communityCode();
        JsonNode one = json(get("/api/v1/grids?community=" + community + "&limit=1000"));
        assertEquals(
                result.grids().stream()
                        .filter(g -> g.communityCode().equals(community))
                        .count(),
                one.get("numberReturned").asLong());
        var env = result.grids().get(0).geometry().getEnvelopeInternal();
        JsonNode boxed = json(get("/api/v1/grids?bbox=" + env.getMinX() + "," + env.getMinY() + "," + env.getMaxX()
                + "," + env.getMaxY()));
        assertTrue(boxed.get("numberMatched").asInt() > 0
                && boxed.get("numberMatched").asInt() < result.grids().size());
        assertError(get("/api/v1/grids?level=block"), 400, "level");
        assertError(get("/api/v1/grids?limit=0"), 400, "limit");
        assertError(get("/api/v1/grids?bbox=1,2,3"), 400, "bbox");
        assertError(get("/api/v1/grids?community=999999999999"), 404, "community");
    }

    @Test
    void oneGridWithItsBuildingsAndHierarchy() throws Exception {
        var g = result.grids().stream()
                .filter(x -> x.buildings() > 3)
                .findFirst()
                .orElseThrow();
        JsonNode f = json(get("/api/v1/grids/" + g.code()));
        JsonNode p = f.get("properties");
        assertEquals(g.households(), p.get("households").asInt());
        int sum = 0;
        for (JsonNode b : p.get("building_list")) sum += b.get("households").asInt();
        assertEquals(g.households(), sum);
        assertEquals(
                g.communityCode(),
                p.get("hierarchy").get("community").get("code").asText());
        assertEquals("Polygon", f.get("geometry").get("type").asText());
        assertError(get("/api/v1/grids/123"), 404, null);
    }

    @Test
    void communitiesStreetsHierarchyAndExports() throws Exception {
        assertEquals(
                data.communities().size(),
                json(get("/api/v1/communities")).get("features").size());
        JsonNode streets = json(get("/api/v1/streets")).get("streets");
        assertEquals(
                data.communities().stream()
                        .map(Community::streetCode)
                        .distinct()
                        .count(),
                streets.size());
        long households = 0;
        for (JsonNode st : streets) {
            assertEquals(
                    streetHouseholds(st.get("code").asText()),
                    st.get("households").asLong(),
                    st.toString());
            households += st.get("households").asLong();
        }
        JsonNode tree = json(get("/api/v1/hierarchy")).get("districts").get(0);
        assertEquals(households, tree.get("households").asLong());
        JsonNode firstStreet = tree.get("streets").get(0);
        assertEquals(
                data.communities().stream()
                        .filter(c ->
                                c.streetCode().equals(firstStreet.get("code").asText()))
                        .count(),
                firstStreet.get("communities").size());
        JsonNode firstGrid = null;
        for (JsonNode g : firstStreet.get("communities").get(0).get("grids"))
            if (firstGrid == null && g.has("micro_grids")) firstGrid = g;
        assertNotNull(firstGrid, "a community's grid has micro grids: " + firstStreet);
        int microHouseholds = 0;
        for (JsonNode m : firstGrid.get("micro_grids"))
            microHouseholds += m.get("households").asInt();
        assertEquals(firstGrid.get("households").asInt(), microHouseholds, "micro grids add up to their grid");
        assertTrue(json(get("/api/v1/grids?level=micro&limit=1"))
                        .get("numberMatched")
                        .asInt()
                > gridLevelCount());
        assertEquals(
                result.grids().size(),
                json(get("/api/v1/export/grids.geojson")).get("features").size());
        HttpResponse<byte[]> gpkg = TestHttp.client()
                .send(
                        HttpRequest.newBuilder(URI.create(base + "/api/v1/export/grids.gpkg"))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, gpkg.statusCode());
        assertTrue(new String(gpkg.body(), 0, 15, StandardCharsets.US_ASCII).startsWith("SQLite format 3"));
    }

    @Test
    void exportsShapefilesAndGeoPackagesInTheSystemAsked(@TempDir Path dir) throws Exception {
        Map<String, Grid> want = new HashMap<>();
        for (Grid g : result.grids()) if (g.level() == GridLevel.GRID) want.put(g.code(), g);
        for (String path : List.of(
                "/api/v1/export/grids-shp.zip?crs=EPSG:32632",
                "/api/v1/export/grids.gpkg?crs=EPSG:32632",
                "/api/v1/export/grids-shp.zip")) {
            HttpResponse<byte[]> r = TestHttp.client()
                    .send(
                            HttpRequest.newBuilder(URI.create(base + path)).build(),
                            HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, r.statusCode(), path);
            Path got = dir.resolve("export-" + Math.abs(path.hashCode()) + (path.contains(".gpkg") ? ".gpkg" : ""));
            if (path.contains(".gpkg")) {
                Files.write(got, r.body());
            } else {
                Files.createDirectories(got);
                try (var zip = new ZipInputStream(new ByteArrayInputStream(r.body()))) {
                    for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry())
                        Files.copy(zip, got.resolve(e.getName()));
                }
                assertTrue(
                        Files.readString(got.resolve("grids.prj"))
                                .contains(path.contains("EPSG") ? "WGS_1984_UTM_Zone_32N" : "GCS_WGS_1984"),
                        path);
            }
            var read = ResultReader.read(got);
            List<Grid> grids = read.grids().stream()
                    .filter(g -> g.level() == GridLevel.GRID)
                    .toList();
            assertEquals(want.keySet(), grids.stream().map(Grid::code).collect(Collectors.toSet()), path);
            for (Grid g : grids) {
                Grid w = want.get(g.code());
                assertEquals(w.households(), g.households(), path + " " + g.code());
                assertEquals(
                        w.geometry().getCentroid().getX(),
                        g.geometry().getCentroid().getX(),
                        1e-7,
                        path + " " + g.code());
                assertEquals(
                        w.geometry().getCentroid().getY(),
                        g.geometry().getCentroid().getY(),
                        1e-7,
                        path + " " + g.code());
            }
        }
        assertEquals(
                400,
                get("/api/v1/export/grids-shp.zip?crs=EPSG:3857").statusCode(),
                "a .prj only for DATA.md's systems");
        HttpResponse<String> badCrs = get("/api/v1/export/grids.gpkg?crs=4549");
        assertError(badCrs, 400, "crs");
        assertFalse(
                badCrs.body().contains("--"),
                "the API names its parameter, not a command-line option: " + badCrs.body());
    }

    @Test
    void lookupAnswersTheGridOfEveryKindOfQuery() throws Exception {
        Map<String, String> gridOf = new HashMap<>();
        for (Assignment a : result.assignments()) gridOf.put(a.buildingKey(), a.gridCode());
        int checked = 0;
        for (Building b : data.buildings()) {
            if (checked > 40) break;
            if (!gridOf.containsKey(b.id())) continue; // a building of no households belongs to no grid
            checked++;
            Coordinate c = inside(b);
            JsonNode a = json(get("/api/v1/lookup?lon=" + c.x + "&lat=" + c.y));
            if (a.get("on_boundary").asBoolean()) continue;
            assertEquals(gridOf.get(b.id()), a.get("grid").get("code").asText(), "building " + b.id());
            assertEquals(
                    streetNameOf(gridOf.get(b.id())),
                    a.get("hierarchy").get("street").get("name").asText());
            JsonNode micro = a.get("hierarchy").get("micro");
            if (a.get("grid").get("kind").asText().equals("dedicated")) continue; // a campus has no micro grids
            assertTrue(
                    micro != null
                            && micro.get("code").asText().startsWith(gridOf.get(b.id()))
                            && micro.get("code").asText().length() == 18,
                    "the chain reaches the micro grid: " + a.get("hierarchy"));
        }
        Building b = data.buildings().get(0);
        assertEquals(
                gridOf.get(b.id()),
                json(get("/api/v1/lookup?building=" + b.id()))
                        .get("matches")
                        .get(0)
                        .get("grid")
                        .get("code")
                        .asText());
        Building addressed = data.buildings().stream()
                .filter(x -> x.address() != null)
                .findFirst()
                .orElseThrow();
        // an address names the building, or at least the compound: its grid, or its grid among the candidates
        JsonNode byAddress = json(get("/api/v1/lookup?address="
                + URLEncoder.encode(addressed.address().full(), StandardCharsets.UTF_8)));
        assertTrue(
                byAddress.get("grid_code").asText().equals(gridOf.get(addressed.id()))
                        || byAddress.get("candidates").toString().contains(gridOf.get(addressed.id())),
                byAddress.toString());
        org.locationtech.jts.geom.Envelope extent = new org.locationtech.jts.geom.Envelope();
        data.communities().forEach(c -> extent.expandToInclude(c.geometry().getEnvelopeInternal()));
        // beyond the district's edge, within the service area's margin: outside every community, with the nearest
        JsonNode sea = json(get("/api/v1/lookup?lon=" + (extent.getMaxX() + 0.01) + "&lat=" + extent.centre().y));
        assertTrue(sea.get("outside_coverage").asBoolean());
        assertTrue(sea.get("nearest").get("distance_m").asDouble() > 0);
    }

    @Test
    void lookupRefusesBadInputNamingTheField() throws Exception {
        assertError(get("/api/v1/lookup?lon=43.7384&lat=7.4246"), 422, "lon");
        assertError(get("/api/v1/lookup?lon=NaN&lat=43.73"), 400, "lon");
        assertError(get("/api/v1/lookup?lon=7.42"), 400, "lat");
        assertError(get("/api/v1/lookup?lon=7.42&lat=43.73&crs=epsg3857"), 400, "crs");
        assertError(get("/api/v1/lookup?building=nope"), 404, "building");
        assertError(get("/api/v1/lookup?lon=7.42&lat=43.73&near=-1"), 400, "near");
    }

    @Test
    void batchLookupStreamsCsvNdjsonAndGeoJson() throws Exception {
        Coordinate c = inside(data.buildings().get(5));
        HttpResponse<String> csv =
                post("/api/v1/lookup", "text/csv", "id,lon,lat\na," + c.x + "," + c.y + "\nb,x,1\nc,43.73,7.42\n");
        String[] lines = csv.body().split("\n");
        assertEquals(4, lines.length, csv.body());
        assertTrue(lines[1].startsWith("a," + Divisions.DISTRICT_CODE), lines[1]);
        assertTrue(lines[2].startsWith("b,") && lines[2].contains("lon must be a number"), lines[2]);
        assertTrue(lines[3].contains("outside the service area"), lines[3]);
        HttpResponse<String> nd = post(
                "/api/v1/lookup",
                "application/x-ndjson",
                "{\"id\":1,\"lon\":" + c.x + ",\"lat\":" + c.y + "}\nnot json\n");
        String[] nl = nd.body().split("\n");
        assertEquals(2, nl.length);
        assertTrue(JSON.readTree(nl[0]).get("grid_code").asText().startsWith(Divisions.DISTRICT_CODE));
        assertEquals(400, JSON.readTree(nl[1]).get("error").get("status").asInt());
        HttpResponse<String> gj = post(
                "/api/v1/lookup",
                "application/geo+json",
                "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":\"p1\","
                        + "\"properties\":{},\"geometry\":{\"type\":\"Point\",\"coordinates\":[" + c.x + "," + c.y
                        + "]}}]}");
        assertEquals("p1", JSON.readTree(gj.body().split("\n")[0]).get("id").asText());
        assertError(post("/api/v1/lookup", "text/plain", "x"), 415, "Content-Type");
        assertError(post("/api/v1/lookup", "text/csv", "lon,lat\n1,2"), 400, "body");
    }

    @Test
    void reportsAreStoredCountedAndStreamedLive() throws Exception {
        HttpRequest sse = HttpRequest.newBuilder(URI.create(base + "/api/v1/reports/stream"))
                .header("Accept", "text/event-stream")
                .build();
        HttpResponse<java.io.InputStream> stream =
                TestHttp.client().send(sse, HttpResponse.BodyHandlers.ofInputStream());
        BufferedReader events = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));
        // the handshake: the stream says it is connected before anything is posted
        for (String line = events.readLine(); !line.startsWith(": connected"); line = events.readLine())
            assertNotNull(line);
        CompletableFuture<String> received = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line = events.readLine(); line != null; line = events.readLine()) {
                    if (line.startsWith("data:") && line.contains("\"id\":\"r-live\"")) return line;
                }
                return null;
            } catch (Exception e) {
                return null;
            }
        });
        Coordinate c = inside(data.buildings().get(10));
        String body = "{\"id\":\"r-live\",\"time\":\"2026-11-23T08:00:00Z\",\"category\":\"litter\",\"lon\":" + c.x
                + ",\"lat\":" + c.y + ",\"text\":\"垃圾\"}";
        HttpResponse<String> created = post("/api/v1/reports", "application/json", body);
        assertEquals(201, created.statusCode(), created.body());
        String grid = json(created).get("grid_code").asText();
        assertTrue(grid.startsWith(Divisions.DISTRICT_CODE), grid);
        String event = received.get(10, TimeUnit.SECONDS);
        assertNotNull(event, "the report arrived on the SSE stream");
        assertTrue(event.contains(grid));

        assertError(post("/api/v1/reports", "application/json", body), 409, "id");
        assertError(post("/api/v1/reports", "application/json", "{\"id\":"), 400, "body");
        assertError(
                post(
                        "/api/v1/reports",
                        "application/json",
                        "{\"id\":\"r2\",\"category\":\"x\",\"lon\":43.73,\"lat\":7.42}"),
                422,
                "lon");
        assertError(
                post("/api/v1/reports", "application/json", "{\"id\":\"r3\",\"lon\":7.42,\"lat\":43.73}"),
                400,
                "category");
        assertError(
                post(
                        "/api/v1/reports",
                        "application/json",
                        "{\"id\":\"r4\",\"category\":\"x\",\"lon\":7.42,\"lat\":43.73,\"text\":\"" + "x".repeat(70_000)
                                + "\"}"),
                413,
                "body");
        JsonNode list = json(get("/api/v1/reports?grid=" + grid));
        assertEquals(1, list.get("reports").size(), "refused reports were not stored");
        JsonNode counts = json(get("/api/v1/reports/counts?since=2026-11-23T00:00:00Z&until=2026-11-24T00:00:00Z"));
        assertEquals(1, counts.get("counts").get(grid).asInt());
        assertEquals(grid, counts.get("top").get(0).get("code").asText());
        assertError(get("/api/v1/reports?since=yesterday"), 400, "since");
        assertError(get("/nowhere"), 404, null);
        stream.body().close();
    }

    @Test
    void staffImportStaffingViewAndRollUps() throws Exception {
        var grid = result.grids().stream()
                .filter(g -> g.level() == org.gridatlas.engine.model.GridLevel.GRID
                        && g.kind() == org.gridatlas.engine.model.GridKind.COMMUNITY)
                .findFirst()
                .orElseThrow();
        assertError(
                post("/api/v1/staff", "text/csv", "grid_code,role,name,phone\n" + grid.code() + ",boss,张三,1\n"),
                400,
                "role");
        assertError(
                post("/api/v1/staff", "text/csv", "grid_code,role,name,phone\n999,worker,张三,1\n"), 400, "grid_code");
        HttpResponse<String> ok = post(
                "/api/v1/staff",
                "text/csv",
                "grid_code,role,name,phone\n" + grid.code() + ",chief,王建国,13800000001\n" + grid.code()
                        + ",worker,李芳,13800000002\n");
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals(2, json(ok).get("imported").asInt());
        JsonNode view = json(get("/api/v1/staffing?community=" + grid.communityCode()));
        JsonNode row = null;
        for (JsonNode r : view.get("grids")) if (r.get("code").asText().equals(grid.code())) row = r;
        assertNotNull(row);
        assertEquals("王建国", row.get("chief").get("name").asText());
        assertEquals(1, row.get("workers_assigned").asInt());
        int residents = (int) Math.round(grid.households() * 2.62);
        assertEquals(residents, row.get("residents").asInt());
        assertEquals(
                Math.max(1, (int) Math.ceil(residents / 1000.0)),
                row.get("workers_needed").asInt());
        assertEquals(
                "李芳",
                json(get("/api/v1/grids/" + grid.code()))
                        .get("properties")
                        .get("staffing")
                        .get("workers")
                        .get(0)
                        .get("name")
                        .asText());
        JsonNode district = json(get("/api/v1/hierarchy")).get("districts").get(0);
        int needed = 0;
        for (JsonNode r : json(get("/api/v1/staffing")).get("grids"))
            needed += r.get("workers_needed").asInt();
        assertEquals(needed, district.get("workers_needed").asInt(), "workers needed roll up to the district");
        assertEquals(
                result.grids().stream()
                        .filter(g -> g.level() == org.gridatlas.engine.model.GridLevel.GRID)
                        .mapToInt(org.gridatlas.engine.model.Grid::buildings)
                        .sum(),
                district.get("buildings").asInt(),
                "buildings roll up to the district");
    }

    @Test
    void zonesGroupCommunitiesBetweenStreetAndCommunity() throws Exception {
        String firstStreet =
                json(get("/api/v1/hierarchy")).at("/districts/0/streets/0/code").asText();
        List<Community> inFirstStreet = data.communities().stream()
                .filter(c -> c.streetCode().equals(firstStreet))
                .toList();
        assertTrue(inFirstStreet.size() >= 3, "two communities to zone, one to stay: " + inFirstStreet.size());
        List<String> zoned =
                List.of(inFirstStreet.get(0).code(), inFirstStreet.get(1).code());
        assertError(
                post("/api/v1/zones", "text/csv", "community_code,zone_code,zone_name\n123,A,东片区\n"),
                400,
                "community_code");
        try {
            HttpResponse<String> ok = post(
                    "/api/v1/zones",
                    "text/csv",
                    "community_code,zone_code,zone_name\n" + zoned.get(0) + ",A,东片区\n" + zoned.get(1) + ",A,东片区\n");
            assertEquals(2, json(ok).get("imported").asInt(), ok.body());
            JsonNode h = json(get("/api/v1/hierarchy"));
            assertEquals("street", h.get("levels").get("大网格").asText());
            JsonNode street = h.get("districts").get(0).get("streets").get(0);
            assertEquals(
                    inFirstStreet.size() - 2,
                    street.get("communities").size(),
                    "the others stay directly under the street");
            JsonNode zone = street.get("zones").get(0);
            assertEquals("东片区", zone.get("name").asText());
            assertEquals(2, zone.get("communities").size());
            assertEquals(
                    streetHouseholds(inFirstStreet.get(0).streetCode()),
                    street.get("households").asLong(),
                    "zones roll up into the street");
            Building b = data.buildings().stream()
                    .filter(x -> communityOf(x).equals(zoned.get(0)))
                    .findFirst()
                    .orElseThrow();
            JsonNode chain = json(get("/api/v1/lookup?building=" + b.id()))
                    .get("matches")
                    .get(0);
            assertEquals("A", chain.get("hierarchy").get("zone").get("code").asText());
            assertTrue(chain.get("building").has("units"), "the chain goes down to building and units");
        } finally {
            post("/api/v1/zones", "text/csv", "community_code,zone_code,zone_name\n");
        }
    }

    /** The name of the street a grid is in. */
    private static String streetNameOf(String gridCode) {
        String community = new org.gridatlas.engine.model.GridCode(gridCode).communityCode();
        return data.communities().stream()
                .filter(c -> c.code().equals(community))
                .findFirst()
                .orElseThrow()
                .streetName();
    }

    /** The community a building's grid is in. */
    private static String communityOf(Building b) {
        for (Assignment a : result.assignments())
            if (a.buildingKey().equals(b.id()))
                return new org.gridatlas.engine.model.GridCode(a.gridCode()).communityCode();
        return "";
    }

    @Test
    void prometheusMetricsCountRequestsPerRouteTilesAndTheIndex() throws Exception {
        Coordinate c = inside(data.buildings().get(0));
        get("/api/v1/lookup?lon=" + c.x + "&lat=" + c.y);
        get("/api/v1/grids?limit=1");
        String text = get("/metrics").body();
        assertTrue(
                text.contains(
                        "gridatlas_http_request_seconds_count{route=\"/api/v1/lookup\",method=\"GET\",status=\"200\"}"),
                text);
        assertTrue(
                text.contains(
                        "gridatlas_http_request_seconds_bucket{route=\"/api/v1/grids\",method=\"GET\",status=\"200\",le=\"+Inf\"}"),
                text);
        assertTrue(text.matches("(?s).*gridatlas_lookups_total [1-9].*"), text);
        assertTrue(text.contains("gridatlas_index_grids " + gridLevelCount()), text);
        assertTrue(
                text.matches("(?s).*gridatlas_index_rebuild_seconds [0-9.]+(E-?[0-9]+)?\n.*"),
                "the rebuild's time is reported (never asserted): " + text);
    }
}
