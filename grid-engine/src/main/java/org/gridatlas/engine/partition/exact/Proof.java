package org.gridatlas.engine.partition.exact;

/** How much is known about a community's fewest grids out of bounds. */
public enum Proof {
    /** The solver proved that no division has fewer. */
    OPTIMAL("optimal"),
    /** The solver proved a lower bound below what either plan reaches. */
    BOUNDED("bounded"),
    /** Only the heuristic's plan is known (the solver did not run or found nothing in time). */
    HEURISTIC("heuristic");

    public final String wireName;

    Proof(String wireName) {
        this.wireName = wireName;
    }
}
