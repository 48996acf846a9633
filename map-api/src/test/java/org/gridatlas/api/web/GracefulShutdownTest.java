package org.gridatlas.api.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.gridatlas.engine.Delineator;
import org.gridatlas.engine.model.Dataset;
import org.gridatlas.engine.partition.Bounds;
import org.gridatlas.fixtures.EdgeCases;
import org.gridatlas.store.GeoPackageGridStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;

/** Closing the server while a batch lookup is still uploading: that request is answered in full, new ones are refused. */
class GracefulShutdownTest {
    @Test
    void aRequestInFlightFinishesAndNewOnesAreRefused(@TempDir Path dir) throws Exception {
        Dataset d = EdgeCases.twoBlocksAlongARoad();
        Coordinate p = d.buildings().get(0).geometry().getInteriorPoint().getCoordinate();
        int rows = 40;
        try (GeoPackageGridStore store = GeoPackageGridStore.open(dir.resolve("s.gpkg"))) {
            store.replace(d, new Delineator(Bounds.DEFAULT).delineate(d), "edge");
            ApiServer server = new ApiServer(store).start(0);
            URI batch = URI.create(TestHttp.base(server) + "/api/v1/lookup");
            // the body trickles in over ~2 s, so the request is still in flight when the server is closed
            java.util.concurrent.CountDownLatch uploading = new java.util.concurrent.CountDownLatch(5);
            InputStream slowBody = new InputStream() {
                private int sent;

                @Override
                public int read() {
                    throw new UnsupportedOperationException("read in rows");
                }

                /** One row a call, every 50 ms (InputStream's own version would wait to fill the whole buffer). */
                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    if (sent == rows + 1) return -1;
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        throw new IOException(e);
                    }
                    byte[] row = (sent == 0 ? "id,lon,lat\n" : "p" + sent + "," + p.x + "," + p.y + "\n")
                            .getBytes(StandardCharsets.UTF_8);
                    sent++;
                    uploading.countDown();
                    System.arraycopy(row, 0, b, off, row.length);
                    return row.length;
                }
            };
            HttpClient http = TestHttp.client();
            CompletableFuture<HttpResponse<String>> inFlight = http.sendAsync(
                    HttpRequest.newBuilder(batch)
                            .header("Content-Type", "text/csv")
                            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> slowBody))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertTrue(uploading.await(10, TimeUnit.SECONDS), "the upload is under way");
            URI health = URI.create(TestHttp.base(server) + "/health");
            long t0 = System.nanoTime();
            Thread closing = new Thread(server::close);
            closing.start();
            // the server stops taking connections as soon as it starts draining: wait for that, not for a time
            TestHttp.await("new connections are refused while draining", java.time.Duration.ofSeconds(10), () -> {
                try {
                    // a client of its own: a new connection, never one kept alive from before
                    HttpClient.newHttpClient()
                            .send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString());
                    return false;
                } catch (ConnectException e) {
                    return true;
                } catch (IOException e) {
                    return e.getCause() instanceof ConnectException;
                }
            });
            assertTrue(!inFlight.isDone(), "the upload is still going on");
            closing.join(15_000);
            System.out.printf(
                    "close() returned after %.0f ms, once the request in flight was done%n",
                    (System.nanoTime() - t0) / 1e6);
            HttpResponse<String> r = inFlight.get(10, TimeUnit.SECONDS);
            assertEquals(200, r.statusCode());
            assertEquals(rows, r.body().lines().filter(l -> l.startsWith("p")).count(), r.body());
            assertTrue(
                    r.body()
                            .lines()
                            .filter(l -> l.startsWith("p"))
                            .allMatch(l -> l.contains(d.communities().get(0).code())),
                    r.body());
        }
    }
}
