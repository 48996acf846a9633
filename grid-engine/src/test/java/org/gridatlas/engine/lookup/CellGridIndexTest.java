package org.gridatlas.engine.lookup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.gridatlas.engine.Delineator;
import org.gridatlas.engine.TestData;
import org.gridatlas.engine.model.Grid;
import org.gridatlas.engine.partition.Bounds;
import org.gridatlas.fixtures.Slow;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

/**
 * A differential test: the cell index gives exactly the exact locator's answers — grid, boundary,
 * candidates within 10 m with their distances, nearest grid outside coverage — on over a million
 * points: uniform over and around the coverage, on every vertex, on every edge, a hair either side
 * of edges. And most points inside are answered from a cell (the same prepared answer each time).
 */
@Slow
class CellGridIndexTest {
    @Test
    void sameAnswersAsTheExactLocatorOnAMillionPoints() {
        List<Grid> grids = new Delineator(new Bounds(100, 300))
                .delineate(TestData.blocksAndRoad())
                .grids();
        List<Grid> more = new ArrayList<>(grids);
        PointInGridIndex exact = new PointInGridIndex(more);
        CellGridIndex cells = new CellGridIndex(exact).ready();
        Envelope extent = new Envelope();
        grids.forEach(g -> extent.expandToInclude(g.geometry().getEnvelopeInternal()));
        List<double[]> points = new ArrayList<>();
        SplittableRandom rnd = new SplittableRandom(7);
        double w = extent.getWidth(), h = extent.getHeight();
        while (points.size() < 1_000_000) {
            points.add(new double[] {
                extent.getMinX() - 0.1 * w + rnd.nextDouble() * 1.2 * w,
                extent.getMinY() - 0.1 * h + rnd.nextDouble() * 1.2 * h
            });
        }
        for (Grid g : grids) {
            Coordinate[] cs = g.geometry().getCoordinates();
            for (int i = 0; i + 1 < cs.length; i++) {
                points.add(new double[] {cs[i].x, cs[i].y});
                for (double t : new double[] {0.25, 0.5, 0.75}) {
                    double x = cs[i].x + t * (cs[i + 1].x - cs[i].x), y = cs[i].y + t * (cs[i + 1].y - cs[i].y);
                    points.add(new double[] {x, y});
                    points.add(new double[] {x + 1e-9, y - 1e-9});
                    points.add(new double[] {x - 1e-9, y + 1e-9});
                }
            }
        }
        int fromCell = 0, inCoverage = 0, differences = 0;
        String first = null;
        for (double[] p : points) {
            GridLocator.Lookup a = cells.lookup(p[0], p[1], 10), b = exact.lookup(p[0], p[1], 10);
            GridLocator.Hit ha = cells.locate(p[0], p[1]), hb = exact.locate(p[0], p[1]);
            if (!a.equals(b) || !java.util.Objects.equals(ha, hb)) {
                differences++;
                if (first == null) first = "at " + p[0] + "," + p[1] + ": " + a + " vs " + b;
            }
            if (a == cells.lookup(p[0], p[1], 5)) fromCell++;
            if (b.grid() != null) inCoverage++;
        }
        assertEquals(0, differences, first);
        assertTrue(points.size() > 1_000_000);
        assertTrue(
                fromCell > 0.5 * inCoverage,
                "most points in coverage answered from a cell: " + fromCell + " of " + inCoverage + "; "
                        + cells.describe());
        double qx = extent.getMinX() + w / 4, qy = extent.getMinY() + h / 4;
        assertEquals(
                exact.lookup(qx, qy, 50), cells.lookup(qx, qy, 50), "a wider candidate distance asks the exact index");
        assertSame(
                cells.lookup(qx, qy, 10),
                cells.lookup(qx, qy, 10),
                "a cell's answer is prepared once: nothing is allocated per lookup");
    }
}
