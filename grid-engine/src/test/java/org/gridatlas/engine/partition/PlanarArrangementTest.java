package org.gridatlas.engine.partition;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.gridatlas.engine.TestData;
import org.gridatlas.engine.geom.Geoms;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;

class PlanarArrangementTest {
    @Test
    void aCrossCutsASquareIntoFourTaggedNeighbours() {
        Polygon square = TestData.rect(0, 0, 100, 100);
        List<PlanarArrangement.TaggedLine> lines =
                new ArrayList<>(PlanarArrangement.linesOf(square.getBoundary(), EdgeTag.BOUNDARY));
        // the roads overshoot the square: the parts outside make no faces
        lines.addAll(PlanarArrangement.linesOf(
                Geoms.METRIC.createLineString(new Coordinate[] {new Coordinate(50, -10), new Coordinate(50, 110)}),
                EdgeTag.MAJOR));
        lines.addAll(PlanarArrangement.linesOf(
                Geoms.METRIC.createLineString(new Coordinate[] {new Coordinate(-10, 50), new Coordinate(110, 50)}),
                EdgeTag.MINOR));
        PlanarArrangement a = PlanarArrangement.build(lines, square);
        assertEquals(4, a.faces().size());
        assertEquals(10_000, a.faces().stream().mapToDouble(Polygon::getArea).sum(), 1e-6);
        assertEquals(4, a.adjacencies().size(), "each quarter touches two others along a road");
        double major = 0, minor = 0;
        for (PlanarArrangement.Adjacency adj : a.adjacencies()) {
            major += adj.lengthByTag()[EdgeTag.MAJOR.ordinal()];
            minor += adj.lengthByTag()[EdgeTag.MINOR.ordinal()];
        }
        assertEquals(100, major, 1e-6);
        assertEquals(100, minor, 1e-6);
    }

    @Test
    void aDeadEndRoadMakesNoExtraFace() {
        Polygon square = TestData.rect(0, 0, 100, 100);
        List<PlanarArrangement.TaggedLine> lines =
                new ArrayList<>(PlanarArrangement.linesOf(square.getBoundary(), EdgeTag.BOUNDARY));
        lines.addAll(PlanarArrangement.linesOf(
                Geoms.METRIC.createLineString(new Coordinate[] {new Coordinate(50, 0), new Coordinate(50, 60)}),
                EdgeTag.MINOR));
        assertEquals(1, PlanarArrangement.build(lines, square).faces().size());
    }
}
