package org.gridatlas.tiles;

import static org.gridatlas.tiles.MvtRendererTest.GF;
import static org.gridatlas.tiles.MvtRendererTest.decode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKTReader;

/** Tiles written by {@link MvtWriter}, read back by the mapbox-vector-tile-java decoder. */
class MvtWriterTest {
    private static Geometry wkt(String s) throws Exception {
        return new WKTReader(GF).read(s);
    }

    @Test
    void polygonsKeepHolesAndWindingWhateverTheInputOrientation() throws Exception {
        // world pixels of tile (x=2, y=3): origin (8192, 12288); the shell is given counter-clockwise, the hole
        // clockwise
        Geometry withHole = wkt(
                "POLYGON ((8292 12388, 8292 12788, 8692 12788, 8692 12388, 8292 12388), (8392 12488, 8592 12488, 8592 12688, 8392 12688, 8392 12488))");
        MvtWriter w = new MvtWriter(4096);
        w.layer("grids");
        w.add(withHole, 8192, 12288, Map.of("code", "g1", "households", 420, "flagged", false, "share", 0.5));
        JtsLayer layer = decode(w.bytes()).getLayer("grids");
        Polygon p = (Polygon) layer.getGeometries().iterator().next();
        assertEquals(1, p.getNumInteriorRing(), "the hole is a hole of the same polygon");
        assertEquals(400 * 400 - 200 * 200, p.getArea(), 0.0);
        assertEquals(new Coordinate(300, 300), p.getEnvelopeInternal().centre(), "shifted by the origin");
        Map<?, ?> tags = (Map<?, ?>) p.getUserData();
        assertEquals("g1", tags.get("code"));
        assertEquals(420L, ((Number) tags.get("households")).longValue());
        assertEquals(false, tags.get("flagged"));
        assertEquals(0.5, ((Number) tags.get("share")).doubleValue(), 0.0);
    }

    @Test
    void aMultiPolygonIsOneFeatureAndRepeatedPointsAndSliversAreDropped() throws Exception {
        Geometry two = wkt(
                "MULTIPOLYGON (((0 0, 10 0, 10 0, 10 10, 0 10, 0 0)), ((20 0, 30 0, 30 10, 20 10, 20 0)), ((40 0, 50 0, 60 0, 40 0)))");
        MvtWriter w = new MvtWriter(4096);
        w.layer("grids");
        w.add(two, 0, 0, Map.of("code", "g2"));
        List<Geometry> features =
                new ArrayList<>(decode(w.bytes()).getLayer("grids").getGeometries());
        assertEquals(1, features.size());
        assertEquals(2, features.get(0).getNumGeometries(), "the zero-area part is left out");
        assertEquals(200, features.get(0).getArea(), 0.0);
    }

    @Test
    void pointsAndLinesAndEmptyTiles() throws Exception {
        MvtWriter w = new MvtWriter(4096);
        w.layer("reports");
        w.add(wkt("POINT (4100 4200)"), 4096, 4096, Map.of("id", "r1"));
        w.layer("roads");
        w.add(wkt("LINESTRING (0 0, 0 0, 100 50, 200 50)"), 0, 0, Map.of());
        w.layer("nothing");
        var mvt = decode(w.bytes());
        Geometry point = mvt.getLayer("reports").getGeometries().iterator().next();
        assertEquals(new Coordinate(4, 104), point.getCoordinate());
        Geometry line = mvt.getLayer("roads").getGeometries().iterator().next();
        assertEquals(3, line.getNumPoints());
        assertNull(mvt.getLayer("nothing"), "a layer without features is not written");
        MvtWriter empty = new MvtWriter(4096);
        empty.layer("grids");
        assertNull(empty.bytes());
    }
}
