package org.gridatlas.api.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.gridatlas.engine.Delineator;
import org.gridatlas.engine.model.Dataset;
import org.gridatlas.engine.model.Delineation;
import org.gridatlas.engine.model.Grid;
import org.gridatlas.engine.partition.Bounds;
import org.gridatlas.fixtures.EdgeCases;
import org.gridatlas.store.GeoPackageGridStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;

/** While the grids are replaced and the snapshot swapped in a loop, every lookup sees one whole version. */
class SnapshotSwapTest {
    @Test
    void lookupsNeverSeeAHalfAppliedChange(@TempDir Path dir) throws Exception {
        Dataset d = EdgeCases.twoBlocksAlongARoad();
        Delineation wide = new Delineator(Bounds.DEFAULT).delineate(d); // two grids of 400
        Delineation narrow = new Delineator(new Bounds(150, 250)).delineate(d); // four smaller grids
        Map<String, Integer> wideHouseholds = households(wide), narrowHouseholds = households(narrow);
        assertTrue(wide.grids().size() != narrow.grids().size());
        assertTrue(
                !wideHouseholds
                        .get(wide.grids().get(0).code())
                        .equals(narrowHouseholds.get(wide.grids().get(0).code())),
                "the versions differ in what the same code holds");
        Coordinate p = d.buildings().get(0).geometry().getInteriorPoint().getCoordinate();
        ObjectMapper json = new ObjectMapper();
        try (GeoPackageGridStore store = GeoPackageGridStore.open(dir.resolve("s.gpkg"))) {
            store.replace(d, wide, "wide");
            try (ApiServer server = new ApiServer(store).start(0)) {
                AtomicBoolean stop = new AtomicBoolean();
                AtomicInteger versions = new AtomicInteger();
                Thread writer = new Thread(() -> {
                    for (int i = 0; !stop.get() && i < 20; i++) {
                        store.replace(d, i % 2 == 0 ? narrow : wide, "swap " + i);
                        server.reload();
                        versions.incrementAndGet();
                    }
                });
                writer.start();
                HttpClient http = TestHttp.client();
                URI uri = URI.create("http://localhost:" + server.port() + "/api/v1/lookup?lon=" + p.x + "&lat=" + p.y);
                int seen = 0;
                while (writer.isAlive() || seen < 50) {
                    JsonNode grid = json.readTree(
                                    http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())
                                            .body())
                            .get("grid");
                    String code = grid.get("code").asText();
                    int hh = grid.get("households").asInt();
                    // a grid's households always come from the same version as its code and shape
                    assertTrue(
                            Integer.valueOf(hh).equals(wideHouseholds.get(code))
                                    || Integer.valueOf(hh).equals(narrowHouseholds.get(code)),
                            code + " with " + hh);
                    seen++;
                }
                stop.set(true);
                writer.join();
                assertEquals(20, versions.get());
            }
        }
    }

    private static Map<String, Integer> households(Delineation r) {
        Map<String, Integer> m = new HashMap<>();
        for (Grid g : r.grids()) m.put(g.code(), g.households());
        return m;
    }
}
