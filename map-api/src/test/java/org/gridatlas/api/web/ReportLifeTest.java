package org.gridatlas.api.web;

import static org.gridatlas.api.web.TestHttp.get;
import static org.gridatlas.api.web.TestHttp.json;
import static org.gridatlas.api.web.TestHttp.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.gridatlas.api.serving.ReportDeadlines;
import org.gridatlas.store.AccessToken;
import org.gridatlas.store.AuditEntry;
import org.gridatlas.store.GeoPackageGridStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;

/** The life of a report through the API: moved on by the systems handling it, refused when its life does not allow, summed up. */
class ReportLifeTest {
    private static final String HANDLER = "handler-token";

    @TempDir
    static Path dir;

    private static GeoPackageGridStore store;
    private static ApiServer server;
    private static String point;

    @BeforeAll
    static void start() {
        store = GeoPackageGridStore.open(dir.resolve("s.gpkg"));
        ChangesResourceTest.seed(store);
        store.putToken(new AccessToken("12345热线", "reporter", AccessToken.digest(HANDLER), Instant.now()));
        ServerSettings settings = new ServerSettings(
                ServerSettings.DEFAULT.staffing(),
                ServerSettings.DEFAULT.bounds(),
                ServerSettings.DEFAULT.ruralRule(),
                ServerSettings.DEFAULT.microBounds(),
                16 << 20,
                Duration.ofSeconds(5),
                false,
                ServerSettings.Security.OPEN,
                null,
                null,
                null,
                Duration.ofSeconds(10),
                new ReportDeadlines(Duration.ofHours(72), Map.of("噪音", Duration.ofHours(1))),
                null,
                ServerSettings.Limits.DEFAULT);
        server = new ApiServer(store, settings).start(0);
        Coordinate p = ChangesResourceTest.DATA
                .buildings()
                .get(0)
                .geometry()
                .getInteriorPoint()
                .getCoordinate();
        point = "\"lon\":" + p.x + ",\"lat\":" + p.y;
    }

    @AfterAll
    static void stop() {
        server.close();
        store.close();
    }

    private static HttpResponse<String> patch(String id, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(TestHttp.base(server) + "/api/v1/reports/" + id))
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return TestHttp.client().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void report(String id, String category, String source, Instant time) throws Exception {
        HttpResponse<String> r = post(
                server,
                "/api/v1/reports",
                "application/json",
                "{\"id\":\"" + id + "\",\"category\":\"" + category + "\",\"source\":\"" + source + "\",\"time\":\""
                        + time + "\"," + point + "}",
                "Authorization",
                "Bearer " + HANDLER);
        assertEquals(201, r.statusCode(), r.body());
    }

    @Test
    void aReportMovesOnStepByStepAndAnImpossibleStepIsRefusedNamingBoth() throws Exception {
        report("life-a", "垃圾", "hotline_12345", Instant.now());
        JsonNode created = json(get(server, "/api/v1/reports/life-a"));
        assertEquals(
                List.of("received", "hotline_12345"),
                List.of(created.get("status").asText(), created.get("source").asText()));
        assertEquals(401, patch("life-a", null, "{\"status\":\"dispatched\"}").statusCode());
        assertEquals(
                403,
                patch("life-a", ChangesResourceTest.READER, "{\"status\":\"dispatched\"}")
                        .statusCode(),
                "a reader may not move reports");
        assertEquals(
                200,
                patch("life-a", HANDLER, "{\"status\":\"dispatched\",\"note\":\"网格员张三\"}")
                        .statusCode());
        HttpResponse<String> skip = patch("life-a", HANDLER, "{\"status\":\"closed\"}");
        assertEquals(409, skip.statusCode(), skip.body());
        assertEquals("status", json(skip).at("/error/field").asText());
        assertTrue(
                json(skip).at("/error/message").asText().contains("dispatched")
                        && json(skip).at("/error/message").asText().contains("closed"),
                skip.body());
        assertEquals(400, patch("life-a", HANDLER, "{\"status\":\"lost\"}").statusCode());
        assertEquals(
                404, patch("nobody", HANDLER, "{\"status\":\"dispatched\"}").statusCode());
        for (String step : List.of("in_progress", "resolved", "closed")) {
            assertEquals(
                    200,
                    patch("life-a", ChangesResourceTest.PLANNER, "{\"status\":\"" + step + "\"}")
                            .statusCode(),
                    step);
        }
        JsonNode done = json(get(server, "/api/v1/reports/life-a"));
        assertEquals("closed", done.get("status").asText());
        List<String> steps = new java.util.ArrayList<>();
        done.get("events").forEach(e -> steps.add(e.get("status").asText()));
        assertEquals(List.of("received", "dispatched", "in_progress", "resolved", "closed"), steps);
        assertEquals("网格员张三", done.at("/events/1/note").asText());
        List<AuditEntry> audit = store.audit(100);
        assertTrue(audit.stream()
                .anyMatch(a -> a.action().equals("report dispatched")
                        && a.actor().equals("12345热线")
                        && a.detail().equals("life-a")));
        assertTrue(
                audit.stream()
                        .anyMatch(a ->
                                a.outcome().startsWith("refused") && a.action().equals("report closed")),
                "refusals are audited too");
    }

    @Test
    void summariesCountSettledOverdueAndSettledInTheGrid() throws Exception {
        Instant t = Instant.parse("2026-11-20T08:00:00Z");
        report("sum-1", "噪音", "wechat", t); // left open past its 1-hour deadline: overdue
        report("sum-2", "垃圾", "grid_worker", t.plusSeconds(60)); // settled in the grid
        report("sum-3", "垃圾", "hotline_12345", t.plusSeconds(120)); // settled after going up to the street
        for (String s : List.of("dispatched", "in_progress", "resolved"))
            patch("sum-2", HANDLER, "{\"status\":\"" + s + "\"}");
        for (String s : List.of("escalated", "resolved")) patch("sum-3", HANDLER, "{\"status\":\"" + s + "\"}");
        String window = "since=2026-11-20T00:00:00Z&until=2026-11-21T00:00:00Z";
        JsonNode byCategory = json(get(server, "/api/v1/reports/summary?by=category&" + window));
        JsonNode total = byCategory.get("total");
        assertEquals(
                List.of(3, 2, 1, 1),
                List.of(
                        total.get("reports").asInt(),
                        total.get("settled").asInt(),
                        total.get("overdue").asInt(),
                        total.get("settled_in_grid").asInt()),
                total.toString());
        assertEquals(
                0.5,
                total.get("settled_in_grid_share").asDouble(),
                "小事不出网格: one of the two settled stayed in the grid");
        JsonNode rubbish = byCategory.get("rows").get(0);
        assertEquals(
                List.of("垃圾", "2", "1.0"),
                List.of(
                        rubbish.get("key").asText(),
                        rubbish.get("reports").asText(),
                        rubbish.get("settled_share").asText()));
        JsonNode bySource = json(get(server, "/api/v1/reports/summary?by=source&" + window));
        assertEquals(3, bySource.get("rows").size());
        JsonNode byCommunity = json(get(server, "/api/v1/reports/summary?by=community&" + window));
        assertEquals(
                ChangesResourceTest.COMMUNITY, byCommunity.at("/rows/0/key").asText());
        assertEquals(3, byCommunity.at("/rows/0/reports").asInt());
        assertEquals(400, get(server, "/api/v1/reports/summary?by=colour").statusCode());
        JsonNode byHour = json(get(server, "/api/v1/reports/summary?by=hour&" + window));
        assertEquals(
                List.of("2026-11-20T08:00:00Z"),
                List.of(byHour.at("/rows/0/key").asText()),
                "all three came in the 08:00 hour");
        JsonNode inOtherCommunity = json(get(server, "/api/v1/reports/summary?by=grid&within=990101001009&" + window));
        assertEquals(0, inOtherCommunity.at("/total/reports").asInt());
        JsonNode inTheirCommunity = json(
                get(server, "/api/v1/reports/summary?by=grid&within=" + ChangesResourceTest.COMMUNITY + "&" + window));
        assertEquals(3, inTheirCommunity.at("/total/reports").asInt());
        assertEquals(400, get(server, "/api/v1/reports/summary?within=abc").statusCode());
        JsonNode overdue = json(get(server, "/api/v1/reports?overdue=true&since=2026-11-20T00:00:00Z"))
                .get("reports");
        assertEquals(
                List.of("sum-1"),
                List.of(overdue.get(0).get("id").asText()),
                "only the open noise report is past its deadline");
        assertEquals(1, overdue.size());
    }
}
