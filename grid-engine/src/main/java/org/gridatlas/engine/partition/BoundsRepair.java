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

    private final UnitGraph g;
    private final int[] component;
    private final Bounds bounds;
    private final int[] total;
    private final int[] members;

    private BoundsRepair(UnitGraph g, int[] component, int components, Bounds bounds) {
        this.g = g;
        this.component = component;
        this.bounds = bounds;
        this.total = new int[components];
        this.members = new int[components];
        for (int u = 0; u < g.size(); u++) {
            total[component[u]] += g.weight[u];
            members[component[u]]++;
        }
    }

    static void repair(UnitGraph g, int[] component, int components, Bounds bounds) {
        new BoundsRepair(g, component, components, bounds).run();
    }

    private void run() {
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            boolean changed = false;
            for (int u = 0; u < g.size(); u++) {
                int from = component[u];
                if (g.weight[u] == 0) continue;
                for (UnitGraph.Link l : g.links(u)) {
                    int to = component[l.other()];
                    if (l.virtual() || to == from) continue;
                    // u leaves an over-full grid, or joins one short of households
                    boolean over = total[from] > bounds.max(), under = total[to] < bounds.min();
                    if ((over || under) && chain(u, from, to)) {
                        changed = true;
                        break;
                    }
                }
            }
            if (!changed) return;
        }
    }

    /**
     * Moves u from `from` to `to` after one unit v moves between a third grid and one of the two:
     * out of `to` (making room) or into `from` (refilling it). Made only when no grid ends further
     * from the bounds and the three together end nearer; undone otherwise.
     */
    private boolean chain(int u, int from, int to) {
        if (!PartitionRefiner.staysConnected(g, component, u)) return false;
        for (int v = 0; v < g.size(); v++) {
            if (v == u || g.weight[v] == 0) continue;
            int home = component[v];
            if (members[home] == 1) continue;
            for (UnitGraph.Link l : g.links(v)) {
                int other = component[l.other()];
                if (l.virtual() || other == home) continue;
                // v out of `to` into a third grid, or from a third grid into `from`
                boolean room = home == to && other != from, refill = other == from && home != to && home != from;
                if (!room && !refill) continue;
                int third = room ? other : home;
                if (!improves(from, to, third, g.weight[u], g.weight[v], room)) continue;
                if (!PartitionRefiner.staysConnected(g, component, v)) continue;
                move(v, home, other);
                if (members[from] > 1 && adjacent(u, to) && PartitionRefiner.staysConnected(g, component, u)) {
                    move(u, from, to);
                    return true;
                }
                move(v, other, home);
            }
        }
        return false;
    }

    /** Whether the two moves leave no grid further from the bounds and the three nearer together. */
    private boolean improves(int from, int to, int third, int wu, int wv, boolean room) {
        int f = total[from] - wu + (room ? 0 : wv),
                t = total[to] + wu - (room ? wv : 0),
                h = total[third] + (room ? wv : -wv);
        int df = bounds.deviation(f), dt = bounds.deviation(t), dh = bounds.deviation(h);
        int bf = bounds.deviation(total[from]), bt = bounds.deviation(total[to]), bh = bounds.deviation(total[third]);
        return df <= bf && dt <= bt && dh <= bh && df + dt + dh < bf + bt + bh;
    }

    private boolean adjacent(int u, int grid) {
        for (UnitGraph.Link l : g.links(u)) if (component[l.other()] == grid && !l.virtual()) return true;
        return false;
    }

    private void move(int u, int from, int to) {
        component[u] = to;
        total[from] -= g.weight[u];
        total[to] += g.weight[u];
        members[from]--;
        members[to]++;
    }
}
