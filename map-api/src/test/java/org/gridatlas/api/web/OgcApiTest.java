package org.gridatlas.api.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gridatlas.engine.io.InputCrs;
import org.gridatlas.engine.model.Grid;
import org.gridatlas.engine.model.GridLevel;
import org.gridatlas.store.AccessToken;
import org.gridatlas.tiles.TileId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;

/** OGC API – Features and Tiles under /ogc, on a generated city, checked against the standards' requirements. */
class OgcApiTest {
    private static final String EPSG = "http://www.opengis.net/def/crs/EPSG/0/";

    @TempDir
    static Path dir;

    private static OgcCity city;

    @BeforeAll
    static void start() {
        city = new OgcCity(dir, ServerSettings.DEFAULT);
    }

    @AfterAll
    static void stop() {
        city.close();
    }

    private static HttpResponse<String> get(String path, String... headers) throws Exception {
        return TestHttp.get(city.server, path, headers);
    }

    private static JsonNode json(String path) throws Exception {
        HttpResponse<String> r = get(path);
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return TestHttp.JSON.readTree(r.body());
    }

    private static String href(JsonNode links, String rel, String type) {
        for (JsonNode l : links)
            if (l.path("rel").asText().equals(rel)
                    && (type == null || l.path("type").asText().equals(type)))
                return l.path("href").asText();
        return null;
    }

    @Test
    void landingPageLinksTheApiItsDocumentationConformanceAndData() throws Exception {
        JsonNode links = json("/ogc").path("links");
        assertEquals("/ogc/api", href(links, "service-desc", "application/vnd.oai.openapi+json;version=3.0"));
        assertEquals("/ogc/api?f=html", href(links, "service-doc", "text/html"));
        assertEquals("/ogc/conformance", href(links, "conformance", "application/json"));
        assertEquals("/ogc/collections", href(links, "data", "application/json"));
        List<String> classes = new ArrayList<>();
        json("/ogc/conformance").path("conformsTo").forEach(c -> classes.add(c.asText()));
        for (String c : List.of("core", "geojson", "html", "oas30"))
            assertTrue(classes.contains("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/" + c), c);
        assertTrue(classes.contains("http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs"));
    }

    @Test
    void collectionsHaveTheirExtentInCrs84AndTheDepartmentLayer() throws Exception {
        JsonNode body = json("/ogc/collections");
        Set<String> ids = new HashSet<>();
        body.path("collections").forEach(c -> ids.add(c.path("id").asText()));
        assertEquals(
                Set.of("grids", "micro_grids", "communities", "streets", "buildings", "reports", "department-police"),
                ids);
        JsonNode grids = json("/ogc/collections/grids");
        assertEquals(
                "http://www.opengis.net/def/crs/OGC/1.3/CRS84",
                grids.path("extent").path("spatial").path("crs").asText());
        JsonNode bbox = grids.path("extent").path("spatial").path("bbox").get(0);
        Envelope all = new Envelope();
        city.grids().forEach(g -> all.expandToInclude(g.geometry().getEnvelopeInternal()));
        assertEquals(all.getMinX(), bbox.get(0).asDouble(), 1e-12);
        assertEquals(all.getMaxY(), bbox.get(3).asDouble(), 1e-12);
        assertTrue(grids.path("crs").toString().contains(EPSG + "4549"));
        assertTrue(json("/ogc/collections/reports").path("extent").has("temporal"));
        assertEquals(404, get("/ogc/collections/nothing").statusCode());
    }

    @Test
    void everyGridComesPageByPageThroughNextLinks() throws Exception {
        List<String> codes = new ArrayList<>();
        String next = "/ogc/collections/grids/items?limit=7";
        int pages = 0;
        while (next != null) {
            JsonNode page = json(next);
            assertEquals(city.grids().size(), page.path("numberMatched").asInt());
            assertEquals(
                    page.path("features").size(), page.path("numberReturned").asInt());
            assertTrue(page.path("timeStamp").asText().endsWith("Z"));
            page.path("features").forEach(f -> codes.add(f.path("id").asText()));
            next = href(page.path("links"), "next", "application/geo+json");
            pages++;
        }
        assertEquals(city.grids().stream().map(Grid::code).toList(), codes);
        assertEquals((city.grids().size() + 6) / 7, pages);
    }

    @Test
    void bboxKeepsTheFeaturesItMeetsInAnyOfItsSystems() throws Exception {
        Grid g = city.grids().get(3);
        Point p = g.geometry().getInteriorPoint();
        double e = 1e-5;
        JsonNode lonLat = json("/ogc/collections/grids/items?bbox=" + (p.getX() - e) + "," + (p.getY() - e) + ","
                + (p.getX() + e) + "," + (p.getY() + e));
        assertEquals(List.of(g.code()), ids(lonLat));
        JsonNode latLon = json("/ogc/collections/grids/items?bbox-crs=" + enc(EPSG + "4490") + "&bbox=" + (p.getY() - e)
                + "," + (p.getX() - e) + "," + (p.getY() + e) + "," + (p.getX() + e));
        assertEquals(List.of(g.code()), ids(latLon));
        Coordinate gk = InputCrs.of("EPSG:4549", null)
                .fromLonLat(p)
                .getCoordinate(); // easting, northing; EPSG orders northing first
        JsonNode projected = json("/ogc/collections/grids/items?bbox-crs=" + enc(EPSG + "4549") + "&bbox=" + (gk.y - 1)
                + "," + (gk.x - 1) + "," + (gk.y + 1) + "," + (gk.x + 1));
        assertEquals(List.of(g.code()), ids(projected));
        JsonNode sixNumbers = json("/ogc/collections/grids/items?bbox=" + (p.getX() - e) + "," + (p.getY() - e) + ",0,"
                + (p.getX() + e) + "," + (p.getY() + e) + ",10");
        assertEquals(List.of(g.code()), ids(sixNumbers));
    }

    @Test
    void crsGivesCoordinatesInTheSystemsAxisOrder() throws Exception {
        Grid g = city.grids().get(0);
        Coordinate first = g.geometry().getCoordinates()[0];
        HttpResponse<String> r = get("/ogc/collections/grids/items/" + g.code() + "?crs=" + enc(EPSG + "4490"));
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("<" + EPSG + "4490>", r.headers().firstValue("Content-Crs").orElseThrow());
        Set<List<Double>> vertices = vertices(TestHttp.JSON.readTree(r.body()));
        assertTrue(vertices.contains(List.of(round(first.y), round(first.x))), "lat, lon");
        HttpResponse<String> gk = get("/ogc/collections/grids/items/" + g.code() + "?crs=" + enc(EPSG + "4549"));
        Coordinate en = InputCrs.of("EPSG:4549", null).fromLonLat(g.geometry()).getCoordinates()[0];
        Set<List<Double>> projected = vertices(TestHttp.JSON.readTree(gk.body()));
        assertTrue(
                projected.stream().anyMatch(v -> Math.abs(v.get(0) - en.y) < 1e-3 && Math.abs(v.get(1) - en.x) < 1e-3),
                "northing, easting");
        HttpResponse<String> crs84 = get("/ogc/collections/grids/items/" + g.code());
        assertEquals(
                "<http://www.opengis.net/def/crs/OGC/1.3/CRS84>",
                crs84.headers().firstValue("Content-Crs").orElseThrow());
        assertTrue(vertices(TestHttp.JSON.readTree(crs84.body())).contains(List.of(round(first.x), round(first.y))));
    }

    @Test
    void reportsAreChosenByDatetime() throws Exception {
        String day2 = city.reports.get(1).time().toString();
        assertEquals(List.of("r1"), ids(json("/ogc/collections/reports/items?datetime=" + day2)));
        assertEquals(List.of("r1", "r2"), ids(json("/ogc/collections/reports/items?datetime=" + day2 + "/..")));
        assertEquals(List.of("r0", "r1"), ids(json("/ogc/collections/reports/items?datetime=../" + day2)));
        assertEquals(
                List.of("r2"),
                ids(json("/ogc/collections/reports/items?datetime="
                        + city.reports.get(2).time().toString().substring(0, 10))));
        assertEquals(
                3, json("/ogc/collections/reports/items").path("numberMatched").asInt());
        assertEquals(
                400, get("/ogc/collections/reports/items?datetime=yesterday").statusCode());
        assertEquals(400, get("/ogc/collections/grids/items?datetime=" + day2).statusCode(), "grids have no time");
    }

    @Test
    void unknownParametersAndInvalidValuesAre400NamingTheParameter() throws Exception {
        for (String q : List.of(
                "nope=1",
                "limit=0",
                "limit=10001",
                "limit=ten",
                "bbox=1,2,3",
                "bbox=1,4,3,2",
                "crs=EPSG:4549",
                "bbox-crs=" + enc(EPSG + "4326"),
                "f=xml",
                "offset=-1")) {
            HttpResponse<String> r = get("/ogc/collections/grids/items?" + q);
            assertEquals(400, r.statusCode(), q);
            String field =
                    TestHttp.JSON.readTree(r.body()).path("error").path("field").asText();
            assertTrue(q.startsWith(field + "="), q + " → " + field);
        }
        assertEquals(400, get("/ogc/collections?limit=5").statusCode());
    }

    @Test
    void oneFeatureByIdAnd404ForAnotherCollectionsId() throws Exception {
        Grid micro = city.result.grids().stream()
                .filter(g -> g.level() == GridLevel.MICRO)
                .findFirst()
                .orElseThrow();
        JsonNode f = json("/ogc/collections/micro_grids/items/" + micro.code());
        assertEquals(micro.code(), f.path("id").asText());
        assertEquals("/ogc/collections/micro_grids", href(f.path("links"), "collection", null));
        assertEquals(404, get("/ogc/collections/grids/items/" + micro.code()).statusCode());
        assertEquals("r2", json("/ogc/collections/reports/items/r2").path("id").asText());
        assertEquals(
                city.result.grids().stream()
                        .filter(g -> g.level() == GridLevel.MICRO)
                        .count(),
                json("/ogc/collections/micro_grids/items?limit=1")
                        .path("numberMatched")
                        .asLong());
    }

    @Test
    void htmlShowsDataAsTextOnly() throws Exception {
        HttpResponse<String> r = get("/ogc/collections/department-police/items?f=html&limit=1");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        assertFalse(r.body().contains("<script>"), r.body());
        assertTrue(r.body().contains("&lt;script&gt;alert(1)&lt;/script&gt;警务"), r.body());
        HttpResponse<String> browser = get("/ogc/collections", "Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        assertTrue(browser.body().startsWith("<!DOCTYPE html>"));
        assertTrue(get("/ogc/api?f=html").body().contains("GET /collections/grids/items"));
    }

    @Test
    void theOpenApiDocumentDescribesTheParametersAsTheStandardDoes() throws Exception {
        HttpResponse<String> r = get("/ogc/api");
        assertEquals(
                "application/vnd.oai.openapi+json;version=3.0",
                r.headers().firstValue("Content-Type").orElseThrow());
        JsonNode doc = TestHttp.JSON.readTree(r.body());
        assertTrue(doc.path("openapi").asText().startsWith("3.0"));
        JsonNode items = doc.path("paths").path("/collections/grids/items").path("get");
        JsonNode limit = param(items, "limit"), bbox = param(items, "bbox");
        assertEquals("integer", limit.path("schema").path("type").asText());
        assertEquals(1, limit.path("schema").path("minimum").asInt());
        assertEquals(10_000, limit.path("schema").path("maximum").asInt());
        assertEquals("form", limit.path("style").asText());
        assertFalse(limit.path("explode").asBoolean(true));
        assertEquals("form", bbox.path("style").asText());
        assertFalse(bbox.path("explode").asBoolean(true));
        assertEquals("array", bbox.path("schema").path("type").asText());
        assertEquals("number", bbox.path("schema").path("items").path("type").asText());
        assertTrue(param(items, "datetime").isMissingNode(), "grids have no time");
        assertEquals(
                "string",
                param(doc.path("paths").path("/collections/reports/items").path("get"), "datetime")
                        .path("schema")
                        .path("type")
                        .asText());
        assertTrue(doc.path("paths").has("/collections/department-police/items/{featureId}"));
        assertTrue(param(
                        doc.path("paths")
                                .path("/collections/grids/tiles/WebMercatorQuad")
                                .path("get"),
                        "f")
                .path("schema")
                .path("enum")
                .toString()
                .contains("tilejson"));
        assertEquals(
                "[\"mvt\"]",
                param(
                                doc.path("paths")
                                        .path("/tiles/WebMercatorQuad/{tileMatrix}/{tileRow}/{tileCol}")
                                        .path("get"),
                                "f")
                        .path("schema")
                        .path("enum")
                        .toString());
    }

    @Test
    void tilesComeFromTheTileCacheUnderTheirTemplates() throws Exception {
        JsonNode tms = json("/ogc/tileMatrixSets/WebMercatorQuad");
        assertEquals(
                "http://www.opengis.net/def/crs/EPSG/0/3857", tms.path("crs").asText());
        assertEquals(23, tms.path("tileMatrices").size());
        JsonNode set = json("/ogc/tiles/WebMercatorQuad");
        String template = href(set.path("links"), "item", "application/vnd.mapbox-vector-tile");
        assertEquals("/ogc/tiles/WebMercatorQuad/{tileMatrix}/{tileRow}/{tileCol}", template);
        Point p = city.grids().get(0).geometry().getInteriorPoint();
        TileId t = tileAt(p.getX(), p.getY(), 14);
        byte[] old = TestHttp.getBytes(city.server, "/tiles/all/14/" + t.x() + "/" + t.y() + ".mvt")
                .body();
        HttpResponse<byte[]> ogc =
                TestHttp.getBytes(city.server, "/ogc/tiles/WebMercatorQuad/14/" + t.y() + "/" + t.x());
        assertEquals(200, ogc.statusCode());
        assertArrayEquals(old, ogc.body());
        byte[] grids = TestHttp.getBytes(city.server, "/tiles/grids/14/" + t.x() + "/" + t.y() + ".mvt")
                .body();
        assertArrayEquals(
                grids,
                TestHttp.getBytes(city.server, "/ogc/collections/grids/tiles/WebMercatorQuad/14/" + t.y() + "/" + t.x())
                        .body());
        JsonNode tileJson = json("/ogc/collections/grids/tiles/WebMercatorQuad?f=tilejson");
        assertEquals("3.0.0", tileJson.path("tilejson").asText());
        assertEquals(
                "/ogc/collections/grids/tiles/WebMercatorQuad/{z}/{y}/{x}",
                tileJson.path("tiles").get(0).asText());
        assertEquals(404, get("/ogc/tiles/WebMercatorQuad/2/4/0").statusCode());
        assertEquals(404, get("/ogc/tiles/WorldCRS84Quad").statusCode());
        assertEquals(404, get("/ogc/collections/department-police/tiles").statusCode());
    }

    @Test
    void readsNeedATokenWhenReadAccessIsByToken() throws Exception {
        try (OgcCity locked = new OgcCity(
                dir.resolve("locked"),
                ServerSettings.DEFAULT.withSecurity(new ServerSettings.Security(Set.of(), Set.of(), false)))) {
            locked.store.putToken(
                    new AccessToken("gis", "reader", AccessToken.digest("gis-token"), java.time.Instant.now()));
            assertEquals(200, TestHttp.get(locked.server, "/ogc").statusCode());
            assertEquals(
                    401,
                    TestHttp.get(locked.server, "/ogc/collections/grids/items").statusCode());
            assertEquals(
                    200,
                    TestHttp.get(locked.server, "/ogc/collections/grids/items", "Authorization", "Bearer gis-token")
                            .statusCode());
        }
    }

    private static JsonNode param(JsonNode operation, String name) {
        for (JsonNode p : operation.path("parameters"))
            if (p.path("name").asText().equals(name)) return p;
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static List<String> ids(JsonNode collection) {
        List<String> out = new ArrayList<>();
        collection.path("features").forEach(f -> out.add(f.path("id").asText()));
        return out;
    }

    /** Every vertex of a feature's polygon(s), rounded as written. */
    private static Set<List<Double>> vertices(JsonNode feature) {
        Set<List<Double>> out = new HashSet<>();
        collect(feature.path("geometry").path("coordinates"), out);
        return out;
    }

    private static void collect(JsonNode n, Set<List<Double>> out) {
        if (n.isArray() && n.size() >= 2 && n.get(0).isNumber())
            out.add(List.of(round(n.get(0).asDouble()), round(n.get(1).asDouble())));
        else n.forEach(c -> collect(c, out));
    }

    private static double round(double d) {
        return Math.round(d * 1e7) / 1e7;
    }

    static TileId tileAt(double lon, double lat, int z) {
        double n = 1 << z, r = Math.toRadians(lat);
        return new TileId(z, (int) Math.floor((lon + 180) / 360 * n), (int) Math.floor(
                (1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 * n));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
