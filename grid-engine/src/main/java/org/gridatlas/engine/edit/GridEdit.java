package org.gridatlas.engine.edit;

import java.util.List;
import java.util.Set;

/** A planner's change to the grids of one community. */
public sealed interface GridEdit {
    /** Buildings (whole, with their compound) move from their grid to a neighbouring one. */
    record MoveBuildings(List<String> buildingIds, String toGrid) implements GridEdit {}

    /** One grid is divided by the planner into grids within the bounds (two, usually). */
    record SplitGrid(String grid) implements GridEdit {}

    /** Two neighbouring grids become one. */
    record MergeGrids(String first, String second) implements GridEdit {}

    /** The community is delineated again; the locked grids stay exactly as they are. */
    record Rerun(Set<String> locked) implements GridEdit {}
}
