package org.gridatlas.engine.partition;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * Cuts one spanning tree into connected pieces whose households lie within hard lower AND upper
 * bounds, exactly: a bottom-up dynamic programme over the sets of household totals that the open
 * piece at each unit can reach (bitsets over 0..max, plus an "over" state), layered by how many
 * pieces had to be closed outside the bounds. With zero violations allowed it answers whether the
 * tree can be cut within the bounds at all; raising the allowance finds the least-bad answer.
 * Top-down reconstruction prefers cuts on edges that run along barriers.
 */
final class TreePartitioner {
    /** {@code overflow}: some piece went past the tracked totals (its size is unknown, only "too big"). */
    record Result(int[] component, int components, int violations, boolean overflow) {}

    private final int lo;
    private final int hi;
    /** Totals up to here are tracked exactly; beyond is the single state "over". */
    private final int cap;
    private final int over;
    private final int words;
    private final long[] validMask;
    private final long[] inBoundsMask;
    private final long[] outOfBoundsMask;

    /**
     * {@code cap} = max suffices to decide feasibility within the bounds (a piece past the maximum
     * never comes back); a higher cap lets the least-bad search tell a piece slightly over the
     * maximum from one far over it.
     */
    TreePartitioner(Bounds bounds, int cap) {
        this.lo = bounds.min();
        this.hi = bounds.max();
        this.cap = Math.max(cap, hi);
        this.over = this.cap + 1;
        this.words = (this.cap + 2 + 63) >>> 6;
        this.validMask = range(0, this.cap);
        this.inBoundsMask = range(lo, hi);
        this.outOfBoundsMask = range(0, lo - 1);
        orInto(outOfBoundsMask, range(hi + 1, this.cap));
        set(outOfBoundsMask, over);
    }

    /**
     * Labels the units of the tree at {@code root} (entries of other units untouched), or returns
     * null when it needs more than {@code maxViolations} pieces outside the bounds.
     */
    Result partition(SpanningForest forest, int root, int[] weight, int maxViolations, int[] component, int firstLabel) {
        int[] order = forest.preorder(root);
        int layers = maxViolations + 1;
        long[][][] state = new long[weight.length][][];
        long[][][][] prefixes = new long[weight.length][][][];
        for (int i = order.length - 1; i >= 0; i--) {
            int v = order[i];
            int[] kids = forest.children[v];
            long[][] cur = new long[layers][words];
            set(cur[0], Math.min(weight[v], over));
            prefixes[v] = new long[kids.length][][];
            for (int ci = 0; ci < kids.length; ci++) {
                prefixes[v][ci] = cur;
                cur = combine(cur, state[kids[ci]], layers);
            }
            state[v] = cur;
        }
        // close the root's piece with as few violations as possible, at a known total if any will do
        for (boolean exact : new boolean[] {true, false}) {
            for (int total = 0; total < layers; total++) {
                if (closable(state[root][total], 0)) {
                    return reconstruct(forest, root, weight, state, prefixes, total, pickClose(state[root][total], 0), component, firstLabel, total);
                }
                if (total > 0 && closable(state[root][total - 1], 1) && (!exact || pickClose(state[root][total - 1], 1) != over)) {
                    return reconstruct(forest, root, weight, state, prefixes, total - 1, pickClose(state[root][total - 1], 1), component, firstLabel, total);
                }
            }
        }
        return null;
    }

    private long[][] combine(long[][] cur, long[][] child, int layers) {
        long[][] next = new long[layers][words];
        for (int a = 0; a < layers; a++) {
            if (isEmpty(cur[a])) continue;
            for (int b = 0; a + b < layers; b++) {
                long[] s = child[b];
                if (isEmpty(s)) continue;
                mergeInto(next[a + b], cur[a], s);
                if (closable(s, 0)) orInto(next[a + b], cur[a]);
                if (a + b + 1 < layers && closable(s, 1)) orInto(next[a + b + 1], cur[a]);
            }
        }
        return next;
    }

    private Result reconstruct(SpanningForest f, int root, int[] weight, long[][][] state, long[][][][] prefixes,
                               int rootLayer, int rootTotal, int[] component, int firstLabel, int violations) {
        record Task(int unit, int layer, int total, int label) {}
        Deque<Task> tasks = new ArrayDeque<>();
        int labels = firstLabel;
        boolean overflow = rootTotal == over;
        tasks.push(new Task(root, rootLayer, rootTotal, labels++));
        while (!tasks.isEmpty()) {
            Task task = tasks.pop();
            int v = task.unit();
            component[v] = task.label();
            int k = task.layer(), t = task.total();
            int[] kids = f.children[v];
            for (int ci = kids.length - 1; ci >= 0; ci--) {
                int c = kids[ci];
                long[][] p = prefixes[v][ci];
                long[][] s = state[c];
                int[] choice = null;
                // an open piece already over the maximum gains nothing from more: close children where possible
                if (f.cheapCut[c] || t == over) choice = chooseClose(p, s, k, t);
                if (choice == null) choice = chooseMerge(p, s, k, t);
                if (choice == null) choice = chooseClose(p, s, k, t);
                if (choice == null) throw new IllegalStateException("tree partition reconstruction failed at unit " + v);
                // choice: {childLayer, childTotal, parentLayer, parentTotal, closes}
                boolean closes = choice[4] == 1;
                if (closes && choice[1] == over) overflow = true;
                tasks.push(new Task(c, choice[0], choice[1], closes ? labels++ : task.label()));
                k = choice[2];
                t = choice[3];
            }
            if (k != 0 || t != Math.min(weight[v], over)) throw new IllegalStateException("tree partition inconsistent at unit " + v);
        }
        return new Result(component, labels - firstLabel, violations, overflow);
    }

    private int[] chooseClose(long[][] prefix, long[][] child, int k, int t) {
        for (int cost = 0; cost <= 1; cost++) {
            for (int b = 0; b + cost <= k; b++) {
                int a = k - b - cost;
                if (get(prefix[a], t) && closable(child[b], cost)) {
                    return new int[] {b, pickClose(child[b], cost), a, t, 1};
                }
            }
        }
        return null;
    }

    private int[] chooseMerge(long[][] prefix, long[][] child, int k, int t) {
        for (int b = 0; b <= k; b++) {
            int a = k - b;
            long[] p = prefix[a], s = child[b];
            if (isEmpty(p) || isEmpty(s)) continue;
            if (t != over) {
                for (int y = Math.min(t, highest(s)); y >= 0; y--) {
                    if (get(s, y) && get(p, t - y)) return new int[] {b, y, a, t - y, 0};
                }
            } else {
                // anything plus "over" is over: leave the parent the smallest remainder, so the rest closes separately
                if (get(s, over)) return new int[] {b, over, a, lowest(p, 0), 0};
                for (int y = 0; y <= cap; y++) {
                    if (!get(s, y)) continue;
                    int x = lowest(p, cap - y + 1);
                    if (x >= 0) return new int[] {b, y, a, x, 0};
                }
            }
        }
        return null;
    }

    /** A closing total: within bounds, the one nearest the middle; outside, the one nearest the bounds ("over" last). */
    private int pickClose(long[] s, int cost) {
        if (cost == 0) {
            int mid = (lo + hi) / 2;
            for (int d = 0; d <= hi; d++) {
                if (mid - d >= lo && get(s, mid - d)) return mid - d;
                if (mid + d <= hi && get(s, mid + d)) return mid + d;
            }
            throw new IllegalStateException("no closable total");
        }
        int best = -1;
        for (int x = 0; x <= cap; x++) {
            if ((x < lo || x > hi) && get(s, x) && (best < 0 || deviation(x) < deviation(best))) best = x;
        }
        if (best >= 0) return best;
        if (get(s, over)) return over;
        throw new IllegalStateException("no out-of-bounds total");
    }

    private int deviation(int x) { return x < lo ? lo - x : x - hi; }

    private boolean closable(long[] s, int cost) {
        long[] mask = cost == 0 ? inBoundsMask : outOfBoundsMask;
        for (int i = 0; i < words; i++) if ((s[i] & mask[i]) != 0) return true;
        return false;
    }

    /** dst |= { min(x + y, over) : x in a, y in b } */
    private void mergeInto(long[] dst, long[] a, long[] b) {
        int aMax = highest(a), bMax = highest(b);
        boolean aOver = get(a, over), bOver = get(b, over);
        if ((aOver && (bMax >= 0 || bOver)) || (bOver && aMax >= 0)) set(dst, over);
        if (aMax < 0) return;
        for (int y = 0; y <= bMax; y++) {
            if (!get(b, y)) continue;
            if (aMax + y > cap) set(dst, over);
            int ws = y >>> 6, bs = y & 63;
            for (int i = words - 1; i >= ws; i--) {
                long v = a[i - ws] << bs;
                if (bs != 0 && i - ws - 1 >= 0) v |= a[i - ws - 1] >>> (64 - bs);
                dst[i] |= v & validMask[i];
            }
        }
    }

    /** Lowest member at or above {@code from} (the over state counts as above the cap), or -1. */
    private int lowest(long[] s, int from) {
        for (int x = Math.max(0, from); x <= over; x++) if (get(s, x)) return x;
        return -1;
    }

    /** Highest set total within 0..cap, or -1. */
    private int highest(long[] s) {
        for (int i = words - 1; i >= 0; i--) {
            long w = s[i] & validMask[i];
            if (w != 0) return (i << 6) + 63 - Long.numberOfLeadingZeros(w);
        }
        return -1;
    }

    private long[] range(int from, int to) {
        long[] m = new long[words];
        for (int i = Math.max(0, from); i <= to; i++) set(m, i);
        return m;
    }

    private static void orInto(long[] dst, long[] src) {
        for (int i = 0; i < dst.length; i++) dst[i] |= src[i];
    }

    private static boolean isEmpty(long[] s) {
        for (long w : s) if (w != 0) return false;
        return true;
    }

    private static void set(long[] s, int i) { s[i >>> 6] |= 1L << (i & 63); }

    private static boolean get(long[] s, int i) { return (s[i >>> 6] & (1L << (i & 63))) != 0; }

    static int[] unlabelled(int n) {
        int[] c = new int[n];
        Arrays.fill(c, -1);
        return c;
    }
}
