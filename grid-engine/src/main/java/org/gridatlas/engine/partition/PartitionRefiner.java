package org.gridatlas.engine.partition;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Local improvement of a partition: moves a unit on a grid's edge to the neighbouring grid when
 * that brings grids nearer the household bounds, or else lowers the total cut cost (boundary length, cheap along barriers, dear between
 * buildings) while keeping both grids contiguous and no grid's bounds any worse. Lower cut cost
 * means shorter, straighter boundaries on roads: more compact grids, better barrier alignment.
 */
final class PartitionRefiner {
    private static final int MAX_PASSES = 12;
    private static final double MIN_GAIN = 1e-6;

    private PartitionRefiner() {}

    static void refine(UnitGraph g, int[] component, int components, Bounds bounds) {
        int[] total = new int[components];
        int[] members = new int[components];
        for (int u = 0; u < g.size(); u++) {
            total[component[u]] += g.weight[u];
            members[component[u]]++;
        }
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            int moves = 0;
            for (int u = 0; u < g.size(); u++) {
                int from = component[u];
                if (members[from] == 1) continue;
                int best = -1;
                int bestDev = 0;
                double bestGain = MIN_GAIN;
                double stay = 0;
                for (UnitGraph.Link l : g.links(u)) if (component[l.other()] == from) stay += l.cutCost();
                for (UnitGraph.Link l : g.links(u)) {
                    int to = component[l.other()];
                    if (to == from || to == best) continue;
                    double gain = -stay;
                    for (UnitGraph.Link m : g.links(u)) if (component[m.other()] == to) gain += m.cutCost();
                    int w = g.weight[u];
                    // first bring grids nearer the bounds, then shorten boundaries without making any grid worse
                    int dev = bounds.deviation(total[from])
                            + bounds.deviation(total[to])
                            - bounds.deviation(total[from] - w)
                            - bounds.deviation(total[to] + w);
                    boolean better = dev > bestDev || (dev == bestDev && gain > bestGain);
                    if (better && (dev > 0 || (dev == 0 && allowed(bounds, total[from], total[to], w)))) {
                        best = to;
                        bestDev = dev;
                        bestGain = gain;
                    }
                }
                if (best >= 0 && staysConnected(g, component, u)) {
                    component[u] = best;
                    total[from] -= g.weight[u];
                    total[best] += g.weight[u];
                    members[from]--;
                    members[best]++;
                    moves++;
                }
            }
            if (moves == 0) break;
        }
    }

    /**
     * Merges a grid below the minimum into the neighbouring grid where that most lowers the total
     * distance from the bounds (a 40-household pocket beside a 510-household tower: one grid of 550
     * is less wrong than 40 and 510).
     */
    static void mergePockets(UnitGraph g, int[] component, int components, Bounds bounds) {
        int[] total = new int[components];
        for (int u = 0; u < g.size(); u++) total[component[u]] += g.weight[u];
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int c = 0; c < components; c++) {
                if (total[c] >= bounds.min() || !present(component, c)) continue;
                int best = -1;
                int bestGain = 0;
                for (int u = 0; u < g.size(); u++) {
                    if (component[u] != c) continue;
                    for (UnitGraph.Link l : g.links(u)) {
                        int h = component[l.other()];
                        if (h == c) continue;
                        int gain = bounds.deviation(total[c])
                                + bounds.deviation(total[h])
                                - bounds.deviation(total[c] + total[h]);
                        if (gain > bestGain) {
                            bestGain = gain;
                            best = h;
                        }
                    }
                }
                if (best < 0) continue;
                for (int u = 0; u < g.size(); u++) if (component[u] == c) component[u] = best;
                total[best] += total[c];
                total[c] = 0;
                changed = true;
            }
        }
    }

    private static boolean present(int[] component, int c) {
        for (int x : component) if (x == c) return true;
        return false;
    }

    /** Neither grid's distance from the bounds may grow. */
    static boolean allowed(Bounds b, int from, int to, int w) {
        return b.deviation(from - w) <= b.deviation(from) && b.deviation(to + w) <= b.deviation(to);
    }

    /** Whether u's grid stays connected without u (search from one neighbour, reach all the others). */
    static boolean staysConnected(UnitGraph g, int[] component, int u) {
        int c = component[u];
        int start = -1, needed = 0;
        for (UnitGraph.Link l : g.links(u)) {
            if (component[l.other()] == c) {
                if (start < 0) start = l.other();
                needed++;
            }
        }
        if (needed <= 1) return true;
        java.util.HashSet<Integer> seen = new java.util.HashSet<>();
        Deque<Integer> queue = new ArrayDeque<>();
        queue.add(start);
        seen.add(start);
        seen.add(u);
        int found = 0;
        while (!queue.isEmpty()) {
            int x = queue.poll();
            if (g.link(x, u) != null && ++found == needed) return true;
            for (UnitGraph.Link l : g.links(x)) {
                if (component[l.other()] == c && seen.add(l.other())) queue.add(l.other());
            }
        }
        return false;
    }
}
