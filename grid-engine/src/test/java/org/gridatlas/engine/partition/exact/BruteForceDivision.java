package org.gridatlas.engine.partition.exact;

import java.util.ArrayList;
import java.util.List;

/**
 * Every division of a small problem (up to about 16 units) into grids connected by its edges, with
 * every group together and no two units over the maximum together: the best and the worst by score.
 */
final class BruteForceDivision {
    record Found(int[] label, int grids, Score score) {}

    private final DivisionProblem p;
    private final int[] neighbours;
    Found best;
    Found worst;
    long divisions;

    BruteForceDivision(DivisionProblem p) {
        this.p = p;
        this.neighbours = new int[p.size()];
        for (DivisionProblem.Edge e : p.edges()) {
            neighbours[e.a()] |= 1 << e.b();
            neighbours[e.b()] |= 1 << e.a();
        }
        divide((1 << p.size()) - 1, new ArrayList<>());
    }

    private void divide(int free, List<Integer> parts) {
        if (free == 0) {
            judge(parts);
            return;
        }
        int v = Integer.lowestOneBit(free);
        connectedSets(v, neighbours(v) & free, v, free, parts);
    }

    /** Each connected set of free units holding the set {@code set}, once (extension by excluded units). */
    private void connectedSets(int set, int extension, int excluded, int free, List<Integer> parts) {
        parts.add(set);
        divide(free & ~set, parts);
        parts.remove(parts.size() - 1);
        while (extension != 0) {
            int w = Integer.lowestOneBit(extension);
            extension &= ~w;
            excluded |= w;
            int grow = neighbours(w) & free & ~set & ~excluded & ~extension;
            connectedSets(set | w, extension | grow, excluded, free, parts);
        }
    }

    private int neighbours(int bit) {
        return neighbours[Integer.numberOfTrailingZeros(bit)];
    }

    private void judge(List<Integer> parts) {
        int[] label = new int[p.size()];
        for (int k = 0; k < parts.size(); k++)
            for (int u = 0; u < p.size(); u++) if ((parts.get(k) & (1 << u)) != 0) label[u] = k;
        for (int[] g : p.together()) for (int u : g) if (label[u] != label[g[0]]) return;
        boolean[] heavy = new boolean[parts.size()];
        for (int u = 0; u < p.size(); u++) {
            if (p.weight()[u] <= p.bounds().max()) continue;
            if (heavy[label[u]]) return;
            heavy[label[u]] = true;
        }
        divisions++;
        Score s = Score.of(p, label, parts.size());
        if (best == null || s.compareTo(best.score()) < 0) best = new Found(label, parts.size(), s);
        if (worst == null || s.compareTo(worst.score()) > 0) worst = new Found(label, parts.size(), s);
    }
}
