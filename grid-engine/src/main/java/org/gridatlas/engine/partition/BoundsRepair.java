package org.gridatlas.engine.partition;

/**
 * Brings a grid outside the household bounds into them through a neighbour that is full (or, for a
 * grid short of households, one that cannot spare any): the neighbour first passes a unit on to a
 * grid of its own neighbours, then takes the unit from (or gives it to) the grid out of bounds. One
 * unit moves at a time, no grid ends further from the bounds, and every grid stays contiguous. The
 * refiner's single moves cannot find these: the first move of such a chain gains nothing alone.
 */
final class BoundsRepair {
    private static final int MAX_PASSES = 4;

    private final Components grids;
    private final UnitGraph graph;
    private final Bounds bounds;

    private BoundsRepair(Components grids, Bounds bounds) {
        this.grids = grids;
        this.graph = grids.graph();
        this.bounds = bounds;
    }

    static void repair(Components grids, Bounds bounds) {
        new BoundsRepair(grids, bounds).run();
    }

    private void run() {
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            boolean changed = false;
            for (int unit = 0; unit < graph.size(); unit++) {
                int from = grids.gridOf(unit);
                if (graph.weight[unit] == 0) continue;
                for (UnitGraph.Link link : graph.links(unit)) {
                    int to = grids.gridOf(link.other());
                    if (link.virtual() || to == from) continue;
                    // the unit leaves an over-full grid, or joins one short of households
                    boolean over = grids.households(from) > bounds.max(), under = grids.households(to) < bounds.min();
                    if ((over || under) && chain(unit, from, to)) {
                        changed = true;
                        break;
                    }
                }
            }
            if (!changed) return;
        }
    }

    /**
     * Moves the unit from `from` to `to` after one other unit moves between a third grid and one of
     * the two: out of `to` (making room) or into `from` (refilling it). Made only when no grid ends
     * further from the bounds and the three together end nearer; undone otherwise.
     */
    private boolean chain(int unit, int from, int to) {
        if (!grids.staysConnectedWithout(unit)) return false;
        for (int passed = 0; passed < graph.size(); passed++) {
            if (passed == unit || graph.weight[passed] == 0) continue;
            int home = grids.gridOf(passed);
            if (grids.members(home) == 1) continue;
            for (UnitGraph.Link link : graph.links(passed)) {
                int other = grids.gridOf(link.other());
                if (link.virtual() || other == home) continue;
                // the passed unit out of `to` into a third grid, or from a third grid into `from`
                boolean room = home == to && other != from, refill = other == from && home != to && home != from;
                if (!room && !refill) continue;
                int third = room ? other : home;
                if (!improves(from, to, third, graph.weight[unit], graph.weight[passed], room)) continue;
                if (!grids.staysConnectedWithout(passed)) continue;
                grids.move(passed, other);
                if (grids.members(from) > 1 && adjacent(unit, to) && grids.staysConnectedWithout(unit)) {
                    grids.move(unit, to);
                    return true;
                }
                grids.move(passed, home);
            }
        }
        return false;
    }

    /** Whether the two moves leave no grid further from the bounds and the three nearer together. */
    private boolean improves(int from, int to, int third, int unitWeight, int passedWeight, boolean room) {
        int fromAfter = grids.households(from) - unitWeight + (room ? 0 : passedWeight),
                toAfter = grids.households(to) + unitWeight - (room ? passedWeight : 0),
                thirdAfter = grids.households(third) + (room ? passedWeight : -passedWeight);
        int fromDeviation = bounds.deviation(fromAfter),
                toDeviation = bounds.deviation(toAfter),
                thirdDeviation = bounds.deviation(thirdAfter);
        int fromBefore = bounds.deviation(grids.households(from)),
                toBefore = bounds.deviation(grids.households(to)),
                thirdBefore = bounds.deviation(grids.households(third));
        return fromDeviation <= fromBefore
                && toDeviation <= toBefore
                && thirdDeviation <= thirdBefore
                && fromDeviation + toDeviation + thirdDeviation < fromBefore + toBefore + thirdBefore;
    }

    private boolean adjacent(int unit, int grid) {
        for (UnitGraph.Link link : graph.links(unit))
            if (grids.gridOf(link.other()) == grid && !link.virtual()) return true;
        return false;
    }
}
