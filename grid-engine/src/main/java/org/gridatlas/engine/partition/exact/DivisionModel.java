package org.gridatlas.engine.partition.exact;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import com.google.ortools.sat.Literal;
import java.util.ArrayList;
import java.util.List;
import org.gridatlas.engine.partition.Bounds;

/**
 * The CP-SAT model of a division into at most {@code grids} grids. Grid k holds the units u with
 * {@code x[u][k]}; a used grid has exactly one root, and a single-commodity flow that runs only
 * along edges inside a grid carries one unit of supply from the root to every other unit, so every
 * grid is connected by shared edges. A unit over the maximum is a grid of its own (as the heuristic
 * makes it). Grids are numbered in the order of their roots, so that a division has one labelling.
 */
final class DivisionModel {
    final CpModel model = new CpModel();
    final DivisionProblem problem;
    final int grids;
    final BoolVar[][] x;
    final BoolVar[][] root;
    final BoolVar[] used;
    final BoolVar[] out;
    final IntVar[] deviation;
    /** Per edge of the problem: its units are in different grids. */
    final BoolVar[] cut;
    /** Per edge, the flow from a to b and from b to a. */
    final IntVar[][] flow;

    final LinearExpr outCount;
    final LinearExpr totalDeviation;
    final LinearExpr boundary;

    DivisionModel(DivisionProblem p, int grids) {
        this.problem = p;
        this.grids = grids;
        int n = p.size();
        x = new BoolVar[n][grids];
        root = new BoolVar[n][grids];
        used = new BoolVar[grids];
        out = new BoolVar[grids];
        deviation = new IntVar[grids];
        cut = new BoolVar[p.edges().size()];
        flow = new IntVar[p.edges().size()][2];
        for (int k = 0; k < grids; k++) used[k] = model.newBoolVar("used" + k);
        for (int u = 0; u < n; u++) {
            for (int k = 0; k < grids; k++) {
                x[u][k] = model.newBoolVar("x" + u + "_" + k);
                root[u][k] = model.newBoolVar("r" + u + "_" + k);
                model.addImplication(x[u][k], used[k]);
                model.addImplication(root[u][k], x[u][k]);
            }
            model.addExactlyOne(x[u]);
        }
        for (int k = 0; k < grids; k++) {
            BoolVar[] roots = new BoolVar[n];
            for (int u = 0; u < n; u++) roots[u] = root[u][k];
            model.addEquality(LinearExpr.sum(roots), used[k]);
        }
        orderGrids();
        linkCuts();
        outCount = bounds();
        totalDeviation = LinearExpr.sum(deviation);
        long[] costs = p.edges().stream().mapToLong(DivisionProblem.Edge::cost).toArray();
        boundary = LinearExpr.weightedSum(cut, costs);
        isolateHeavy();
    }

    /** The whole model: every grid connected by shared edges, every group of units in one grid. */
    static DivisionModel full(DivisionProblem p, int grids) {
        DivisionModel m = new DivisionModel(p, grids);
        m.connect();
        m.keepTogether();
        return m;
    }

    /**
     * One labelling per division: a grid's root is its lowest unit, and grids are numbered in the
     * order of their roots. {@code seen[u][k]}: grid k holds a unit of 0..u.
     */
    private void orderGrids() {
        int n = problem.size();
        BoolVar[][] seen = new BoolVar[n][grids];
        for (int u = 0; u < n; u++) {
            for (int k = 0; k < grids; k++) {
                seen[u][k] = model.newBoolVar("s" + u + "_" + k);
                model.addImplication(x[u][k], seen[u][k]);
                if (u == 0) {
                    model.addEquality(seen[u][k], x[u][k]);
                    model.addEquality(root[u][k], x[u][k]);
                    if (k > 0) model.addEquality(x[u][k], 0);
                    continue;
                }
                model.addImplication(seen[u - 1][k], seen[u][k]);
                model.addBoolOr(new Literal[] {seen[u][k].not(), seen[u - 1][k], x[u][k]});
                model.addImplication(root[u][k], seen[u - 1][k].not());
                model.addBoolOr(new Literal[] {x[u][k].not(), seen[u - 1][k], root[u][k]});
                // grid k's root comes before grid k+1's
                if (k > 0) model.addImplication(seen[u][k], seen[u - 1][k - 1]);
            }
        }
        for (int k = 0; k < grids; k++) model.addEquality(used[k], seen[n - 1][k]);
    }

    private void linkCuts() {
        List<DivisionProblem.Edge> edges = problem.edges();
        for (int e = 0; e < edges.size(); e++) {
            int a = edges.get(e).a(), b = edges.get(e).b();
            cut[e] = model.newBoolVar("cut" + e);
            for (int k = 0; k < grids; k++) {
                model.addBoolOr(new Literal[] {x[a][k].not(), x[b][k].not(), cut[e].not()});
                model.addBoolOr(new Literal[] {x[a][k].not(), x[b][k], cut[e]});
            }
        }
    }

    /** Each grid's households against the bounds; returns the number of grids out of bounds. */
    private LinearExpr bounds() {
        Bounds b = problem.bounds();
        long total = problem.total();
        long[] weights =
                java.util.Arrays.stream(problem.weight()).asLongStream().toArray();
        for (int k = 0; k < grids; k++) {
            out[k] = model.newBoolVar("out" + k);
            deviation[k] = model.newIntVar(0, Math.max(total, b.min()), "dev" + k);
            LinearExpr load = LinearExpr.weightedSum(x(k), weights);
            model.addImplication(out[k], used[k]);
            model.addLinearConstraint(load, b.min(), b.max()).onlyEnforceIf(new Literal[] {used[k], out[k].not()});
            // deviation >= min·used − load and >= load − max
            model.addGreaterOrEqual(
                    LinearExpr.newBuilder().add(deviation[k]).add(load).addTerm(used[k], -b.min()), 0);
            model.addGreaterOrEqual(LinearExpr.newBuilder().add(deviation[k]).addTerm(load, -1), -b.max());
        }
        return LinearExpr.sum(out);
    }

    /** A unit over the maximum is a grid alone: merging two such buildings would count one grid out, not two. */
    private void isolateHeavy() {
        int n = problem.size();
        for (int u = 0; u < n; u++) {
            if (problem.weight()[u] <= problem.bounds().max()) continue;
            for (int k = 0; k < grids; k++)
                model.addEquality(LinearExpr.sum(x(k)), 1).onlyEnforceIf(x[u][k]);
        }
    }

    /**
     * Contiguity: the flow runs only along edges inside a grid; every unit but a root takes in one
     * more than it passes on, which only a root can supply.
     */
    void connect() {
        int n = problem.size();
        List<DivisionProblem.Edge> edges = problem.edges();
        List<List<IntVar>> inflow = new ArrayList<>(), outflow = new ArrayList<>();
        for (int u = 0; u < n; u++) {
            inflow.add(new ArrayList<>());
            outflow.add(new ArrayList<>());
        }
        for (int e = 0; e < edges.size(); e++) {
            int a = edges.get(e).a(), b = edges.get(e).b();
            for (int d = 0; d < 2; d++) {
                flow[e][d] = model.newIntVar(0, n - 1, "f" + e + "_" + d);
                // no flow across a grid boundary
                model.addLessOrEqual(LinearExpr.newBuilder().add(flow[e][d]).addTerm(cut[e], n - 1), n - 1);
            }
            outflow.get(a).add(flow[e][0]);
            inflow.get(b).add(flow[e][0]);
            outflow.get(b).add(flow[e][1]);
            inflow.get(a).add(flow[e][1]);
        }
        for (int u = 0; u < n; u++) {
            LinearExprBuilder balance = LinearExpr.newBuilder();
            inflow.get(u).forEach(balance::add);
            outflow.get(u).forEach(f -> balance.addTerm(f, -1));
            for (int k = 0; k < grids; k++) balance.addTerm(root[u][k], n);
            model.addGreaterOrEqual(balance, 1);
        }
    }

    /** Each group of units (a compound, a hamlet) in one grid. */
    void keepTogether() {
        for (int[] group : problem.together()) {
            for (int i = 1; i < group.length; i++) {
                for (int k = 0; k < grids; k++) model.addEquality(x[group[0]][k], x[group[i]][k]);
            }
        }
    }

    /** Hints a labelling (every grid connected): the solver starts from it. */
    void hint(int[] label) {
        model.clearHints();
        int n = problem.size();
        int[] order = gridsByRoot(label);
        int[] k = new int[n];
        for (int u = 0; u < n; u++) k[u] = order[label[u]];
        List<List<int[]>> adjacent = new ArrayList<>();
        for (int u = 0; u < n; u++) adjacent.add(new ArrayList<>());
        List<DivisionProblem.Edge> edges = problem.edges();
        for (int e = 0; e < edges.size(); e++) {
            int a = edges.get(e).a(), b = edges.get(e).b();
            boolean across = k[a] != k[b];
            model.addHint(cut[e], across ? 1 : 0);
            if (!across) {
                adjacent.get(a).add(new int[] {b, e, 0});
                adjacent.get(b).add(new int[] {a, e, 1});
            }
        }
        boolean[] isRoot = new boolean[n];
        boolean[] seen = new boolean[grids];
        for (int u = 0; u < n; u++) {
            if (!seen[k[u]]) isRoot[u] = seen[k[u]] = true;
            for (int g = 0; g < grids; g++) {
                model.addHint(x[u][g], k[u] == g ? 1 : 0);
                model.addHint(root[u][g], k[u] == g && isRoot[u] ? 1 : 0);
            }
        }
        long[] load = new long[grids];
        for (int u = 0; u < n; u++) load[k[u]] += problem.weight()[u];
        Bounds b = problem.bounds();
        for (int g = 0; g < grids; g++) {
            model.addHint(used[g], seen[g] ? 1 : 0);
            boolean outside = seen[g] && !b.contains((int) Math.min(Integer.MAX_VALUE, load[g]));
            model.addHint(out[g], outside ? 1 : 0);
            model.addHint(deviation[g], seen[g] ? b.deviation((int) Math.min(Integer.MAX_VALUE, load[g])) : 0);
        }
        hintFlows(isRoot, adjacent);
    }

    /** Grid numbers in the order of each grid's lowest unit (its root in the hint). */
    private int[] gridsByRoot(int[] label) {
        int max = 0;
        for (int l : label) max = Math.max(max, l);
        int[] order = new int[max + 1];
        java.util.Arrays.fill(order, -1);
        int next = 0;
        for (int l : label) if (order[l] < 0) order[l] = next++;
        return order;
    }

    /** Flows of a breadth-first tree from each root: what passes an edge is the subtree beyond it. */
    private void hintFlows(boolean[] isRoot, List<List<int[]>> adjacent) {
        if (flow.length == 0 || flow[0][0] == null) return;
        int n = problem.size();
        long[][] f = new long[flow.length][2];
        int[] parentEdge = new int[n], parentDir = new int[n];
        java.util.Arrays.fill(parentEdge, -1);
        boolean[] reached = new boolean[n];
        List<Integer> order = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            if (!isRoot[r]) continue;
            java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>(List.of(r));
            reached[r] = true;
            while (!queue.isEmpty()) {
                int u = queue.poll();
                order.add(u);
                for (int[] a : adjacent.get(u)) {
                    if (reached[a[0]]) continue;
                    reached[a[0]] = true;
                    parentEdge[a[0]] = a[1];
                    parentDir[a[0]] = a[2];
                    queue.add(a[0]);
                }
            }
        }
        long[] subtree = new long[n];
        for (int i = order.size() - 1; i >= 0; i--) {
            int u = order.get(i);
            subtree[u] += isRoot[u] ? 0 : 1;
            if (parentEdge[u] < 0) continue;
            f[parentEdge[u]][parentDir[u]] = subtree[u];
            int e = parentEdge[u];
            int parent = parentDir[u] == 0
                    ? problem.edges().get(e).a()
                    : problem.edges().get(e).b();
            subtree[parent] += subtree[u];
        }
        for (int e = 0; e < flow.length; e++) for (int d = 0; d < 2; d++) model.addHint(flow[e][d], f[e][d]);
    }

    BoolVar[] x(int k) {
        BoolVar[] col = new BoolVar[problem.size()];
        for (int u = 0; u < col.length; u++) col[u] = x[u][k];
        return col;
    }
}
