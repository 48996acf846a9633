package org.gridatlas.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtReader;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.TagKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import org.gridatlas.engine.geom.ChinaCrs;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

class MvtRendererTest {
    static final GeometryFactory GF = new GeometryFactory();

    static Geometry box(double lon0, double lat0, double lon1, double lat1) {
        return GF.createPolygon(new Coordinate[] {
            new Coordinate(lon0, lat0),
            new Coordinate(lon1, lat0),
            new Coordinate(lon1, lat1),
            new Coordinate(lon0, lat1),
            new Coordinate(lon0, lat0)
        });
    }

    static JtsMvt decode(byte[] b) throws Exception {
        return MvtReader.loadMvt(
                new ByteArrayInputStream(b), GF, new TagKeyValueMapConverter(), MvtReader.RING_CLASSIFIER_V2_1);
    }

    private final TileLayer grids = new TileLayer(
            "grids",
            10,
            List.of(
                    new TileFeature(
                            box(119.600, 39.930, 119.605, 39.934),
                            Map.of("code", "130302001001001", "households", 420)),
                    new TileFeature(
                            box(119.605, 39.930, 119.610, 39.934),
                            Map.of("code", "130302001001002", "households", 380))));

    @Test
    void tilesCarryLayersAttributesAndStayWithinTheBufferedExtent() throws Exception {
        TileId t = TileId.covering(box(119.6, 39.93, 119.6, 39.93).getEnvelopeInternal(), 14)
                .get(0);
        byte[] b = new MvtRenderer().render(List.of(grids), t, ChinaCrs.WGS84);
        assertNotNull(b);
        JtsMvt mvt = decode(b);
        JtsLayer layer = mvt.getLayer("grids");
        assertEquals(2, layer.getGeometries().size());
        for (Geometry g : layer.getGeometries()) {
            Map<?, ?> tags = (Map<?, ?>) g.getUserData();
            assertTrue(tags.get("code").toString().startsWith("130302001001"));
            assertTrue(((Number) tags.get("households")).intValue() > 300);
            for (Coordinate c : g.getCoordinates()) {
                assertTrue(
                        c.x >= -MvtRenderer.BUFFER
                                && c.x <= 4096 + MvtRenderer.BUFFER
                                && c.y >= -MvtRenderer.BUFFER
                                && c.y <= 4096 + MvtRenderer.BUFFER,
                        c.toString());
            }
        }
    }

    @Test
    void aPolygonAcrossATileEdgeAppearsInBothTilesReachingIntoTheBuffer() throws Exception {
        TileId left = TileId.covering(box(119.6049, 39.932, 119.6049, 39.932).getEnvelopeInternal(), 16)
                .get(0);
        TileId right = new TileId(16, left.x() + 1, left.y());
        TileLayer wide = new TileLayer(
                "grids",
                0,
                List.of(new TileFeature(
                        box(left.lonLat().getMinX(), 39.930, right.lonLat().getMaxX(), 39.934), Map.of("code", "x"))));
        for (TileId t : List.of(left, right)) {
            Geometry g = decode(new MvtRenderer().render(List.of(wide), t, ChinaCrs.WGS84))
                    .getLayer("grids")
                    .getGeometries()
                    .iterator()
                    .next();
            assertTrue(
                    g.getEnvelopeInternal().getMinX() < 0
                            || g.getEnvelopeInternal().getMaxX() > 4096,
                    "clipped beyond the tile edge, into the buffer");
        }
    }

    @Test
    void emptyTilesAndLowZoomsGiveNothing() {
        assertNull(new MvtRenderer().render(List.of(grids), new TileId(14, 0, 0), ChinaCrs.WGS84));
        TileId low = TileId.covering(box(119.6, 39.93, 119.6, 39.93).getEnvelopeInternal(), 8)
                .get(0);
        assertNull(new MvtRenderer().render(List.of(grids), low, ChinaCrs.WGS84), "the layer starts at zoom 10");
    }

    @Test
    void gcj02ShiftsGeometryByHundredsOfMetres() throws Exception {
        TileId t = TileId.covering(box(119.6, 39.93, 119.6, 39.93).getEnvelopeInternal(), 14)
                .get(0);
        Geometry wgs = decode(new MvtRenderer().render(List.of(grids), t, ChinaCrs.WGS84))
                .getLayer("grids")
                .getGeometries()
                .iterator()
                .next();
        byte[] shifted = new MvtRenderer().render(List.of(grids), t, ChinaCrs.GCJ02);
        assertNotNull(shifted, "a shift of hundreds of metres keeps the grid in a tile kilometres wide");
        double metresPerUnit = t.mercator().getWidth() / 4096 * Math.cos(Math.toRadians(39.93));
        Geometry gcj =
                decode(shifted).getLayer("grids").getGeometries().iterator().next();
        assertEquals(((Map<?, ?>) wgs.getUserData()).get("code"), ((Map<?, ?>) gcj.getUserData()).get("code"));
        double d = wgs.getCentroid().distance(gcj.getCentroid()) * metresPerUnit;
        assertTrue(d > 100 && d < 2000, "moved " + d + " m");
    }
}
