package org.gridatlas.engine.partition;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * A partition of a unit graph into grids, with each grid's households and number of units kept
 * as units move: the one bookkeeping the refiners share. The grid of each unit is the array it
 * was made over, changed in place.
 */
final class Components {
    private final UnitGraph graph;
    private final int[] gridOf;
    private final int[] households;
    private final int[] members;

    private Components(UnitGraph graph, int[] gridOf, int grids) {
        this.graph = graph;
        this.gridOf = gridOf;
        this.households = new int[grids];
        this.members = new int[grids];
        for (int unit = 0; unit < graph.size(); unit++) {
            households[gridOf[unit]] += graph.weight[unit];
            members[gridOf[unit]]++;
        }
    }

    /** {@code gridOf}: each unit's grid, 0 to {@code grids} - 1; the moves change it. */
    static Components of(UnitGraph graph, int[] gridOf, int grids) {
        return new Components(graph, gridOf, grids);
    }

    UnitGraph graph() {
        return graph;
    }

    /** How many grids there are room for (a grid emptied by a merge keeps its number, holding nothing). */
    int grids() {
        return households.length;
    }

    int gridOf(int unit) {
        return gridOf[unit];
    }

    /** The households of a grid (for a village, its weight: thousandths of the village). */
    int households(int grid) {
        return households[grid];
    }

    int members(int grid) {
        return members[grid];
    }

    void move(int unit, int to) {
        int from = gridOf[unit];
        gridOf[unit] = to;
        households[from] -= graph.weight[unit];
        households[to] += graph.weight[unit];
        members[from]--;
        members[to]++;
    }

    /** Whether the unit's grid stays connected without it (searched from one neighbour, reaching all the others). */
    boolean staysConnectedWithout(int unit) {
        int grid = gridOf[unit];
        int start = -1, needed = 0;
        for (UnitGraph.Link link : graph.links(unit)) {
            if (gridOf[link.other()] == grid) {
                if (start < 0) start = link.other();
                needed++;
            }
        }
        if (needed <= 1) return true;
        Set<Integer> seen = new HashSet<>();
        Deque<Integer> queue = new ArrayDeque<>();
        queue.add(start);
        seen.add(start);
        seen.add(unit);
        int found = 0;
        while (!queue.isEmpty()) {
            int next = queue.poll();
            if (graph.link(next, unit) != null && ++found == needed) return true;
            for (UnitGraph.Link link : graph.links(next)) {
                if (gridOf[link.other()] == grid && seen.add(link.other())) queue.add(link.other());
            }
        }
        return false;
    }

    /** Whether the rest of a grid stays connected, and holds a unit, when these units leave it. */
    boolean staysConnectedWithout(Set<Integer> leaving, int grid) {
        int start = -1, left = 0;
        for (int unit = 0; unit < graph.size(); unit++) {
            if (gridOf[unit] != grid || leaving.contains(unit)) continue;
            if (start < 0) start = unit;
            left++;
        }
        if (start < 0) return false;
        boolean[] seen = new boolean[graph.size()];
        Deque<Integer> queue = new ArrayDeque<>();
        queue.add(start);
        seen[start] = true;
        int reached = 0;
        while (!queue.isEmpty()) {
            int next = queue.poll();
            reached++;
            for (UnitGraph.Link link : graph.links(next)) {
                int other = link.other();
                if (!seen[other] && gridOf[other] == grid && !leaving.contains(other)) {
                    seen[other] = true;
                    queue.add(other);
                }
            }
        }
        return reached == left;
    }

    /** Whether a move of this weight leaves neither grid further from the bounds. */
    static boolean noFurtherFromBounds(Bounds bounds, int fromHouseholds, int toHouseholds, int weight) {
        return bounds.deviation(fromHouseholds - weight) <= bounds.deviation(fromHouseholds)
                && bounds.deviation(toHouseholds + weight) <= bounds.deviation(toHouseholds);
    }
}
