package org.gridatlas.engine.lookup;

import java.util.List;
import org.gridatlas.engine.model.Grid;

/**
 * Which grid a lon/lat point lies in, from memory. A point exactly on a shared boundary belongs to
 * every grid it touches; the answer names the one with the lowest code (the same on every call) and
 * lists the others. Implementations give the same answers; they differ in speed and memory.
 */
public interface GridLocator {
    /** The grid a point is in and, for a point on a boundary, the other grids it touches. */
    record Hit(Grid grid, boolean onBoundary, List<Grid> alsoTouching) {}

    /** Another grid within the asked distance of the point, in metres. */
    record Candidate(Grid grid, double metres) {}

    /**
     * A full answer: the grid (null outside coverage), the other grids within the distance asked,
     * and outside coverage the nearest grid and how far it is.
     */
    record Lookup(Grid grid, boolean onBoundary, List<Candidate> nearby, Grid nearest, double nearestMetres) {
        public boolean outside() {
            return grid == null;
        }
    }

    /** The grid holding the point, or null outside every grid. */
    Hit locate(double lon, double lat);

    /** The grid, the other grids within {@code nearMetres}, and outside coverage the nearest grid. */
    Lookup lookup(double lon, double lat, double nearMetres);

    /** How many grids it holds. */
    int size();
}
