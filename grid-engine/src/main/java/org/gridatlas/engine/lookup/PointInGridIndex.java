package org.gridatlas.engine.lookup;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.gridatlas.engine.model.Grid;
import org.gridatlas.engine.model.GridLevel;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Answers which grid a lon/lat point lies in, from memory: an STR-tree over the grids' envelopes
 * and an indexed point-in-polygon locator per grid. A point exactly on a shared boundary belongs
 * to every grid it touches; the answer then names the one with the lowest code, so it is the same
 * on every call, and lists the others.
 */
public final class PointInGridIndex {
    /** The grid a point is in and, for a point on a boundary, the other grids it touches. */
    public record Hit(Grid grid, boolean onBoundary, List<Grid> alsoTouching) {}

    private record Entry(Grid grid, IndexedPointInAreaLocator locator) {}

    private final STRtree tree = new STRtree();

    public PointInGridIndex(List<Grid> grids) {
        for (Grid g : grids) {
            if (g.level() != GridLevel.GRID) continue;
            tree.insert(g.geometry().getEnvelopeInternal(), new Entry(g, new IndexedPointInAreaLocator(g.geometry())));
        }
        tree.build();
    }

    /** The grid holding the point, or null outside every grid. */
    public Hit locate(double lon, double lat) {
        Coordinate p = new Coordinate(lon, lat);
        List<Grid> inside = new ArrayList<>();
        List<Grid> boundary = new ArrayList<>();
        for (Object o : tree.query(new Envelope(p))) {
            Entry e = (Entry) o;
            int loc = e.locator().locate(p);
            if (loc == Location.INTERIOR) inside.add(e.grid());
            else if (loc == Location.BOUNDARY) boundary.add(e.grid());
        }
        if (!inside.isEmpty()) {
            inside.sort(Comparator.comparing(Grid::code));
            return new Hit(inside.get(0), false, List.of());
        }
        if (boundary.isEmpty()) return null;
        boundary.sort(Comparator.comparing(Grid::code));
        return new Hit(boundary.get(0), true, List.copyOf(boundary.subList(1, boundary.size())));
    }
}
