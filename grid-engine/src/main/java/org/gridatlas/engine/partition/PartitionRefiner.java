package org.gridatlas.engine.partition;

/**
 * Local improvement of a partition: moves a unit on a grid's edge to the neighbouring grid when
 * that brings grids nearer the household bounds, or else lowers the total cut cost (boundary
 * length, cheap along barriers, dear between buildings) while keeping both grids contiguous and no
 * grid's bounds any worse. Lower cut cost means shorter, straighter boundaries on roads: more
 * compact grids, better barrier alignment.
 */
final class PartitionRefiner {
    private static final int MAX_PASSES = 12;
    private static final double MIN_GAIN = 1e-6;

    private PartitionRefiner() {}

    static void refine(Components grids, Bounds bounds) {
        UnitGraph graph = grids.graph();
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            int moves = 0;
            for (int unit = 0; unit < graph.size(); unit++) {
                int from = grids.gridOf(unit);
                if (grids.members(from) == 1) continue;
                int best = -1;
                int bestDeviationGain = 0;
                double bestCutGain = MIN_GAIN;
                double stayingCut = 0;
                for (UnitGraph.Link link : graph.links(unit))
                    if (grids.gridOf(link.other()) == from) stayingCut += link.cutCost();
                for (UnitGraph.Link link : graph.links(unit)) {
                    int to = grids.gridOf(link.other());
                    if (to == from || to == best) continue;
                    double cutGain = -stayingCut;
                    for (UnitGraph.Link other : graph.links(unit))
                        if (grids.gridOf(other.other()) == to) cutGain += other.cutCost();
                    int weight = graph.weight[unit];
                    int fromHouseholds = grids.households(from), toHouseholds = grids.households(to);
                    // first bring grids nearer the bounds, then shorten boundaries without making any grid worse
                    int deviationGain = bounds.deviation(fromHouseholds)
                            + bounds.deviation(toHouseholds)
                            - bounds.deviation(fromHouseholds - weight)
                            - bounds.deviation(toHouseholds + weight);
                    boolean better = deviationGain > bestDeviationGain
                            || (deviationGain == bestDeviationGain && cutGain > bestCutGain);
                    if (better
                            && (deviationGain > 0
                                    || (deviationGain == 0
                                            && Components.noFurtherFromBounds(
                                                    bounds, fromHouseholds, toHouseholds, weight)))) {
                        best = to;
                        bestDeviationGain = deviationGain;
                        bestCutGain = cutGain;
                    }
                }
                if (best >= 0 && grids.staysConnectedWithout(unit)) {
                    grids.move(unit, best);
                    moves++;
                }
            }
            if (moves == 0) break;
        }
    }
}
