package org.gridatlas.engine.partition;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TreePartitionerTest {
    private static final Bounds BOUNDS = new Bounds(300, 500);

    /** A path graph (chain) of units with the given weights, as a unit graph. */
    static UnitGraph chain(int... weights) {
        int n = weights.length;
        double[] x = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) x[i] = i * 10;
        UnitGraph g = new UnitGraph(weights, x, y, new double[n], new double[n]);
        for (int i = 0; i + 1 < n; i++) g.addShared(i, i + 1, length(10));
        return g;
    }

    static double[] length(double separator) {
        double[] l = new double[EdgeTag.VALUES.length];
        l[EdgeTag.SEPARATOR.ordinal()] = separator;
        return l;
    }

    /** A random tree-shaped graph: each unit links to one earlier unit, plus some extra links. */
    static UnitGraph randomGraph(SplittableRandom rnd, int n, int maxWeight) {
        int[] w = new int[n];
        double[] x = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = rnd.nextInt(maxWeight + 1);
            x[i] = rnd.nextDouble() * 1000;
            y[i] = rnd.nextDouble() * 1000;
        }
        UnitGraph g = new UnitGraph(w, x, y, new double[n], new double[n]);
        for (int i = 1; i < n; i++) g.addShared(i, rnd.nextInt(i), length(5 + rnd.nextInt(20)));
        for (int k = 0; k < n / 3; k++) {
            int a = rnd.nextInt(n), b = rnd.nextInt(n);
            if (a != b) g.addShared(a, b, length(5));
        }
        return g;
    }

    @Test
    void cutsAChainIntoPiecesWithinBounds() {
        UnitGraph g = chain(200, 200, 200, 200, 200, 200);
        SpanningForest f = SpanningForest.build(g, 1, 0);
        int[] labels = TreePartitioner.unlabelled(g.size());
        TreePartitioner.Result r = new TreePartitioner(BOUNDS, BOUNDS.middle())
                .partition(f, f.roots[0], g.weight, labels, 0)
                .orElseThrow();
        assertEquals(3, r.components(), "1,200 households in pieces of 300 to 500: three of 400");
        assertPiecesWithin(g, labels, r.components());
        assertConnected(g, labels, r.components());
    }

    @Test
    void refusesWhatCannotBeCutWithinBoundsAndLabelsNothing() {
        UnitGraph g = chain(275, 275);
        SpanningForest f = SpanningForest.build(g, 1, 0);
        int[] labels = TreePartitioner.unlabelled(2);
        assertTrue(new TreePartitioner(BOUNDS, BOUNDS.middle())
                .partition(f, f.roots[0], g.weight, labels, 0)
                .isEmpty());
        assertArrayEquals(new int[] {-1, -1}, labels);
    }

    @Test
    void refusesATreeWithAUnitOverTheMaximum() {
        UnitGraph g = chain(400, 501, 400);
        SpanningForest f = SpanningForest.build(g, 1, 0);
        assertTrue(new TreePartitioner(BOUNDS, BOUNDS.middle())
                .partition(f, f.roots[0], g.weight, TreePartitioner.unlabelled(3), 0)
                .isEmpty());
    }

    @Test
    void labelsOnlyItsTreeFromTheFirstLabelOn() {
        // two chains with no link between them: two trees
        int[] weight = {200, 200, 200, 200, 400};
        UnitGraph g = new UnitGraph(weight, new double[5], new double[5], new double[5], new double[5]);
        g.addShared(0, 1, length(10));
        g.addShared(1, 2, length(10));
        g.addShared(2, 3, length(10));
        SpanningForest f = SpanningForest.build(g, 1, 0);
        assertEquals(2, f.roots.length);
        int first = f.preorder(f.roots[0]).length == 4 ? f.roots[0] : f.roots[1];
        int[] labels = TreePartitioner.unlabelled(5);
        TreePartitioner.Result r = new TreePartitioner(BOUNDS, BOUNDS.middle())
                .partition(f, first, g.weight, labels, 7)
                .orElseThrow();
        assertEquals(2, r.components(), "800 households: two pieces of 400");
        assertEquals(-1, labels[4], "the other tree's unit untouched");
        assertEquals(labels[0], labels[1]);
        assertEquals(labels[2], labels[3]);
        assertEquals(java.util.Set.of(7, 8), java.util.Set.of(labels[0], labels[2]), Arrays.toString(labels));
    }

    @Test
    void widenedBoundsCutFiveHundredFiftyInTwo() {
        UnitGraph g = chain(275, 275);
        SpanningForest f = SpanningForest.build(g, 1, 0);
        int[] labels = TreePartitioner.unlabelled(2);
        TreePartitioner.Result r = new TreePartitioner(new Bounds(275, 525), BOUNDS.middle())
                .partition(f, f.roots[0], g.weight, labels, 0)
                .orElseThrow();
        assertEquals(2, r.components(), "275 + 275 is within 25 of the bounds; 550 would be 50 over");
    }

    @Test
    void strictAnswersAreAlwaysWithinBoundsOnRandomTrees() {
        SplittableRandom rnd = new SplittableRandom(42);
        TreePartitioner strict = new TreePartitioner(BOUNDS, BOUNDS.middle());
        int solved = 0;
        for (int trial = 0; trial < 300; trial++) {
            UnitGraph g = randomGraph(rnd, 5 + rnd.nextInt(60), trial % 2 == 0 ? 150 : 450);
            SpanningForest f = SpanningForest.build(g, trial, trial % 3 == 0 ? 0 : 0.5);
            int[] labels = TreePartitioner.unlabelled(g.size());
            java.util.Optional<TreePartitioner.Result> cut = strict.partition(f, f.roots[0], g.weight, labels, 0);
            if (cut.isEmpty()) continue;
            TreePartitioner.Result r = cut.get();
            solved++;
            assertPiecesWithin(g, labels, r.components());
            assertConnected(g, labels, r.components());
        }
        assertTrue(solved > 20, "a fair share of random trees is solvable, solved " + solved);
    }

    static void assertPiecesWithin(UnitGraph g, int[] labels, int pieces) {
        int[] total = new int[pieces];
        for (int u = 0; u < g.size(); u++) total[labels[u]] += g.weight[u];
        for (int t : total) assertTrue(BOUNDS.contains(t), "piece of " + t + " in " + Arrays.toString(total));
    }

    static void assertConnected(UnitGraph g, int[] labels, int pieces) {
        for (int c = 0; c < pieces; c++) {
            int start = -1, count = 0;
            for (int u = 0; u < g.size(); u++)
                if (labels[u] == c) {
                    count++;
                    if (start < 0) start = u;
                }
            if (count == 0) continue;
            boolean[] seen = new boolean[g.size()];
            Deque<Integer> q = new ArrayDeque<>(java.util.List.of(start));
            seen[start] = true;
            int reached = 0;
            while (!q.isEmpty()) {
                int u = q.poll();
                reached++;
                for (UnitGraph.Link l : g.links(u))
                    if (labels[l.other()] == c && !seen[l.other()]) {
                        seen[l.other()] = true;
                        q.add(l.other());
                    }
            }
            assertEquals(count, reached, "piece " + c + " is not connected");
        }
    }
}
