package org.gridatlas.engine.geom;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

class LocalProjectionTest {
    private final LocalProjection p = new LocalProjection(119.6, 39.93);

    @Test
    void oneDegreeOfLatitudeIsAbout111Km() {
        Geometry line = Geoms.LONLAT.createLineString(
                new Coordinate[] {new Coordinate(119.6, 39.93), new Coordinate(119.6, 40.93)});
        assertEquals(111_195, p.toMetres(line).getLength(), 5);
    }

    @Test
    void roundTripsToWithinAMillimetre() {
        Geometry pt = Geoms.LONLAT.createPoint(new Coordinate(119.612345678, 39.931234567));
        Coordinate back = p.toLonLat(p.toMetres(pt)).getCoordinate();
        assertEquals(119.612345678, back.x, 1e-8);
        assertEquals(39.931234567, back.y, 1e-8);
    }

    @Test
    void lonLatOutputIsNotHeldToTheMetricGrid() {
        Geometry square = Geoms.METRIC.createPolygon(new Coordinate[] {
            new Coordinate(0, 0),
            new Coordinate(10, 0),
            new Coordinate(10, 10),
            new Coordinate(0, 10),
            new Coordinate(0, 0)
        });
        Geometry lonLat = p.toLonLat(square);
        assertEquals(Geoms.LONLAT.getPrecisionModel(), lonLat.getPrecisionModel());
        Coordinate centre = lonLat.getInteriorPoint().getCoordinate();
        assertEquals(
                119.6 + 5 / p.metresPerDegreeX(), centre.x, 1e-9, "an operation on the output keeps full precision");
    }
}
