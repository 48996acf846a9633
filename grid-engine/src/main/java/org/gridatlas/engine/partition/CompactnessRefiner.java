package org.gridatlas.engine.partition;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Makes grids rounder once the household bounds are met: moves a unit on a grid's edge to the
 * neighbouring grid when that raises the two grids' Polsby–Popper compactness (4πA/P²), keeping
 * both grids contiguous, neither further from the bounds, and adding no boundary off barriers
 * beyond what the move removes (so grids keep to roads). Where one unit alone gains nothing, a
 * few of its grid's units go with it: an arm of a grid rounds both grids off only when it moves
 * whole. Areas and perimeters are kept per grid and updated per move, so a move is judged from
 * its units' links alone.
 */
final class CompactnessRefiner {
    private static final int MAX_PASSES = 20;
    /** A move must gain at least this much compactness (summed over the two grids) to be made. */
    private static final double MIN_GAIN = 1e-4;
    /** The most units one move takes along. */
    private static final int MAX_GROUP = 6;

    private final UnitGraph g;
    private final int[] component;
    private final Bounds bounds;
    private final int[] total;
    private final int[] members;
    private final double[] area;
    private final double[] perimeter;

    private CompactnessRefiner(UnitGraph g, int[] component, int components, Bounds bounds) {
        this.g = g;
        this.component = component;
        this.bounds = bounds;
        this.total = new int[components];
        this.members = new int[components];
        this.area = new double[components];
        this.perimeter = new double[components];
        for (int u = 0; u < g.size(); u++) {
            int c = component[u];
            total[c] += g.weight[u];
            members[c]++;
            area[c] += g.area[u];
            perimeter[c] += g.outer[u];
            for (UnitGraph.Link l : g.links(u)) if (component[l.other()] != c) perimeter[c] += l.length();
        }
    }

    static void refine(UnitGraph g, int[] component, int components, Bounds bounds) {
        new CompactnessRefiner(g, component, components, bounds).run();
    }

    private void run() {
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            int moves = 0;
            for (int u = 0; u < g.size(); u++) if (tryMove(u)) moves++;
            if (moves == 0) return;
        }
    }

    /**
     * Moves u to a neighbouring grid, with up to {@link #MAX_GROUP} - 1 of its own grid's units
     * grown greedily from it where one unit alone gains nothing: an arm of a grid (a park along a
     * road) rounds both grids off only when it moves whole.
     */
    private boolean tryMove(int u) {
        int from = component[u];
        Move best = null;
        Set<Integer> tried = new HashSet<>();
        for (UnitGraph.Link l : g.links(u)) {
            int to = component[l.other()];
            // across a virtual link (between a community's islands) there is no boundary to round off
            if (l.virtual() || to == from || !tried.add(to)) continue;
            Move m = gainingGroup(u, from, to);
            if (m != null && (best == null || m.gain > best.gain)) best = m;
        }
        if (best == null) return false;
        for (int v : best.units) component[v] = best.to;
        int w = 0;
        double a = 0;
        for (int v : best.units) {
            w += g.weight[v];
            a += g.area[v];
        }
        total[from] -= w;
        total[best.to] += w;
        members[from] -= best.units.size();
        members[best.to] += best.units.size();
        area[from] -= a;
        area[best.to] += a;
        perimeter[from] = best.fromPerimeter;
        perimeter[best.to] = best.toPerimeter;
        return true;
    }

    private record Move(int to, List<Integer> units, double gain, double fromPerimeter, double toPerimeter) {}

    /**
     * Grows a group from u, a unit of `from` at a time (the one that makes the move gain most),
     * until moving it to `to` gains: that move, or null when none of {@link #MAX_GROUP} units does.
     */
    private Move gainingGroup(int u, int from, int to) {
        List<Integer> group = new ArrayList<>(List.of(u));
        Set<Integer> inGroup = new HashSet<>(group);
        Move step = evaluate(group, inGroup, from, to);
        while (true) {
            if (step != null && step.gain > MIN_GAIN && staysConnected(inGroup, from)) return step;
            if (group.size() == MAX_GROUP) return null;
            Move next = null;
            int add = -1;
            for (int v : List.copyOf(group)) {
                for (UnitGraph.Link l : g.links(v)) {
                    int x = l.other();
                    if (l.virtual() || component[x] != from || inGroup.contains(x)) continue;
                    group.add(x);
                    inGroup.add(x);
                    Move m = evaluate(group, inGroup, from, to);
                    group.remove(group.size() - 1);
                    inGroup.remove(x);
                    if (m != null && (next == null || m.gain > next.gain)) {
                        next = m;
                        add = x;
                    }
                }
            }
            if (add < 0) return null;
            group.add(add);
            inGroup.add(add);
            step = next;
        }
    }

    /** The move of the group from one grid to another, or null when the household bounds forbid it or nothing would be left. */
    private Move evaluate(List<Integer> group, Set<Integer> inGroup, int from, int to) {
        if (members[from] <= group.size()) return null;
        int w = 0;
        // opened, closed: boundary off barriers that the move makes and that it removes
        double a = 0, outer = 0, staying = 0, leaving = 0, joining = 0, opened = 0, closed = 0;
        for (int v : group) {
            w += g.weight[v];
            a += g.area[v];
            outer += g.outer[v];
            for (UnitGraph.Link l : g.links(v)) {
                int x = l.other();
                if (inGroup.contains(x)) continue;
                int c = component[x];
                if (c == from) staying += l.length();
                else leaving += l.length();
                if (c == to) joining += l.length();
                if (c == from) opened += l.length() * (1 - l.barrierShare());
                if (c == to) closed += l.length() * (1 - l.barrierShare());
            }
        }
        // grid boundaries stay on roads: a move may not add boundary off barriers (between buildings) beyond what it
        // removes
        if (opened > closed + 1e-9) return null;
        if (!PartitionRefiner.allowed(bounds, total[from], total[to], w)) return null;
        // the group's boundary with `to` stops being a grid boundary, its boundary with `from` becomes one
        double fromP = perimeter[from] - outer - leaving + staying;
        double toP = perimeter[to] + outer + leaving - joining + staying - joining;
        double gain = pp(area[from] - a, fromP)
                + pp(area[to] + a, toP)
                - pp(area[from], perimeter[from])
                - pp(area[to], perimeter[to]);
        return new Move(to, List.copyOf(group), gain, fromP, toP);
    }

    /** Whether the rest of the grid stays connected when the group leaves it. */
    private boolean staysConnected(Set<Integer> leaving, int grid) {
        int start = -1, left = 0;
        for (int v = 0; v < g.size(); v++) {
            if (component[v] != grid || leaving.contains(v)) continue;
            if (start < 0) start = v;
            left++;
        }
        if (start < 0) return false;
        boolean[] seen = new boolean[g.size()];
        ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(start));
        seen[start] = true;
        int reached = 0;
        while (!queue.isEmpty()) {
            int v = queue.poll();
            reached++;
            for (UnitGraph.Link l : g.links(v)) {
                int x = l.other();
                if (!seen[x] && component[x] == grid && !leaving.contains(x)) {
                    seen[x] = true;
                    queue.add(x);
                }
            }
        }
        return reached == left;
    }

    private static double pp(double area, double perimeter) {
        return perimeter > 0 ? 4 * Math.PI * area / (perimeter * perimeter) : 0;
    }
}
