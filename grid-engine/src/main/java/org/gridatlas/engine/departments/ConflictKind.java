package org.gridatlas.engine.departments;

/** What does not fit between a department's units and the unified grids. */
public enum ConflictKind {
    /** A unit boundary divides a grid's households: buildings on both sides (named in the detail). */
    GRID_SPLIT("grid_split"),
    /** A unit boundary crosses a grid's land, every building on one side: lines to agree on, nobody moves. */
    BOUNDARY_CUTS_GRID("boundary_cuts_grid"),
    /** Part of a grid lies in none of the department's units. */
    GAP("gap"),
    /** Two of the department's own units overlap. */
    OVERLAP("overlap"),
    /** Part of a unit lies outside the unified grids. */
    OUTSIDE_COVERAGE("outside_coverage");

    public final String wireName;

    ConflictKind(String wireName) {
        this.wireName = wireName;
    }
}
