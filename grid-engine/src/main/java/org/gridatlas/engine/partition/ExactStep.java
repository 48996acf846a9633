package org.gridatlas.engine.partition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridatlas.engine.partition.exact.Division;
import org.gridatlas.engine.partition.exact.DivisionProblem;
import org.gridatlas.engine.partition.exact.ExactDivider;

/**
 * The seam between the heuristic partition and the exact solver: the units the heuristic ended
 * on, as a {@link DivisionProblem}, solved from the heuristic's labels; the better division is kept.
 */
final class ExactStep {
    /** Boundary off roads and rivers is counted in decimetres. */
    private static final double COST_PER_METRE = 10;

    private final ExactDivider divider;

    ExactStep(Duration limit) {
        this.divider = new ExactDivider(limit);
    }

    /**
     * The better division of the units with households; a piece of the community without any (cut
     * off by campuses, joined to one later) keeps its heuristic grid, numbered after the others.
     */
    Division improve(UnitGraph g, List<List<Atom>> atomsOfUnit, int[] component, int components, Bounds bounds) {
        int[] piece = g.components();
        long[] households = new long[g.size()];
        for (int u = 0; u < g.size(); u++) households[piece[u]] += g.weight[u];
        int[] index = new int[g.size()];
        List<Integer> kept = new ArrayList<>();
        for (int u = 0; u < g.size(); u++) {
            index[u] = households[piece[u]] > 0 ? kept.size() : -1;
            if (index[u] >= 0) kept.add(u);
        }
        int[] heuristic = new int[kept.size()];
        for (int i = 0; i < heuristic.length; i++) heuristic[i] = component[kept.get(i)];
        int[] renumber = new int[components];
        java.util.Arrays.fill(renumber, -1);
        int grids = 0;
        for (int i = 0; i < heuristic.length; i++) {
            if (renumber[heuristic[i]] < 0) renumber[heuristic[i]] = grids++;
            heuristic[i] = renumber[heuristic[i]];
        }
        Division d = divider.improve(problem(g, index, kept, atomsOfUnit, bounds), heuristic, grids);
        int[] label = new int[g.size()];
        int next = d.grids();
        int[] empty = new int[components];
        java.util.Arrays.fill(empty, -1);
        for (int u = 0; u < g.size(); u++) {
            if (index[u] >= 0) label[u] = d.label()[index[u]];
            else label[u] = empty[component[u]] >= 0 ? empty[component[u]] : (empty[component[u]] = next++);
        }
        return new Division(label, next, d.score(), d.lowerBound(), d.proof());
    }

    /** The problem over the units {@code kept} ({@code index}: a unit's number in it, or -1). */
    private static DivisionProblem problem(
            UnitGraph g, int[] index, List<Integer> kept, List<List<Atom>> atomsOfUnit, Bounds bounds) {
        List<DivisionProblem.Edge> edges = new ArrayList<>();
        int[] weight = new int[kept.size()];
        for (int i = 0; i < weight.length; i++) {
            int a = kept.get(i);
            weight[i] = g.weight[a];
            for (UnitGraph.Link l : g.links(a)) {
                if (l.other() <= a) continue;
                double off = l.length() * (1 - l.barrierShare());
                edges.add(new DivisionProblem.Edge(i, index[l.other()], Math.round(off * COST_PER_METRE)));
            }
        }
        // a compound within the maximum is one atom, so in one unit; said again so the model holds it whole
        Map<String, Set<Integer>> unitsOfCompound = new LinkedHashMap<>();
        for (int i = 0; i < weight.length; i++) {
            for (Atom a : atomsOfUnit.get(kept.get(i))) {
                if (a.compoundId() != null && !a.fromSplitCompound())
                    unitsOfCompound
                            .computeIfAbsent(a.compoundId(), k -> new LinkedHashSet<>())
                            .add(i);
            }
        }
        List<int[]> together = new ArrayList<>();
        for (Set<Integer> units : unitsOfCompound.values())
            if (units.size() > 1)
                together.add(units.stream().mapToInt(Integer::intValue).toArray());
        return new DivisionProblem(weight, edges, together, new DivisionProblem.Range(bounds.min(), bounds.max()));
    }
}
