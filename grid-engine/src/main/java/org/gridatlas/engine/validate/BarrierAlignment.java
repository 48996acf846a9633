package org.gridatlas.engine.validate;

import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.operation.distance.IndexedFacetDistance;

/**
 * DATA.md rule 6's measure: of the grid boundary length inside a community (not on its outline),
 * the share that runs within 15 m of a barrier. Measured by sampling each boundary every few metres.
 */
public final class BarrierAlignment {
    public static final double NEAR_BARRIER_M = 15.0;
    /** Boundary within this distance of the community's outline is not internal. */
    private static final double ON_OUTLINE_M = 1.0;

    private static final double STEP_M = 4.0;

    private double internal;
    private double aligned;

    /** Adds the grids of one community (metres) with the barriers near it (may be empty). */
    public void add(Geometry community, List<Geometry> grids, Geometry barriers) {
        IndexedFacetDistance outline = new IndexedFacetDistance(community.getBoundary());
        IndexedFacetDistance near = barriers == null || barriers.isEmpty() ? null : new IndexedFacetDistance(barriers);
        GeometryFactory gf = community.getFactory();
        for (Geometry grid : grids) {
            for (Object o : org.locationtech.jts.geom.util.LinearComponentExtracter.getLines(grid)) {
                Coordinate[] c = ((LineString) o).getCoordinates();
                for (int i = 0; i + 1 < c.length; i++) {
                    double len = c[i].distance(c[i + 1]);
                    int n = Math.max(1, (int) Math.ceil(len / STEP_M));
                    double step = len / n;
                    for (int k = 0; k < n; k++) {
                        double f = (k + 0.5) / n;
                        Point p = gf.createPoint(
                                new Coordinate(c[i].x + (c[i + 1].x - c[i].x) * f, c[i].y + (c[i + 1].y - c[i].y) * f));
                        if (outline.isWithinDistance(p, ON_OUTLINE_M)) continue;
                        internal += step;
                        if (near != null && near.isWithinDistance(p, NEAR_BARRIER_M)) aligned += step;
                    }
                }
            }
        }
    }

    /** The share, 1 when there is no internal boundary at all. */
    public double share() {
        return internal == 0 ? 1.0 : aligned / internal;
    }
}
