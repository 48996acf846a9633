package org.gridatlas.engine.partition.exact;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.TreeSet;
import java.util.function.IntPredicate;

/**
 * Trims each grid over the maximum while the division's score falls: hands units on its edge (with
 * what hangs on them) to neighbouring grids with room, and carves grids within the bounds off it, as
 * long as what is left of it stays connected. This is the distance from the bounds that the solver may not shorten in its
 * time (with one worker it searches near its start, and a grid around a building over the maximum
 * can keep a thousand households more than it needs). Never more grids out of bounds, never a group
 * in two grids, every grid still connected; deterministic. The grid's heaviest unit stays; units
 * farthest from it go first, so the rest of the grid stays in one piece.
 */
final class Trimming {
    private final DivisionProblem p;
    private final List<List<Integer>> near = new ArrayList<>();
    private final int[] group;

    private Trimming(DivisionProblem p) {
        this.p = p;
        for (int u = 0; u < p.size(); u++) near.add(new ArrayList<>());
        for (DivisionProblem.Edge e : p.edges()) {
            near.get(e.a()).add(e.b());
            near.get(e.b()).add(e.a());
        }
        group = groups(p);
    }

    /** Each unit's group, groups that share a unit being one (-1: none); numbered by a unit of it. */
    private static int[] groups(DivisionProblem p) {
        int[] parent = new int[p.size()];
        for (int u = 0; u < parent.length; u++) parent[u] = u;
        boolean[] grouped = new boolean[p.size()];
        for (int[] g : p.together())
            for (int u : g) {
                grouped[u] = true;
                parent[root(parent, u)] = root(parent, g[0]);
            }
        int[] out = new int[p.size()];
        for (int u = 0; u < out.length; u++) out[u] = grouped[u] ? root(parent, u) : -1;
        return out;
    }

    private static int root(int[] parent, int u) {
        while (parent[u] != u) u = parent[u] = parent[parent[u]];
        return u;
    }

    /** The labelling trimmed (a copy; the same grids as {@code label} when nothing can be). */
    static int[] of(DivisionProblem p, int[] label) {
        return new Trimming(p).trim(label);
    }

    private int[] trim(int[] start) {
        int[] label = start.clone();
        int grids = Arrays.stream(label).max().orElse(-1) + 1;
        for (int grid = 0; grid < grids; grid++) {
            while (true) {
                while (handOn(label, grid)) {}
                Optional<List<Integer>> chunk = chunk(label, grid, grids);
                if (chunk.isEmpty()) break;
                for (int u : chunk.get()) label[u] = grids;
                grids++;
            }
        }
        return label;
    }

    /**
     * Hands a unit on the edge of {@code grid}, when over the maximum, to a neighbouring grid where
     * that lowers the score, with its group and whatever of the grid hangs on it; whether one was.
     */
    private boolean handOn(int[] label, int grid) {
        long[] load = loads(label);
        if (load[grid] <= p.bounds().max()) return false;
        List<Integer> units = unitsOf(label, grid);
        int anchor = heaviest(units);
        int[] distance = distances(label, grid, anchor);
        units.sort((a, b) -> distance[a] != distance[b] ? Integer.compare(distance[b], distance[a]) : a - b);
        for (int u : units) {
            Optional<List<Integer>> move = branch(label, grid, u, anchor);
            if (move.isEmpty()) continue;
            long w = move.get().stream().mapToLong(x -> p.weight()[x]).sum();
            if (w > p.bounds().max()) continue;
            boolean[] moved = new boolean[label.length];
            for (int x : move.get()) moved[x] = true;
            for (int to : neighbouringGrids(move.get(), label, grid)) {
                if (!better(load[grid] - w, load[to] + w, load[grid], load[to])) continue;
                int toSize = unitsOf(label, to).size();
                if (reach(u, x -> label[x] == to || moved[x])
                        != toSize + move.get().size()) continue;
                for (int x : move.get()) label[x] = to;
                return true;
            }
        }
        return false;
    }

    /**
     * What goes with {@code u} when it leaves the grid: its group, and whatever of the grid would be
     * cut off from the anchor without them (with their groups); empty when that takes the anchor or
     * the rest of the grid is not connected without it.
     */
    private Optional<List<Integer>> branch(int[] label, int grid, int u, int anchor) {
        boolean[] in = new boolean[label.length];
        for (int x : members(u, label, grid)) in[x] = true;
        if (in[anchor]) return Optional.empty();
        boolean[] kept = new boolean[label.length];
        reach(anchor, x -> label[x] == grid && !in[x], kept);
        for (int x = 0; x < label.length; x++)
            if (label[x] == grid && !kept[x]) for (int y : members(x, label, grid)) in[y] = true;
        if (in[anchor] || !restConnected(label, grid, in, anchor)) return Optional.empty();
        List<Integer> out = new ArrayList<>();
        for (int x = 0; x < label.length; x++) if (in[x]) out.add(x);
        return Optional.of(out);
    }

    /** Whether two grids' loads after a move are better than before: fewer out of bounds, or as many and nearer. */
    private boolean better(long from, long to, long fromBefore, long toBefore) {
        DivisionProblem.Range b = p.bounds();
        int out = (b.contains(from) ? 0 : 1) + (b.contains(to) ? 0 : 1);
        int outBefore = (b.contains(fromBefore) ? 0 : 1) + (b.contains(toBefore) ? 0 : 1);
        if (out != outBefore) return out < outBefore;
        return b.deviation(from) + b.deviation(to) < b.deviation(fromBefore) + b.deviation(toBefore);
    }

    private List<Integer> neighbouringGrids(List<Integer> units, int[] label, int grid) {
        TreeSet<Integer> out = new TreeSet<>();
        for (int u : units) for (int v : near.get(u)) if (label[v] != grid) out.add(label[v]);
        return List.copyOf(out);
    }

    private long[] loads(int[] label) {
        long[] load = new long[Arrays.stream(label).max().orElse(-1) + 1];
        for (int u = 0; u < label.length; u++) load[label[u]] += p.weight()[u];
        return load;
    }

    private static List<Integer> unitsOf(int[] label, int grid) {
        List<Integer> out = new ArrayList<>();
        for (int u = 0; u < label.length; u++) if (label[u] == grid) out.add(u);
        return out;
    }

    private int heaviest(List<Integer> units) {
        int anchor = units.get(0);
        for (int u : units) if (p.weight()[u] > p.weight()[anchor]) anchor = u;
        return anchor;
    }

    /** The best chunk to carve off {@code grid}, or none that lowers the score. */
    private Optional<List<Integer>> chunk(int[] label, int grid, int grids) {
        List<Integer> units = unitsOf(label, grid);
        if (loads(label)[grid] <= p.bounds().max()) return Optional.empty();
        int anchor = heaviest(units);
        int[] distance = distances(label, grid, anchor);
        List<Integer> starts = new ArrayList<>(units);
        starts.sort((a, b) -> distance[a] != distance[b] ? Integer.compare(distance[b], distance[a]) : a - b);
        Score now = Score.of(p, label, grids);
        Optional<List<Integer>> best = Optional.empty();
        Score bestScore = now;
        for (int s : starts) {
            if (s == anchor || group[s] >= 0 && group[s] == group[anchor]) continue;
            Optional<List<Integer>> c = grow(label, grid, s, anchor, distance);
            if (c.isEmpty()) continue;
            int[] trial = label.clone();
            for (int u : c.get()) trial[u] = grids;
            Score score = Score.of(p, trial, grids + 1);
            if (score.outOfBounds() <= now.outOfBounds() && score.compareTo(bestScore) < 0) {
                best = c;
                bestScore = score;
            }
        }
        return best;
    }

    /**
     * The largest chunk within the bounds grown from {@code s} (whole groups, farthest units first)
     * whose removal leaves the rest of the grid connected; empty when none is.
     */
    private Optional<List<Integer>> grow(int[] label, int grid, int s, int anchor, int[] distance) {
        DivisionProblem.Range b = p.bounds();
        boolean[] in = new boolean[label.length];
        List<Integer> chunk = new ArrayList<>();
        long load = 0;
        Optional<List<Integer>> best = Optional.empty();
        PriorityQueue<Integer> frontier = new PriorityQueue<>(
                (x, y) -> distance[x] != distance[y] ? Integer.compare(distance[y], distance[x]) : x - y);
        frontier.add(s);
        boolean[] seen = new boolean[label.length];
        seen[s] = true;
        while (!frontier.isEmpty()) {
            int u = frontier.poll();
            List<Integer> add = members(u, label, grid);
            long w = add.stream().mapToLong(x -> p.weight()[x]).sum();
            if (add.contains(anchor) || add.stream().anyMatch(x -> in[x]) || load + w > b.max()) continue;
            for (int x : add) {
                in[x] = true;
                chunk.add(x);
                for (int v : near.get(x))
                    if (label[v] == grid && !seen[v]) {
                        seen[v] = true;
                        frontier.add(v);
                    }
            }
            load += w;
            if (load >= b.min() && connected(chunk, in) && restConnected(label, grid, in, anchor))
                best = Optional.of(List.copyOf(chunk));
        }
        return best;
    }

    /** The units that go with {@code u}: its group (all in this grid), or u alone. */
    private List<Integer> members(int u, int[] label, int grid) {
        if (group[u] < 0) return List.of(u);
        List<Integer> out = new ArrayList<>();
        for (int x = 0; x < label.length; x++) if (group[x] == group[u] && label[x] == grid) out.add(x);
        return out;
    }

    private boolean connected(List<Integer> chunk, boolean[] in) {
        return reach(chunk.get(0), x -> in[x]) == chunk.size();
    }

    private boolean restConnected(int[] label, int grid, boolean[] in, int anchor) {
        int rest = 0;
        for (int u = 0; u < label.length; u++) if (label[u] == grid && !in[u]) rest++;
        return reach(anchor, x -> label[x] == grid && !in[x]) == rest;
    }

    /** How many units a search from {@code s} reaches through units that pass. */
    private int reach(int s, IntPredicate passes) {
        return reach(s, passes, new boolean[p.size()]);
    }

    /** As {@link #reach(int, IntPredicate)}, marking the units reached in {@code seen}. */
    private int reach(int s, IntPredicate passes, boolean[] seen) {
        ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(s));
        seen[s] = true;
        int n = 0;
        while (!queue.isEmpty()) {
            int u = queue.poll();
            n++;
            for (int v : near.get(u))
                if (!seen[v] && passes.test(v)) {
                    seen[v] = true;
                    queue.add(v);
                }
        }
        return n;
    }

    /** Each unit of the grid's distance in steps from the anchor within the grid (others: 0). */
    private int[] distances(int[] label, int grid, int anchor) {
        int[] d = new int[label.length];
        boolean[] seen = new boolean[label.length];
        ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(anchor));
        seen[anchor] = true;
        while (!queue.isEmpty()) {
            int u = queue.poll();
            for (int v : near.get(u))
                if (!seen[v] && label[v] == grid) {
                    seen[v] = true;
                    d[v] = d[u] + 1;
                    queue.add(v);
                }
        }
        return d;
    }
}
