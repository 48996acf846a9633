package org.gridatlas.api.geoserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.gridatlas.engine.Delineator;
import org.gridatlas.engine.io.DatasetReader;
import org.gridatlas.engine.model.Dataset;
import org.gridatlas.engine.partition.Bounds;
import org.gridatlas.fixtures.NeedsRealData;
import org.gridatlas.fixtures.RealData;
import org.gridatlas.fixtures.Slow;
import org.gridatlas.store.PostGisGridStore;
import org.gridatlas.store.ThrowawayDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Publishes Monaco to a real GeoServer: only when GEOSERVER_URL is set (see the README's
 * deployment section); GEOSERVER_USER / GEOSERVER_PASSWORD default to admin / geoserver and
 * GEOSERVER_DB_HOST is the PostGIS host as GeoServer reaches it. The workspace is removed afterwards.
 */
@EnabledIfEnvironmentVariable(named = "GEOSERVER_URL", matches = ".+")
@Slow
@NeedsRealData
class GeoServerLiveTest {
    @Test
    void publishesMonacoTwiceAndServesItOverWms() throws Exception {
        String user = System.getenv().getOrDefault("GEOSERVER_USER", "admin");
        String password = System.getenv().getOrDefault("GEOSERVER_PASSWORD", "geoserver");
        GeoServerTarget target = new GeoServerTarget(
                URI.create(System.getenv("GEOSERVER_URL")),
                user,
                password,
                "gridatlas_test_" + (System.nanoTime() % 100_000));
        Dataset d = DatasetReader.read(RealData.monaco());
        try (ThrowawayDatabase db = new ThrowawayDatabase(AdminPublishTest.PG, "gridatlas_live");
                PostGisGridStore store = PostGisGridStore.open(db.url())) {
            store.replace(d, new Delineator(Bounds.DEFAULT).delineate(d), "monaco");
            GeoServerPublisher publisher = new GeoServerPublisher(new GeoServerClient(target));
            PostGisConnection connection = PostGisConnection.fromJdbcUrl(db.url(), System.getenv("GEOSERVER_DB_HOST"));
            try {
                publisher.publish(connection);
                assertTrue(
                        publisher.publish(connection).stream()
                                .allMatch(s -> s.action().equals("unchanged")),
                        "the second publish changes nothing");
                String map = target.url() + "/" + target.workspace()
                        + "/wms?service=WMS&version=1.1.1&request=GetMap&layers=" + target.workspace()
                        + ":gridatlas&styles=&srs=EPSG:4326&bbox=7.40,43.72,7.44,43.76&width=512&height=512&format=image/png";
                HttpResponse<byte[]> png = HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create(map))
                                        .header("Authorization", basic(user, password))
                                        .build(),
                                HttpResponse.BodyHandlers.ofByteArray());
                assertEquals(200, png.statusCode());
                assertEquals(
                        "image/png", png.headers().firstValue("Content-Type").orElse(""));
                publisher.truncate(List.of(PublishedLayer.values()));
            } finally {
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create(target.url() + "/rest/workspaces/"
                                                + target.workspace() + "?recurse=true"))
                                        .header("Authorization", basic(user, password))
                                        .DELETE()
                                        .build(),
                                HttpResponse.BodyHandlers.discarding());
            }
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
