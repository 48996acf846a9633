package org.gridatlas.engine.partition.exact;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import com.google.ortools.sat.Literal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The CP-SAT model of a division, without a variable per unit and grid: each grid is a tree of
 * shared edges hanging from its root, its lowest unit. {@code label[u]} is the root of u's grid; a
 * unit that is no root has one parent arc, along which it takes its grid's label. Along each tree
 * arc flow the households and the number of units of the subtree beyond it: the households arrive
 * at the root as the grid's total, and the unit count (one more at every step towards the root)
 * rules out cycles, so every grid is connected by shared edges. No grid holds two units over the
 * maximum (as the heuristic keeps them).
 */
final class DivisionModel {
    final CpModel model = new CpModel();
    final DivisionProblem problem;
    final IntVar[] label;
    final BoolVar[] root;
    /** Per edge, the tree arc from a to b (0) and from b to a (1). */
    final BoolVar[][] arc;

    final IntVar[][] households;
    final IntVar[][] units;
    /** A root's grid's households (0 for a unit that is no root). */
    final IntVar[] load;

    final BoolVar[] out;
    final IntVar[] deviation;
    /** Per edge of the problem: its units are in different grids. */
    final BoolVar[] cut;

    final LinearExpr outCount;
    final LinearExpr totalDeviation;
    final LinearExpr boundary;

    DivisionModel(DivisionProblem p) {
        this.problem = p;
        int n = p.size(), m = p.edges().size();
        long total = p.total();
        label = new IntVar[n];
        root = new BoolVar[n];
        load = new IntVar[n];
        out = new BoolVar[n];
        deviation = new IntVar[n];
        arc = new BoolVar[m][2];
        households = new IntVar[m][2];
        units = new IntVar[m][2];
        cut = new BoolVar[m];
        for (int u = 0; u < n; u++) {
            label[u] = model.newIntVar(0, u, "label" + u);
            root[u] = model.newBoolVar("root" + u);
            model.addEquality(label[u], u).onlyEnforceIf(root[u]);
            model.addDifferent(label[u], u).onlyEnforceIf(root[u].not());
            load[u] = model.newIntVar(0, total, "load" + u);
        }
        List<List<int[]>> in = new ArrayList<>(), outOf = new ArrayList<>();
        for (int u = 0; u < n; u++) {
            in.add(new ArrayList<>());
            outOf.add(new ArrayList<>());
        }
        for (int e = 0; e < m; e++) {
            int a = p.edges().get(e).a(), b = p.edges().get(e).b();
            cut[e] = model.newBoolVar("cut" + e);
            model.addEquality(label[a], label[b]).onlyEnforceIf(cut[e].not());
            model.addDifferent(label[a], label[b]).onlyEnforceIf(cut[e]);
            for (int d = 0; d < 2; d++) {
                arc[e][d] = model.newBoolVar("arc" + e + "_" + d);
                households[e][d] = model.newIntVar(0, total, "h" + e + "_" + d);
                units[e][d] = model.newIntVar(0, n, "c" + e + "_" + d);
                model.addImplication(arc[e][d], cut[e].not());
                model.addLessOrEqual(
                        LinearExpr.newBuilder().add(households[e][d]).addTerm(arc[e][d], -total), 0);
                model.addLessOrEqual(LinearExpr.newBuilder().add(units[e][d]).addTerm(arc[e][d], -n), 0);
                model.addGreaterOrEqual(LinearExpr.newBuilder().add(units[e][d]).addTerm(arc[e][d], -1), 0);
            }
            outOf.get(a).add(new int[] {e, 0});
            in.get(b).add(new int[] {e, 0});
            outOf.get(b).add(new int[] {e, 1});
            in.get(a).add(new int[] {e, 1});
        }
        for (int u = 0; u < n; u++) {
            // a unit that is no root has one parent; what arrives through it is the subtree at u
            LinearExprBuilder parents = LinearExpr.newBuilder().add(root[u]);
            LinearExprBuilder hh = LinearExpr.newBuilder().add(load[u]);
            LinearExprBuilder count = LinearExpr.newBuilder();
            for (int[] a : in.get(u)) {
                parents.add(arc[a[0]][a[1]]);
                hh.add(households[a[0]][a[1]]);
                count.add(units[a[0]][a[1]]);
            }
            for (int[] a : outOf.get(u)) {
                hh.addTerm(households[a[0]][a[1]], -1);
                count.addTerm(units[a[0]][a[1]], -1);
            }
            model.addEquality(parents, 1);
            model.addEquality(hh, p.weight()[u]);
            // a root's unit count is free (what it takes in is nothing); every other unit passes on one less
            model.addEquality(count, 1).onlyEnforceIf(root[u].not());
            model.addLessOrEqual(LinearExpr.newBuilder().add(load[u]).addTerm(root[u], -total), 0);
        }
        outCount = bounds();
        totalDeviation = LinearExpr.sum(deviation);
        long[] costs = p.edges().stream().mapToLong(DivisionProblem.Edge::cost).toArray();
        boundary = LinearExpr.weightedSum(cut, costs);
        separateHeavy();
        keepTogether();
    }

    /** Each root's grid against the bounds; returns the number of grids out of bounds. */
    private LinearExpr bounds() {
        DivisionProblem.Range b = problem.bounds();
        long total = problem.total();
        for (int u = 0; u < problem.size(); u++) {
            out[u] = model.newBoolVar("out" + u);
            deviation[u] = model.newIntVar(0, Math.max(total, b.min()), "dev" + u);
            model.addImplication(out[u], root[u]);
            model.addLinearConstraint(load[u], b.min(), b.max()).onlyEnforceIf(new Literal[] {root[u], out[u].not()});
            // deviation >= min·root − load and >= load − max
            model.addGreaterOrEqual(
                    LinearExpr.newBuilder().add(deviation[u]).add(load[u]).addTerm(root[u], -b.min()), 0);
            model.addGreaterOrEqual(LinearExpr.newBuilder().add(deviation[u]).addTerm(load[u], -1), -b.max());
        }
        return LinearExpr.sum(out);
    }

    /**
     * No two units over the maximum in a grid: each is out of bounds anyway, and together they
     * would count as one grid out but make a grid of twice the size.
     */
    private void separateHeavy() {
        List<IntVar> heavy = new ArrayList<>();
        for (int u = 0; u < problem.size(); u++)
            if (problem.weight()[u] > problem.bounds().max()) heavy.add(label[u]);
        if (heavy.size() > 1) model.addAllDifferent(heavy.toArray(IntVar[]::new));
    }

    /** Each group of units (a compound, a hamlet) in one grid. */
    private void keepTogether() {
        for (int[] group : problem.together())
            for (int i = 1; i < group.length; i++) model.addEquality(label[group[0]], label[group[i]]);
    }

    /** Hints a labelling whose grids are connected: the solver starts from it. */
    void hint(int[] grid) {
        model.clearHints();
        int n = problem.size();
        int[] rootOf = new int[n];
        java.util.Arrays.fill(rootOf, -1);
        int[] lowest = new int[n];
        java.util.Arrays.fill(lowest, -1);
        for (int u = 0; u < n; u++) {
            if (lowest[grid[u]] < 0) lowest[grid[u]] = u;
            rootOf[u] = lowest[grid[u]];
        }
        List<List<int[]>> inside = new ArrayList<>();
        for (int u = 0; u < n; u++) inside.add(new ArrayList<>());
        List<DivisionProblem.Edge> edges = problem.edges();
        for (int e = 0; e < edges.size(); e++) {
            int a = edges.get(e).a(), b = edges.get(e).b();
            boolean across = rootOf[a] != rootOf[b];
            model.addHint(cut[e], across ? 1 : 0);
            if (!across) {
                inside.get(a).add(new int[] {b, e, 0});
                inside.get(b).add(new int[] {a, e, 1});
            }
        }
        // breadth-first trees from each root; each arc carries the subtree beyond it
        int[] parentEdge = new int[n], parentDir = new int[n];
        java.util.Arrays.fill(parentEdge, -1);
        boolean[] reached = new boolean[n];
        List<Integer> order = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            if (rootOf[r] != r) continue;
            ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(r));
            reached[r] = true;
            while (!queue.isEmpty()) {
                int u = queue.poll();
                order.add(u);
                for (int[] a : inside.get(u)) {
                    if (reached[a[0]]) continue;
                    reached[a[0]] = true;
                    parentEdge[a[0]] = a[1];
                    parentDir[a[0]] = a[2];
                    queue.add(a[0]);
                }
            }
        }
        long[] hh = new long[n], count = new long[n];
        long[][] arcHh = new long[edges.size()][2], arcCount = new long[edges.size()][2];
        boolean[][] isArc = new boolean[edges.size()][2];
        for (int i = order.size() - 1; i >= 0; i--) {
            int u = order.get(i);
            hh[u] += problem.weight()[u];
            count[u] += 1;
            if (parentEdge[u] < 0) continue;
            int e = parentEdge[u], d = parentDir[u];
            isArc[e][d] = true;
            arcHh[e][d] = hh[u];
            arcCount[e][d] = count[u];
            int parent = d == 0 ? edges.get(e).a() : edges.get(e).b();
            hh[parent] += hh[u];
            count[parent] += count[u];
        }
        DivisionProblem.Range b = problem.bounds();
        for (int u = 0; u < n; u++) {
            boolean isRoot = rootOf[u] == u;
            long l = isRoot ? hh[u] : 0;
            model.addHint(label[u], rootOf[u]);
            model.addHint(root[u], isRoot ? 1 : 0);
            model.addHint(load[u], l);
            model.addHint(out[u], isRoot && (l < b.min() || l > b.max()) ? 1 : 0);
            model.addHint(deviation[u], isRoot ? (l < b.min() ? b.min() - l : Math.max(0, l - b.max())) : 0);
        }
        for (int e = 0; e < edges.size(); e++) {
            for (int d = 0; d < 2; d++) {
                model.addHint(arc[e][d], isArc[e][d] ? 1 : 0);
                model.addHint(households[e][d], arcHh[e][d]);
                model.addHint(units[e][d], arcCount[e][d]);
            }
        }
    }
}
