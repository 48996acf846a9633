package org.gridatlas.api.web;

import static org.gridatlas.api.web.TestHttp.get;
import static org.gridatlas.api.web.TestHttp.json;
import static org.gridatlas.api.web.TestHttp.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.gridatlas.api.geoserver.FakeGeoServer;
import org.gridatlas.api.geoserver.GeoServerTarget;
import org.gridatlas.api.serving.StaffingRule;
import org.gridatlas.engine.partition.Bounds;
import org.gridatlas.engine.partition.RuralRule;
import org.gridatlas.store.AccessToken;
import org.gridatlas.store.GeoPackageGridStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;

/** Reads behind tokens, report ingestion behind its own key, and GeoWebCache truncated after a commit. */
class AccessTest {
    private static final String REPORT_KEY = "12345-hotline-key";

    @Test
    void tokenProtectedReadsAndAReportKey(@TempDir Path dir) throws Exception {
        try (GeoPackageGridStore store = GeoPackageGridStore.open(dir.resolve("s.gpkg"))) {
            ChangesResourceTest.seed(store);
            ServerSettings closed = ServerSettings.DEFAULT.withSecurity(
                    new ServerSettings.Security(Set.of(), Set.of(AccessToken.digest(REPORT_KEY)), false));
            try (ApiServer s = new ApiServer(store, closed).start(0)) {
                assertEquals(401, get(s, "/api/v1/grids").statusCode(), "reads need a token");
                assertEquals(401, get(s, "/tiles/grids/15/0/0.mvt").statusCode(), "tiles too");
                assertEquals(
                        200,
                        get(s, "/api/v1/grids", "Authorization", "Bearer " + ChangesResourceTest.READER)
                                .statusCode());
                assertEquals(200, get(s, "/health").statusCode(), "health stays open for load balancers");
                assertEquals(200, get(s, "/api/v1/openapi.json").statusCode());
                Coordinate p = ChangesResourceTest.DATA
                        .buildings()
                        .get(0)
                        .geometry()
                        .getCentroid()
                        .getCoordinate();
                String report = "{\"id\":\"%s\",\"category\":\"litter\",\"lon\":" + p.x + ",\"lat\":" + p.y + "}";
                assertEquals(
                        401,
                        post(s, "/api/v1/reports", "application/json", report.formatted("r1"))
                                .statusCode(),
                        "reports need the key");
                assertEquals(
                        401,
                        post(s, "/api/v1/reports", "application/json", report.formatted("r1"), "X-Report-Key", "guess")
                                .statusCode());
                assertEquals(
                        201,
                        post(
                                        s,
                                        "/api/v1/reports",
                                        "application/json",
                                        report.formatted("r1"),
                                        "X-Report-Key",
                                        REPORT_KEY)
                                .statusCode());
                assertEquals(
                        403,
                        post(
                                        s,
                                        "/api/v1/reports",
                                        "application/json",
                                        report.formatted("r2"),
                                        "Authorization",
                                        "Bearer " + ChangesResourceTest.READER)
                                .statusCode(),
                        "a reader is no reporter");
                assertTrue(store.report("r1").isPresent() && store.report("r2").isEmpty());
            }
        }
    }

    @Test
    void aCommitTruncatesTheGridLayersInGeoWebCache(@TempDir Path dir) throws Exception {
        try (FakeGeoServer geoServer = new FakeGeoServer("admin", "geoserver");
                GeoPackageGridStore store = GeoPackageGridStore.open(dir.resolve("s.gpkg"))) {
            ChangesResourceTest.seed(store);
            for (String layer : List.of("grids", "micro_grids"))
                geoServer.putResource("/rest/layers/qhd:" + layer, "{}");
            ServerSettings settings = new ServerSettings(
                    StaffingRule.DEFAULT,
                    new Bounds(150, 450),
                    RuralRule.DEFAULT,
                    org.gridatlas.engine.partition.MicroGridPlanner.DEFAULT,
                    16 << 20,
                    Duration.ofSeconds(5),
                    false,
                    ServerSettings.Security.OPEN,
                    new GeoServerTarget(geoServer.url(), "admin", "geoserver", "qhd"),
                    null,
                    null,
                    java.time.Duration.ofSeconds(10),
                    org.gridatlas.api.serving.ReportDeadlines.DEFAULT,
                    null,
                    ServerSettings.Limits.DEFAULT);
            try (ApiServer s = new ApiServer(store, settings).start(0)) {
                List<String> pair = ChangesResourceTest.neighbours(s);
                JsonNode preview = json(ChangesResourceTest.change(
                        s,
                        ChangesResourceTest.PLANNER,
                        "{\"op\":\"merge\",\"grids\":[\"" + pair.get(0) + "\",\"" + pair.get(1) + "\"]}"));
                assertEquals(
                        200,
                        ChangesResourceTest.commit(s, ChangesResourceTest.PLANNER, preview)
                                .statusCode());
                TestHttp.await(
                        "GeoWebCache truncated",
                        Duration.ofSeconds(10),
                        () -> geoServer.truncated().size() == 2);
                assertEquals(List.of("qhd:grids", "qhd:micro_grids"), geoServer.truncated());
            }
        }
    }
}
