package org.gridatlas.api.web;

import static org.gridatlas.api.web.TestHttp.await;
import static org.gridatlas.api.web.TestHttp.get;
import static org.gridatlas.api.web.TestHttp.json;
import static org.gridatlas.api.web.TestHttp.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.gridatlas.fixtures.Slow;
import org.gridatlas.store.OwnPostgresCluster;
import org.gridatlas.store.PostGisGridStore;
import org.gridatlas.store.ThrowawayDatabase;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

/**
 * PostgreSQL is stopped and started again while a server runs on it: lookups keep answering from
 * memory, writes fail at once with 503 and a clear message, readiness says the store is down, and
 * everything (pool, change listener) recovers without a restart. The test runs a cluster of its
 * own and stops only that one.
 */
@Slow
class PostgresRestartTest {
    @Test
    void lookupsAnswerFromMemoryWhilePostgresIsDownAndWritesRecover() throws Exception {
        Assumptions.assumeTrue(OwnPostgresCluster.installedBin() != null, "needs PostgreSQL's initdb and pg_ctl");
        Redraw redraw = Redraw.twoBlocks();
        Coordinate p = redraw.point();
        String lookup = redraw.lookupPath();
        String report = "{\"id\":\"%s\",\"category\":\"road\",\"lon\":" + p.x + ",\"lat\":" + p.y + "}";
        try (OwnPostgresCluster cluster = OwnPostgresCluster.create();
                ThrowawayDatabase db = new ThrowawayDatabase(cluster.server(), "gridatlas_restart");
                PostGisGridStore store = PostGisGridStore.open(db.url());
                PostGisGridStore importer = PostGisGridStore.open(db.url())) {
            importer.replace(redraw.data(), redraw.before(), "before");
            try (ApiServer server = new ApiServer(store).start(0)) {
                int before = json(get(server, lookup))
                        .path("grid")
                        .path("households")
                        .asInt();
                cluster.stop();
                try {
                    long t0 = System.nanoTime(), answered = 0;
                    List<Integer> failures = new ArrayList<>();
                    while (System.nanoTime() - t0 < 2_000_000_000L) {
                        HttpResponse<String> r = get(server, lookup);
                        if (r.statusCode() == 200
                                && json(r).path("grid").path("households").asInt() == before) answered++;
                        else failures.add(r.statusCode());
                    }
                    System.out.printf(
                            "lookups while PostgreSQL was down: %d in 2 s (%.0f/s, one client), %d failed%n",
                            answered, answered / 2.0, failures.size());
                    assertTrue(failures.isEmpty(), "every lookup answered from memory: " + failures);
                    assertTrue(answered > 0);

                    long w0 = System.nanoTime();
                    HttpResponse<String> write =
                            post(server, "/api/v1/reports", "application/json", report.formatted("r-down"));
                    System.out.printf(
                            "a write while PostgreSQL was down failed in %.0f ms%n", (System.nanoTime() - w0) / 1e6);
                    assertEquals(503, write.statusCode());
                    JsonNode error = json(write).path("error");
                    assertEquals("store", error.path("field").asText());
                    assertTrue(
                            error.path("message").asText().contains("store unavailable, nothing was changed"),
                            write.body());
                    assertEquals(503, get(server, "/ready").statusCode());
                    assertEquals(200, get(server, "/health").statusCode(), "the process itself is alive");
                } finally {
                    cluster.start();
                }
                double ready = await(
                        "ready again",
                        Duration.ofSeconds(30),
                        () -> get(server, "/ready").statusCode() == 200);
                System.out.printf("ready %.1f s after PostgreSQL started%n", ready);
                assertEquals(
                        201,
                        post(server, "/api/v1/reports", "application/json", report.formatted("r-up"))
                                .statusCode());
                assertTrue(
                        store.report("r-up").isPresent()
                                && store.report("r-down").isEmpty(),
                        "the failed write left nothing behind");

                // the change listener reconnected: a redraw by another process still reaches this server
                // (that process's own pool may need a moment to refill after the restart, as any client's would)
                await(
                        "the importer writes again",
                        Duration.ofSeconds(30),
                        () -> importer.replace(redraw.data(), redraw.after(), "after") > 0);
                await("the redraw reaches the server", Duration.ofSeconds(30), () -> redraw.servedBy(server));
            }
        }
    }
}
