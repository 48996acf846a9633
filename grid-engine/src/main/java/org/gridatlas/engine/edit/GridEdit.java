package org.gridatlas.engine.edit;

import java.util.List;
import java.util.Set;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/** A planner's change to the grids of one community. */
public sealed interface GridEdit {
    /** Buildings (whole, with their compound) move from their grid to a neighbouring one. */
    record MoveBuildings(List<String> buildingIds, String toGrid) implements GridEdit {}

    /** One grid is divided by the planner into grids within the bounds (two, usually). */
    record SplitGrid(String grid) implements GridEdit {}

    /**
     * One grid is cut in two along a line drawn across it (lon/lat): each building goes to the side
     * its centre lies on, and the new boundary runs in the gaps between buildings.
     */
    record SplitAlong(String grid, LineString line) implements GridEdit {}

    /**
     * A grid's boundary is replaced by one drawn by hand (lon/lat): buildings whose centre lies in
     * it join the grid, its other buildings go to the neighbour nearest to them, and the boundaries
     * are re-drawn between buildings so that buildings stay whole and the community stays tiled.
     */
    record Redraw(String grid, Polygon boundary) implements GridEdit {}

    /** Two neighbouring grids become one. */
    record MergeGrids(String first, String second) implements GridEdit {}

    /** The community is delineated again; the locked grids stay exactly as they are. */
    record Rerun(Set<String> locked) implements GridEdit {}
}
