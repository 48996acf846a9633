package org.gridatlas.api.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtReader;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.TagKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.gridatlas.engine.Delineator;
import org.gridatlas.engine.model.Dataset;
import org.gridatlas.engine.model.Delineation;
import org.gridatlas.engine.model.Grid;
import org.gridatlas.engine.model.GridLevel;
import org.gridatlas.engine.partition.Bounds;
import org.gridatlas.fixtures.Fixtures;
import org.gridatlas.store.GeoPackageGridStore;
import org.gridatlas.tiles.TileId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/** The real server on the small generated district: tiles fetched over HTTP and decoded. */
class TilesResourceTest {
    @TempDir
    static Path dir;

    private static GeoPackageGridStore store;
    private static ApiServer server;
    private static Delineation result;
    private static TileId tile;

    @BeforeAll
    static void start() throws Exception {
        Dataset d = Fixtures.smallCity();
        result = new Delineator(Bounds.DEFAULT).delineate(d);
        store = GeoPackageGridStore.open(dir.resolve("s.gpkg"));
        store.replace(d, result, "small city");
        server = new ApiServer(store).start(0);
        Coordinate c = result.grids().get(20).geometry().getInteriorPoint().getCoordinate();
        tile = TileId.covering(new org.locationtech.jts.geom.Envelope(c), 15).get(0);
    }

    @AfterAll
    static void stop() {
        server.close();
        store.close();
    }

    static HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path));
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return TestHttp.client().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static JtsMvt decode(byte[] b) throws Exception {
        return MvtReader.loadMvt(
                new ByteArrayInputStream(b),
                new GeometryFactory(),
                new TagKeyValueMapConverter(),
                MvtReader.RING_CLASSIFIER_V2_1);
    }

    @Test
    void gridTilesDecodeWithCodesHouseholdsAndGeometryInTheExtent() throws Exception {
        HttpResponse<byte[]> r = get("/tiles/grids/" + tile + ".mvt");
        assertEquals(200, r.statusCode());
        assertEquals(
                "application/vnd.mapbox-vector-tile",
                r.headers().firstValue("Content-Type").orElse(""));
        JtsLayer grids = decode(r.body()).getLayer("grids");
        Set<String> codes = new HashSet<>();
        for (Geometry g : grids.getGeometries()) {
            Map<?, ?> tags = (Map<?, ?>) g.getUserData();
            codes.add(tags.get("code").toString());
            Grid grid = result.grids().stream()
                    .filter(x -> x.code().equals(tags.get("code").toString()))
                    .findFirst()
                    .orElseThrow();
            assertEquals(grid.households(), ((Number) tags.get("households")).intValue());
            for (Coordinate c : g.getCoordinates()) assertTrue(c.x >= -64 && c.x <= 4160 && c.y >= -64 && c.y <= 4160);
        }
        org.locationtech.jts.geom.Envelope buffered = tile.lonLat();
        buffered.expandBy(buffered.getWidth() / 64, buffered.getHeight() / 64);
        long expected = result.grids().stream()
                .filter(g -> g.level() == GridLevel.GRID
                        && g.geometry().getEnvelopeInternal().intersects(buffered))
                .count();
        assertTrue(codes.size() >= 1 && codes.size() <= expected, codes.size() + " of " + expected);
    }

    @Test
    void theBigScreenTileHasEveryLayerWithData() throws Exception {
        JtsMvt all = decode(get("/tiles/all/" + tile + ".mvt").body());
        assertTrue(
                all.getLayersByName().keySet().containsAll(Set.of("streets", "communities", "grids", "buildings")),
                all.getLayersByName().keySet().toString());
    }

    @Test
    void emptyTilesAre204AndUnchangedTilesAre304() throws Exception {
        assertEquals(204, get("/tiles/grids/15/0/0.mvt").statusCode());
        HttpResponse<byte[]> first = get("/tiles/grids/" + tile + ".mvt");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertEquals(
                304, get("/tiles/grids/" + tile + ".mvt", "If-None-Match", etag).statusCode());
        assertTrue(first.headers().firstValue("Cache-Control").orElse("").contains("max-age"));
        assertEquals(400, get("/tiles/grids/15/99999/0.mvt").statusCode());
        assertEquals(404, get("/tiles/roads/" + tile + ".mvt").statusCode());
    }

    @Test
    void aNewReportReachesItsTilesAndNothingElseIsRedrawn() throws Exception {
        Grid g = result.grids().get(20);
        Coordinate c = g.geometry().getInteriorPoint().getCoordinate();
        String before = get("/tiles/grids/" + tile + ".mvt")
                .headers()
                .firstValue("ETag")
                .orElseThrow();
        get("/tiles/grids/15/0/1.mvt");
        int cached = server.tileCache().size();
        HttpResponse<String> posted = TestHttp.client()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/api/v1/reports"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"id\":\"t1\",\"category\":\"litter\",\"lon\":" + c.x + ",\"lat\":" + c.y
                                                + "}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(201, posted.statusCode(), posted.body());
        assertTrue(
                server.tileCache().size() < cached && server.tileCache().size() >= 1,
                "only the touched tiles were dropped");
        HttpResponse<byte[]> after = get("/tiles/all/" + tile + ".mvt");
        assertEquals(1, decode(after.body()).getLayer("reports").getGeometries().size());
        assertNotEquals(
                before,
                get("/tiles/grids/" + tile + ".mvt")
                        .headers()
                        .firstValue("ETag")
                        .orElseThrow(),
                "the grid's report count changed");
    }

    @Test
    void tileJsonPngTilesAndThePrintableCommunityMap() throws Exception {
        JsonNode tj = new ObjectMapper().readTree(get("/tiles/grids.json").body());
        assertEquals("3.0.0", tj.get("tilejson").asText());
        assertTrue(tj.get("tiles").get(0).asText().endsWith("/tiles/grids/{z}/{x}/{y}.mvt"));
        assertEquals("grids", tj.get("vector_layers").get(0).get("id").asText());
        HttpResponse<byte[]> png = get("/tiles/grids/" + tile + ".png");
        assertEquals("image/png", png.headers().firstValue("Content-Type").orElse(""));
        assertTrue(
                javax.imageio.ImageIO.read(new ByteArrayInputStream(png.body())).getWidth() == 256);
        HttpResponse<byte[]> poster =
                get("/api/v1/communities/" + result.grids().get(0).communityCode() + "/map.png");
        assertEquals(200, poster.statusCode());
        assertTrue(javax.imageio.ImageIO.read(new ByteArrayInputStream(poster.body()))
                        .getWidth()
                > 800);
    }

    @Test
    void gdalReadsAServedTile() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                Files.isExecutable(Path.of("/usr/bin/ogrinfo")), "GDAL is installed by scripts/test.sh");
        Path file = dir.resolve("mvt/" + tile.z() + "/" + tile.x() + "/" + tile.y() + ".pbf");
        Files.createDirectories(file.getParent());
        Files.write(file, get("/tiles/all/" + tile + ".mvt").body());
        Process p = new ProcessBuilder("/usr/bin/ogrinfo", "-ro", "-al", "-so", file.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
        assertTrue(out.contains("Layer name: grids") && out.contains("households"), out);
    }
}
