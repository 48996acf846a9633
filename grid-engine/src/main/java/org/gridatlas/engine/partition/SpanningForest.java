package org.gridatlas.engine.partition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A minimum spanning forest of the unit graph. Links are weighted by centroid distance, raised
 * where the shared boundary runs along a barrier: the tree then holds each block together and
 * crosses roads only where it must, so cutting tree edges at roads puts grid boundaries on roads.
 */
final class SpanningForest {
    final int[] parent;
    int[][] children;
    int[] roots;
    /** Whether the edge to the parent runs mostly along a barrier: the preferred place to cut. */
    final boolean[] cheapCut;

    private SpanningForest(int[] parent, int[][] children, int[] roots, boolean[] cheapCut) {
        this.parent = parent;
        this.children = children;
        this.roots = roots;
        this.cheapCut = cheapCut;
    }

    /** {@code jitter} 0 gives the minimum tree; above 0, a randomised one for another try. */
    static SpanningForest build(UnitGraph g, long seed, double jitter) {
        int n = g.size();
        List<double[]> edges = new ArrayList<>();
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int a = 0; a < n; a++) {
            for (UnitGraph.Link l : g.links(a)) {
                if (l.other() <= a) continue;
                double w = g.distance(a, l.other()) * (1 + 3 * l.barrierShare()) + (l.virtual() ? 1e6 : 0);
                if (jitter > 0) w *= 1 + jitter * rnd.nextDouble();
                edges.add(new double[] {w, a, l.other()});
            }
        }
        edges.sort((x, y) -> Double.compare(x[0], y[0]));
        UnionFind uf = new UnionFind(n);
        List<List<Integer>> adj = new ArrayList<>(n);
        for (int i = 0; i < n; i++) adj.add(new ArrayList<>());
        for (double[] e : edges) {
            int a = (int) e[1], b = (int) e[2];
            if (uf.union(a, b)) {
                adj.get(a).add(b);
                adj.get(b).add(a);
            }
        }
        int[] parent = new int[n];
        Arrays.fill(parent, -2);
        List<Integer> roots = new ArrayList<>();
        List<List<Integer>> kids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) kids.add(new ArrayList<>());
        int[] stack = new int[n];
        for (int r = 0; r < n; r++) {
            if (parent[r] != -2) continue;
            roots.add(r);
            parent[r] = -1;
            int top = 0;
            stack[top++] = r;
            while (top > 0) {
                int u = stack[--top];
                for (int v : adj.get(u)) {
                    if (parent[v] == -2) {
                        parent[v] = u;
                        kids.get(u).add(v);
                        stack[top++] = v;
                    }
                }
            }
        }
        int[][] children = new int[n][];
        boolean[] cheap = new boolean[n];
        for (int i = 0; i < n; i++) {
            children[i] = kids.get(i).stream().mapToInt(Integer::intValue).toArray();
            if (parent[i] >= 0) cheap[i] = g.link(i, parent[i]).barrierShare() >= 0.5;
        }
        return new SpanningForest(
                parent, children, roots.stream().mapToInt(Integer::intValue).toArray(), cheap);
    }

    /**
     * Detaches every unit heavier than {@code max} (a building over the maximum with no units) from
     * the neighbours that carry households, so it becomes a grid of its own instead of a hub that
     * drags its surroundings out of bounds; subtrees without households stay with it.
     */
    void isolateHeavy(int[] weight, int max) {
        int n = parent.length;
        long[] subtree = new long[n];
        List<Integer> newRoots = new ArrayList<>();
        for (int r : roots) {
            newRoots.add(r);
            int[] order = preorder(r);
            for (int i = order.length - 1; i >= 0; i--) {
                int v = order[i];
                subtree[v] = weight[v];
                for (int c : children[v]) subtree[v] += subtree[c];
            }
            for (int v : order) {
                if (weight[v] <= max) continue;
                List<Integer> keep = new ArrayList<>();
                for (int c : children[v]) {
                    if (subtree[c] > 0) {
                        parent[c] = -1;
                        newRoots.add(c);
                    } else {
                        keep.add(c);
                    }
                }
                children[v] = keep.stream().mapToInt(Integer::intValue).toArray();
                if (parent[v] >= 0 && subtree[r] - subtree[v] > 0) {
                    int p = parent[v];
                    children[p] = java.util.Arrays.stream(children[p])
                            .filter(c -> c != v)
                            .toArray();
                    parent[v] = -1;
                    newRoots.add(v);
                }
            }
        }
        roots = newRoots.stream().distinct().mapToInt(Integer::intValue).toArray();
    }

    /** The units of the tree rooted at {@code root}, parents before children. */
    int[] preorder(int root) {
        List<Integer> out = new ArrayList<>();
        int[] stack = new int[parent.length];
        int top = 0;
        stack[top++] = root;
        while (top > 0) {
            int u = stack[--top];
            out.add(u);
            for (int c : children[u]) stack[top++] = c;
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }
}
