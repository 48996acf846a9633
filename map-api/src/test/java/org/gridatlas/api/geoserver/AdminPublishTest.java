package org.gridatlas.api.geoserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.gridatlas.api.serving.StaffingRule;
import org.gridatlas.api.web.ApiServer;
import org.gridatlas.api.web.ServerSettings;
import org.gridatlas.engine.partition.Bounds;
import org.gridatlas.engine.partition.RuralRule;
import org.gridatlas.store.GeoPackageGridStore;
import org.gridatlas.store.PostGisGridStore;
import org.gridatlas.store.ThrowawayDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** POST /api/v1/admin/publish on a server over PostGIS, against {@link FakeGeoServer}: only for admins, idempotent. */
class AdminPublishTest {
    static final String PG = System.getenv().getOrDefault("GRIDATLAS_TEST_PG", "jdbc:postgresql://127.0.0.1:5432/");
    static final String TOKEN = "s3cret-admin-token";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    static ServerSettings settings(FakeGeoServer geoServer) {
        // the digest of TOKEN, as `printf %s s3cret-admin-token | sha256sum` prints it
        String digest = org.gridatlas.store.AccessToken.digest(TOKEN);
        return new ServerSettings(
                StaffingRule.DEFAULT,
                Bounds.DEFAULT,
                RuralRule.DEFAULT,
                org.gridatlas.engine.partition.MicroGridPlanner.DEFAULT,
                16 << 20,
                Duration.ofSeconds(5),
                true,
                new ServerSettings.Security(Set.of(digest), Set.of(), true),
                new GeoServerTarget(geoServer.url(), "admin", "geoserver", "qhd"),
                "postgis.internal",
                null,
                java.time.Duration.ofSeconds(10),
                org.gridatlas.api.serving.ReportDeadlines.DEFAULT,
                null,
                ServerSettings.Limits.DEFAULT);
    }

    @Test
    void adminsPublishAndOthersAreRefused() throws Exception {
        try (FakeGeoServer geoServer = new FakeGeoServer("admin", "geoserver");
                ThrowawayDatabase db = new ThrowawayDatabase(PG, "gridatlas_publish");
                PostGisGridStore store = PostGisGridStore.open(db.url());
                ApiServer server = new ApiServer(store, settings(geoServer)).start(0)) {
            assertEquals(401, publish(server, null).statusCode());
            HttpResponse<String> wrong = publish(server, "guess");
            assertEquals(401, wrong.statusCode(), "an unknown token");
            assertEquals(
                    "authorization",
                    JSON.readTree(wrong.body()).path("error").path("field").asText());
            assertTrue(geoServer.requests().isEmpty(), "nothing reached GeoServer");

            HttpResponse<String> first = publish(server, TOKEN);
            assertEquals(200, first.statusCode(), first.body());
            JsonNode steps = JSON.readTree(first.body()).path("steps");
            assertEquals("created", steps.get(1).path("action").asText());
            assertTrue(
                    geoServer
                            .resource("/rest/workspaces/qhd/datastores/gridatlas")
                            .toString()
                            .contains("postgis.internal"),
                    "the data store names the database host GeoServer sees");
            int changes = geoServer.changes().size();
            HttpResponse<String> second = publish(server, TOKEN);
            assertEquals(200, second.statusCode());
            JSON.readTree(second.body())
                    .path("steps")
                    .forEach(s -> assertEquals("unchanged", s.path("action").asText(), s.toString()));
            assertEquals(changes, geoServer.changes().size());
        }
    }

    @Test
    void theEmbeddedStoreCannotBePublishedAndGeoServerErrorsAre502(@TempDir Path dir) throws Exception {
        try (FakeGeoServer geoServer = new FakeGeoServer("admin", "other-password");
                GeoPackageGridStore store = GeoPackageGridStore.open(dir.resolve("s.gpkg"));
                ApiServer server = new ApiServer(store, settings(geoServer)).start(0)) {
            HttpResponse<String> r = publish(server, TOKEN);
            assertEquals(409, r.statusCode());
            assertTrue(r.body().contains("needs the PostGIS store"), r.body());
        }
        try (FakeGeoServer geoServer = new FakeGeoServer("admin", "other-password");
                ThrowawayDatabase db = new ThrowawayDatabase(PG, "gridatlas_publish");
                PostGisGridStore store = PostGisGridStore.open(db.url());
                ApiServer server = new ApiServer(store, settings(geoServer)).start(0)) {
            HttpResponse<String> r = publish(server, TOKEN);
            assertEquals(502, r.statusCode());
            assertTrue(r.body().contains("401"), r.body());
        }
    }

    private static HttpResponse<String> publish(ApiServer server, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + "/api/v1/admin/publish"))
                .POST(HttpRequest.BodyPublishers.noBody());
        if (token != null) b.header("Authorization", "Bearer " + token);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
