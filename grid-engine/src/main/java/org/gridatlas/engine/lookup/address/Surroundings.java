package org.gridatlas.engine.lookup.address;

import java.util.List;
import java.util.TreeSet;
import org.gridatlas.engine.lookup.GridLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;

/**
 * Where a crossing of two roads or a landmark leads: the grid at a point (the corner of the
 * crossing, the landmark's gate or side), or the grids around it as candidates when the point does
 * not decide, with the distance that drew them.
 */
final class Surroundings {
    /** How far around a crossing the candidates are drawn, in metres. */
    static final double AROUND_M = 60;
    /** How far into the block a corner of a crossing is taken, in metres (east and north alike). */
    private static final double CORNER_M = 40;
    /** The corner's grid must be the only one this near its point, in metres: else the corner does not decide. */
    private static final double CORNER_CLEAR_M = 25;
    /** A gate's grid must be the only one this near it, in metres. */
    private static final double GATE_CLEAR_M = 5;

    /** An answer: one grid, or none with the candidates and why. */
    record Answer(String grid, List<String> candidates, String reason) {}

    /** A compass direction as east and north parts (东北 → 1, 1). */
    record Direction(String word, int east, int north) {
        static Direction of(String word) {
            if (word == null) return null;
            int e = word.contains("东") ? 1 : word.contains("西") ? -1 : 0;
            int n = word.contains("北") ? 1 : word.contains("南") ? -1 : 0;
            return e == 0 && n == 0 ? null : new Direction(word, e, n);
        }
    }

    private final GridLocator locator;

    Surroundings(GridLocator locator) {
        this.locator = locator;
    }

    /** The grid at a crossing: at its corner when one is named, else the grids within {@link #AROUND_M}. */
    Answer crossing(List<Coordinate> points, Direction corner, String what) {
        if (points.size() > 1) {
            TreeSet<String> grids = new TreeSet<>();
            for (Coordinate p : points) grids.addAll(around(p));
            return new Answer(null, List.copyOf(grids), what + " meet at " + points.size() + " places");
        }
        Coordinate p = points.get(0);
        if (corner != null) {
            Coordinate c = shift(p, corner.east() * CORNER_M, corner.north() * CORNER_M);
            GridLocator.Lookup l = locator.lookup(c.x, c.y, CORNER_CLEAR_M);
            if (l.grid() != null && !l.onBoundary() && l.nearby().isEmpty())
                return new Answer(l.grid().code(), List.of(l.grid().code()), null);
        }
        List<String> grids = around(p);
        if (grids.size() == 1) return new Answer(grids.get(0), grids, null);
        return new Answer(
                null,
                grids,
                grids.isEmpty()
                        ? what + " meet outside every grid"
                        : what + " meet where " + grids.size() + " grids are within " + (int) AROUND_M
                                + " m: name the corner (东北角 …)");
    }

    /** The grid of a landmark: at its gate or side when one is named, else the one it lies in; its grids when it spans several. */
    Answer landmark(Geometry shape, Direction side, String name) {
        Coordinate centre = shape.getInteriorPoint().getCoordinate();
        if (!(shape instanceof Polygonal)) {
            String g = inside(centre);
            if (g != null) return new Answer(g, List.of(g), null);
            List<String> grids = around(centre);
            return new Answer(null, grids, name + " stands where " + grids.size() + " grids meet");
        }
        // points well inside the outline, pulled a fifth of the way from each corner towards its centre
        TreeSet<String> grids = new TreeSet<>();
        for (Coordinate v : shape.getCoordinates()) {
            String g = inside(new Coordinate(v.x + 0.2 * (centre.x - v.x), v.y + 0.2 * (centre.y - v.y)));
            if (g != null) grids.add(g);
        }
        String g = inside(centre);
        if (g != null) grids.add(g);
        if (grids.size() == 1) return new Answer(grids.first(), List.copyOf(grids), null);
        Coordinate gate = side == null ? null : gate(shape, centre, side);
        if (gate != null) {
            GridLocator.Lookup l = locator.lookup(gate.x, gate.y, GATE_CLEAR_M);
            if (l.grid() != null && !l.onBoundary() && l.nearby().isEmpty())
                return new Answer(l.grid().code(), List.copyOf(grids), null);
        }
        return new Answer(
                null,
                List.copyOf(grids),
                grids.isEmpty()
                        ? name + " lies outside every grid"
                        : name + " spans " + grids.size() + " grids: name its gate or side (北门, 东侧 …)");
    }

    /**
     * A gate or side of an outline (北门, 东侧): where a line from its centre in that direction
     * meets the outline, pulled a fifth of the way back in, so the gate's grid is the landmark's own.
     */
    static Coordinate gate(Geometry shape, Coordinate centre, Direction side) {
        double reach = shape.getEnvelopeInternal().getWidth()
                + shape.getEnvelopeInternal().getHeight();
        Geometry ray = shape.getFactory().createLineString(new Coordinate[] {
            centre, new Coordinate(centre.x + side.east() * reach, centre.y + side.north() * reach)
        });
        Coordinate best = null;
        for (Coordinate c : ray.intersection(shape.getBoundary()).getCoordinates())
            if (best == null || c.distance(centre) < best.distance(centre)) best = c;
        return best == null
                ? null
                : new Coordinate(best.x + 0.2 * (centre.x - best.x), best.y + 0.2 * (centre.y - best.y));
    }

    /** The grid a point lies inside, null on a boundary or outside. */
    private String inside(Coordinate p) {
        GridLocator.Hit hit = locator.locate(p.x, p.y);
        return hit == null || hit.onBoundary() ? null : hit.grid().code();
    }

    private List<String> around(Coordinate p) {
        GridLocator.Lookup l = locator.lookup(p.x, p.y, AROUND_M);
        if (l.grid() == null) return List.of();
        TreeSet<String> grids = new TreeSet<>();
        grids.add(l.grid().code());
        l.nearby().forEach(c -> grids.add(c.grid().code()));
        return List.copyOf(grids);
    }

    private static Coordinate shift(Coordinate p, double east, double north) {
        return new Coordinate(p.x + east / (111_320 * Math.cos(Math.toRadians(p.y))), p.y + north / 110_540);
    }
}
