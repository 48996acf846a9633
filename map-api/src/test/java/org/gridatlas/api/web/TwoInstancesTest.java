package org.gridatlas.api.web;

import static org.gridatlas.api.web.TestHttp.await;
import static org.gridatlas.api.web.TestHttp.get;
import static org.gridatlas.api.web.TestHttp.json;
import static org.gridatlas.api.web.TestHttp.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.gridatlas.engine.model.Dataset;
import org.gridatlas.engine.model.Delineation;
import org.gridatlas.engine.model.Grid;
import org.gridatlas.fixtures.Slow;
import org.gridatlas.store.PostGisGridStore;
import org.gridatlas.store.ThrowawayDatabase;
import org.gridatlas.tiles.TileId;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

/**
 * Two map-api instances on one PostGIS database (and a third process importing, as the CLI does):
 * what one commits reaches the other's lookups, tiles, hierarchy and live report stream.
 */
@Slow
class TwoInstancesTest {
    static final String SERVER = System.getenv().getOrDefault("GRIDATLAS_TEST_PG", "jdbc:postgresql://127.0.0.1:5432/");

    @Test
    void whatOneInstanceCommitsTheOtherServesWithinMoments() throws Exception {
        Redraw redraw = Redraw.twoBlocks();
        Dataset d = redraw.data();
        Delineation wide = redraw.before(), narrow = redraw.after();
        Grid first = redraw.changed();
        Coordinate p = redraw.point();
        TileId tile =
                TileId.covering(first.geometry().getEnvelopeInternal(), 14).get(0);
        String tilePath = "/tiles/grids/" + tile.z() + "/" + tile.x() + "/" + tile.y() + ".mvt";
        try (ThrowawayDatabase db = new ThrowawayDatabase(SERVER, "gridatlas_two");
                PostGisGridStore storeA = PostGisGridStore.open(db.url());
                PostGisGridStore storeB = PostGisGridStore.open(db.url());
                PostGisGridStore importer = PostGisGridStore.open(db.url())) {
            importer.replace(d, wide, "wide");
            importer.putToken(new org.gridatlas.store.AccessToken(
                    "planner", "planner", org.gridatlas.store.AccessToken.digest("p"), java.time.Instant.now()));
            try (ApiServer a = new ApiServer(storeA).start(0);
                    ApiServer b = new ApiServer(storeB).start(0)) {
                assertEquals(
                        wide.grids().size(),
                        json(get(b, "/api/v1/grids")).get("numberMatched").asInt());
                String tileBefore =
                        get(b, tilePath).headers().firstValue("ETag").orElseThrow();

                // a redraw imported by another process: both instances switch to it
                long t0 = System.nanoTime();
                importer.replace(d, narrow, "narrow");
                double toA = await("A serves the redraw", Duration.ofSeconds(10), () -> redraw.servedBy(a));
                double toB = await("B serves the redraw", Duration.ofSeconds(10), () -> redraw.servedBy(b));
                System.out.printf(
                        "propagation of an import: A %.0f ms, B %.0f ms (from commit, with polling every 5 ms; %.0f ms in all)%n",
                        toA * 1000, toB * 1000, (System.nanoTime() - t0) / 1e6);
                assertEquals(
                        narrow.grids().size(),
                        json(get(b, "/api/v1/grids")).get("numberMatched").asInt());
                assertNotEquals(
                        tileBefore,
                        get(b, tilePath).headers().firstValue("ETag").orElseThrow(),
                        "B's cached tile was dropped");
                assertEquals(
                        narrow.grids().size(),
                        TilesResourceTest.decode(TestHttp.getBytes(b, tilePath).body())
                                .getLayers()
                                .iterator()
                                .next()
                                .getGeometries()
                                .size(),
                        "B's tile shows the new grids");

                // a change committed through A's API: B reloads too
                String community = d.communities().get(0).code();
                assertEquals(
                        401,
                        post(
                                        a,
                                        "/api/v1/zones",
                                        "text/csv",
                                        "community_code,zone_code,zone_name\n" + community + ",Z1,东片区\n")
                                .statusCode(),
                        "imports need a planner");
                assertEquals(
                        200,
                        post(
                                        a,
                                        "/api/v1/zones",
                                        "text/csv",
                                        "community_code,zone_code,zone_name\n" + community + ",Z1,东片区\n",
                                        "Authorization",
                                        "Bearer p")
                                .statusCode());
                double zone = await(
                        "B shows A's 片区",
                        Duration.ofSeconds(10),
                        () -> json(get(b, "/api/v1/grids/" + first.code()))
                                .path("properties")
                                .path("hierarchy")
                                .path("zone")
                                .path("code")
                                .asText()
                                .equals("Z1"));
                System.out.printf("propagation of a zone change from A to B: %.0f ms%n", zone * 1000);

                // a report received by A arrives on B's live stream
                HttpClient http = TestHttp.client();
                HttpResponse<java.io.InputStream> stream = http.send(
                        HttpRequest.newBuilder(URI.create(TestHttp.base(b) + "/api/v1/reports/stream"))
                                .header("Accept", "text/event-stream")
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                java.util.concurrent.CountDownLatch connected = new java.util.concurrent.CountDownLatch(1);
                CompletableFuture<String> event = CompletableFuture.supplyAsync(() -> {
                    try (BufferedReader r =
                            new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                        for (String line; (line = r.readLine()) != null; ) {
                            if (line.startsWith(": connected")) connected.countDown();
                            if (line.startsWith("data:") && line.contains("r-two-1")) return line;
                        }
                        return null;
                    } catch (Exception e) {
                        return null;
                    }
                });
                assertTrue(connected.await(10, TimeUnit.SECONDS), "B's stream is open");
                assertEquals(
                        201,
                        post(
                                        a,
                                        "/api/v1/reports",
                                        "application/json",
                                        "{\"id\":\"r-two-1\",\"category\":\"litter\",\"lon\":" + p.x + ",\"lat\":" + p.y
                                                + "}")
                                .statusCode());
                String data = event.get(10, TimeUnit.SECONDS);
                assertTrue(
                        data != null && data.contains(first.code()),
                        "B's stream carries A's report with its grid: " + data);
                stream.body().close();
            }
        }
    }

    @Test
    void aPreviewMadeOnOneInstanceCommitsOnTheOther() throws Exception {
        try (ThrowawayDatabase db = new ThrowawayDatabase(SERVER, "gridatlas_previews");
                PostGisGridStore storeA = PostGisGridStore.open(db.url());
                PostGisGridStore storeB = PostGisGridStore.open(db.url())) {
            try (ApiServer a = ChangesResourceTest.serve(storeA);
                    ApiServer b = new ApiServer(storeB).start(0)) {
                List<String> pair = ChangesResourceTest.neighbours(a);
                int grids = json(get(a, "/api/v1/grids?level=grid"))
                        .get("numberMatched")
                        .asInt();
                HttpResponse<String> preview = ChangesResourceTest.change(
                        a,
                        ChangesResourceTest.PLANNER,
                        "{\"op\":\"merge\",\"grids\":[\"" + pair.get(0) + "\",\"" + pair.get(1)
                                + "\"],\"reason\":\"one street team\"}");
                assertEquals(201, preview.statusCode(), preview.body());
                JsonNode p = json(preview);
                String path = "/api/v1/communities/" + ChangesResourceTest.COMMUNITY + "/changes/"
                        + p.get("id").asText();
                assertEquals(200, get(b, path).statusCode(), "B shows the preview A made");
                HttpResponse<String> commit = ChangesResourceTest.commit(b, ChangesResourceTest.PLANNER, p);
                assertEquals(200, commit.statusCode(), commit.body());
                assertEquals(
                        p.get("base_version").asLong() + 1,
                        json(commit).get("version").asLong());
                assertEquals(404, get(a, path).statusCode(), "a committed preview is gone on every instance");
                assertEquals(
                        404,
                        ChangesResourceTest.commit(a, ChangesResourceTest.PLANNER, p)
                                .statusCode(),
                        "and cannot be committed twice");
                await(
                        "A serves the merge",
                        Duration.ofSeconds(10),
                        () -> json(get(a, "/api/v1/grids?level=grid"))
                                        .get("numberMatched")
                                        .asInt()
                                == grids - 1);
            }
        }
    }
}
