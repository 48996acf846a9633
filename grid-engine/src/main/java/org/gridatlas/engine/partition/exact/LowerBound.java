package org.gridatlas.engine.partition.exact;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The fewest grids out of bounds that arithmetic alone proves, before any model is built. Grids are
 * connected, so each piece of the problem (units joined by shared edges or by a group) is divided on
 * its own: a unit over the maximum is a grid out of bounds of its own (the model keeps two apart);
 * failing one, a group over the maximum makes its grid one; failing that, a piece whose households
 * no number of grids within the bounds holds leaves one grid out.
 */
final class LowerBound {
    private LowerBound() {}

    static int of(DivisionProblem p) {
        int n = p.size();
        List<int[]> grouped = new ArrayList<>();
        for (int[] group : p.together()) for (int u : group) grouped.add(new int[] {group[0], u});
        List<int[]> joined = new ArrayList<>(grouped);
        for (DivisionProblem.Edge e : p.edges()) joined.add(new int[] {e.a(), e.b()});
        int[] group = components(n, grouped), piece = components(n, joined);
        DivisionProblem.Range b = p.bounds();
        long[] households = new long[n], groupHouseholds = new long[n];
        int[] heavy = new int[n];
        for (int u = 0; u < n; u++) {
            households[piece[u]] += p.weight()[u];
            groupHouseholds[group[u]] += p.weight()[u];
            if (p.weight()[u] > b.max()) heavy[piece[u]]++;
        }
        boolean[] heavyGroup = new boolean[n];
        for (int u = 0; u < n; u++) if (groupHouseholds[group[u]] > b.max()) heavyGroup[piece[u]] = true;
        int sure = 0, pieces = java.util.Arrays.stream(piece).max().orElse(-1) + 1;
        for (int c = 0; c < pieces; c++) {
            if (heavy[c] > 0) sure += heavy[c];
            else if (heavyGroup[c] || !b.divisible(households[c])) sure++;
        }
        return sure;
    }

    /** Each unit's component (numbered from 0) under the links given. */
    private static int[] components(int n, List<int[]> links) {
        List<List<Integer>> near = new ArrayList<>();
        for (int u = 0; u < n; u++) near.add(new ArrayList<>());
        for (int[] l : links) {
            near.get(l[0]).add(l[1]);
            near.get(l[1]).add(l[0]);
        }
        int[] id = new int[n];
        java.util.Arrays.fill(id, -1);
        int next = 0;
        for (int s = 0; s < n; s++) {
            if (id[s] >= 0) continue;
            ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(s));
            id[s] = next;
            while (!queue.isEmpty())
                for (int v : near.get(queue.poll()))
                    if (id[v] < 0) {
                        id[v] = next;
                        queue.add(v);
                    }
            next++;
        }
        return id;
    }
}
