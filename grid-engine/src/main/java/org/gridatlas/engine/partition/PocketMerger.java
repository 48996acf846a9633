package org.gridatlas.engine.partition;

/**
 * Merges a grid below the minimum into the neighbouring grid where that most lowers the total
 * distance from the bounds (a 40-household pocket beside a 510-household tower: one grid of 550
 * is less wrong than 40 and 510). A merged grid is left empty.
 */
final class PocketMerger {
    private PocketMerger() {}

    static void merge(Components grids, Bounds bounds) {
        UnitGraph graph = grids.graph();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int pocket = 0; pocket < grids.grids(); pocket++) {
                if (grids.households(pocket) >= bounds.min() || grids.members(pocket) == 0) continue;
                int best = -1;
                int bestGain = 0;
                for (int unit = 0; unit < graph.size(); unit++) {
                    if (grids.gridOf(unit) != pocket) continue;
                    for (UnitGraph.Link link : graph.links(unit)) {
                        int neighbour = grids.gridOf(link.other());
                        if (neighbour == pocket) continue;
                        int gain = bounds.deviation(grids.households(pocket))
                                + bounds.deviation(grids.households(neighbour))
                                - bounds.deviation(grids.households(pocket) + grids.households(neighbour));
                        if (gain > bestGain) {
                            bestGain = gain;
                            best = neighbour;
                        }
                    }
                }
                if (best < 0) continue;
                for (int unit = 0; unit < graph.size(); unit++)
                    if (grids.gridOf(unit) == pocket) grids.move(unit, best);
                changed = true;
            }
        }
    }
}
