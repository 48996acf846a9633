package org.gridatlas.api.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.gridatlas.engine.Delineator;
import org.gridatlas.engine.geom.ChinaCrs;
import org.gridatlas.engine.model.Dataset;
import org.gridatlas.engine.model.Delineation;
import org.gridatlas.engine.model.Grid;
import org.gridatlas.engine.partition.Bounds;
import org.gridatlas.fixtures.EdgeCases;
import org.gridatlas.store.GeoPackageGridStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;

/** Reports from Chinese apps arrive in GCJ-02 or BD-09: taken as WGS84 they land hundreds of metres off. */
class LookupCrsTest {
    @Test
    void gcj02AndBd09PointsFindTheSameGridAsTheirWgs84Original(@TempDir Path dir) throws Exception {
        Dataset d = EdgeCases.twoBlocksAlongARoad();
        Delineation r = new Delineator(Bounds.DEFAULT).delineate(d);
        try (GeoPackageGridStore store = GeoPackageGridStore.open(dir.resolve("s.gpkg"))) {
            store.replace(d, r, "edge");
            try (ApiServer server = new ApiServer(store).start(0)) {
                Grid east = r.grids().get(1);
                Coordinate w = east.geometry().getInteriorPoint().getCoordinate();
                for (ChinaCrs crs : new ChinaCrs[] {ChinaCrs.GCJ02, ChinaCrs.BD09}) {
                    double[] shifted = crs.fromWgs84(w.x, w.y);
                    JsonNode right = lookup(server, shifted, crs.wireName());
                    assertEquals(east.code(), right.get("grid").get("code").asText(), crs + " read as " + crs);
                    assertEquals(w.x, right.get("query").get("wgs84").get(0).asDouble(), 1e-8);
                    JsonNode wrong = lookup(server, shifted, "wgs84");
                    assertTrue(
                            wrong.get("outside_coverage").asBoolean(), crs + " read as WGS84 lands outside: " + wrong);
                    // the same shift on the way out: GeoJSON for a Chinese base map
                    HttpResponse<String> gj = TestHttp.client()
                            .send(
                                    HttpRequest.newBuilder(URI.create("http://localhost:" + server.port()
                                                    + "/api/v1/grids/" + east.code() + "?crs=" + crs.wireName()))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
                    double minLon = Double.MAX_VALUE;
                    for (JsonNode c : new ObjectMapper()
                            .readTree(gj.body())
                            .get("geometry")
                            .get("coordinates")
                            .get(0)) minLon = Math.min(minLon, c.get(0).asDouble());
                    double wgsMinLon = east.geometry().getEnvelopeInternal().getMinX();
                    double shiftedMinLon = crs.fromWgs84(
                                    wgsMinLon,
                                    east.geometry().getEnvelopeInternal().centre().y)[0];
                    assertTrue(Math.abs(minLon - wgsMinLon) > 1e-3, crs + ": the outline moved by hundreds of metres");
                    assertEquals(shiftedMinLon, minLon, 1e-4, crs + ": by the shift of that system");
                }
            }
        }
    }

    private static JsonNode lookup(ApiServer server, double[] p, String crs) throws Exception {
        HttpResponse<String> r = TestHttp.client()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/api/v1/lookup?lon="
                                        + p[0] + "&lat=" + p[1] + "&crs=" + crs))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return new ObjectMapper().readTree(r.body());
    }
}
