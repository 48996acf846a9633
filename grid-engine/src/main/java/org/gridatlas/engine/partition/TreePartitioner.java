package org.gridatlas.engine.partition;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Optional;

/**
 * Cuts one spanning tree into connected pieces whose households lie within hard lower AND upper
 * bounds, exactly: a bottom-up dynamic programme over the set of household totals the open piece
 * at each unit can reach (a bitset over 0..max), so it answers whether the tree can be cut within
 * the bounds at all, and if so how. Top-down reconstruction prefers cuts on edges that run along
 * barriers and pieces near the middle of the bounds.
 */
final class TreePartitioner {
    record Result(int[] component, int components) {}

    private final int lo;
    private final int hi;
    private final int middle;
    private final int words;
    private final long[] validMask;
    private final long[] inBoundsMask;

    /** {@code middle}: the piece size reconstruction steers towards. */
    TreePartitioner(Bounds bounds, int middle) {
        this.lo = bounds.min();
        this.hi = bounds.max();
        this.middle = middle;
        this.words = (hi + 1 + 63) >>> 6;
        this.validMask = range(0, hi);
        this.inBoundsMask = range(lo, hi);
    }

    /**
     * Labels the units of the tree at {@code root} from {@code firstLabel} on (entries of other
     * units untouched); empty, with nothing labelled, when the tree cannot be cut within the bounds.
     */
    Optional<Result> partition(SpanningForest forest, int root, int[] weight, int[] component, int firstLabel) {
        int[] order = forest.preorder(root);
        long[][] state = new long[weight.length][];
        long[][][] prefixes = new long[weight.length][][];
        for (int i = order.length - 1; i >= 0; i--) {
            int v = order[i];
            int[] kids = forest.children[v];
            long[] cur = new long[words];
            if (weight[v] > hi) return Optional.empty();
            set(cur, weight[v]);
            prefixes[v] = new long[kids.length][];
            for (int ci = 0; ci < kids.length; ci++) {
                prefixes[v][ci] = cur;
                cur = combine(cur, state[kids[ci]]);
            }
            if (isEmpty(cur)) return Optional.empty();
            state[v] = cur;
        }
        if (!closable(state[root])) return Optional.empty();
        return Optional.of(
                reconstruct(forest, root, weight, state, prefixes, pickClose(state[root]), component, firstLabel));
    }

    /** The totals after one more child: merged into the open piece, or closed as a piece of its own. */
    private long[] combine(long[] cur, long[] child) {
        long[] next = new long[words];
        mergeInto(next, cur, child);
        if (closable(child)) orInto(next, cur);
        return next;
    }

    private Result reconstruct(
            SpanningForest f,
            int root,
            int[] weight,
            long[][] state,
            long[][][] prefixes,
            int rootTotal,
            int[] component,
            int firstLabel) {
        record Task(int unit, int total, int label) {}
        Deque<Task> tasks = new ArrayDeque<>();
        int labels = firstLabel;
        tasks.push(new Task(root, rootTotal, labels++));
        while (!tasks.isEmpty()) {
            Task task = tasks.pop();
            int v = task.unit();
            component[v] = task.label();
            int t = task.total();
            int[] kids = f.children[v];
            for (int ci = kids.length - 1; ci >= 0; ci--) {
                int c = kids[ci];
                long[] p = prefixes[v][ci];
                long[] s = state[c];
                boolean canClose = get(p, t) && closable(s);
                int merge = mergeShare(p, s, t);
                if (canClose && (f.cheapCut[c] || merge < 0)) {
                    tasks.push(new Task(c, pickClose(s), labels++));
                } else if (merge >= 0) {
                    tasks.push(new Task(c, merge, task.label()));
                    t -= merge;
                } else {
                    throw new IllegalStateException("tree partition reconstruction failed at unit " + v);
                }
            }
            if (t != weight[v]) throw new IllegalStateException("tree partition inconsistent at unit " + v);
        }
        return new Result(component, labels - firstLabel);
    }

    /** The largest share y of total t the child can bring while the earlier children make up t - y; -1 if none. */
    private int mergeShare(long[] prefix, long[] child, int t) {
        for (int y = Math.min(t, highest(child)); y >= 0; y--) {
            if (get(child, y) && get(prefix, t - y)) return y;
        }
        return -1;
    }

    /** The closing total nearest the middle. */
    private int pickClose(long[] s) {
        for (int d = 0; d <= hi; d++) {
            if (middle - d >= lo && middle - d <= hi && get(s, middle - d)) return middle - d;
            if (middle + d >= lo && middle + d <= hi && get(s, middle + d)) return middle + d;
        }
        throw new IllegalStateException("no closable total");
    }

    private boolean closable(long[] s) {
        for (int i = 0; i < words; i++) if ((s[i] & inBoundsMask[i]) != 0) return true;
        return false;
    }

    /** dst |= { x + y <= max : x in a, y in b } */
    private void mergeInto(long[] dst, long[] a, long[] b) {
        int bMax = highest(b);
        for (int y = 0; y <= bMax; y++) {
            if (!get(b, y)) continue;
            int ws = y >>> 6, bs = y & 63;
            for (int i = words - 1; i >= ws; i--) {
                long v = a[i - ws] << bs;
                if (bs != 0 && i - ws - 1 >= 0) v |= a[i - ws - 1] >>> (64 - bs);
                dst[i] |= v & validMask[i];
            }
        }
    }

    private int highest(long[] s) {
        for (int i = words - 1; i >= 0; i--) {
            if (s[i] != 0) return (i << 6) + 63 - Long.numberOfLeadingZeros(s[i]);
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

    private static void set(long[] s, int i) {
        s[i >>> 6] |= 1L << (i & 63);
    }

    private static boolean get(long[] s, int i) {
        return (s[i >>> 6] & (1L << (i & 63))) != 0;
    }

    static int[] unlabelled(int n) {
        int[] c = new int[n];
        Arrays.fill(c, -1);
        return c;
    }
}
