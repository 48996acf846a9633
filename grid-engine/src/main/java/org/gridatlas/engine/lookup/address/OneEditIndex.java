package org.gridatlas.engine.lookup.address;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Names by their deletion neighbourhood (each name and the name with any one character left out),
 * so every name within one edit of some stretch of a text is found by exact lookups of the
 * stretch and of the stretch with one character left out — no ranking, so no fitting name is
 * crowded out by names that share only common characters (路, 园). Keys are 64-bit polynomial
 * hashes of the strings: a stretch's variants are hashed from prefix hashes without building a
 * string, and a colliding name is only a candidate, which the caller checks by edit distance.
 */
final class OneEditIndex {
    private static final long P = 0x9E3779B97F4A7C15L;

    private final List<String> names;
    private final long[] keys;
    /** First name index per slot; further names of the same key follow in {@link #more}. */
    private final int[] firsts;

    private final int[] more;
    private final int mask;
    private final int shortest, longest;

    OneEditIndex(Collection<String> names) {
        this.names = List.copyOf(names);
        int variants = 0, lo = Integer.MAX_VALUE, hi = 0;
        for (String n : this.names) {
            variants += n.length() + 1;
            lo = Math.min(lo, n.length());
            hi = Math.max(hi, n.length());
        }
        shortest = this.names.isEmpty() ? 0 : lo;
        longest = hi;
        int size = Integer.highestOneBit(Math.max(4, variants * 2) - 1) << 1;
        mask = size - 1;
        keys = new long[size];
        firsts = new int[size];
        Arrays.fill(firsts, -1);
        int[] linkName = new int[variants], linkNext = new int[variants];
        int count = 0;
        for (int id = 0; id < this.names.size(); id++) {
            String n = this.names.get(id);
            long[] pre = prefixes(n);
            int l = n.length();
            count = link(whole(pre, 0, l), id, linkName, linkNext, count);
            for (int k = 0; k < l; k++) count = link(without(pre, 0, l, k), id, linkName, linkNext, count);
        }
        more = new int[count * 2];
        for (int i = 0; i < count; i++) {
            more[2 * i] = linkName[i];
            more[2 * i + 1] = linkNext[i];
        }
    }

    private int link(long h, int id, int[] linkName, int[] linkNext, int count) {
        int slot = slot(h, true);
        // the same name under the same key twice (a doubled character) is linked once
        for (int l = firsts[slot]; l >= 0; l = linkNext[l]) if (linkName[l] == id) return count;
        keys[slot] = h;
        linkName[count] = id;
        linkNext[count] = firsts[slot];
        firsts[slot] = count;
        return count + 1;
    }

    private int slot(long h, boolean adding) {
        int s = (int) (mix(h) & mask);
        while (firsts[s] >= 0 && keys[s] != h) s = (s + 1) & mask;
        return adding || firsts[s] >= 0 ? s : -1;
    }

    /**
     * Every indexed name within one edit of some stretch of {@code text}, and a few more whose
     * hashes collide or that differ by two substitutions at neighbouring places: check each.
     */
    List<String> candidates(String text) {
        long[] pre = prefixes(text);
        Found found = new Found();
        int lo = Math.max(1, shortest - 1), hi = longest + 1;
        for (int a = 0; a < text.length(); a++) {
            for (int b = a + lo; b <= Math.min(text.length(), a + hi); b++) {
                collect(whole(pre, a, b), found);
                // a stretch without its first or last character is itself a stretch, looked up whole
                for (int k = a + 1; k < b - 1; k++) collect(without(pre, a, b, k), found);
            }
        }
        Arrays.sort(found.ids, 0, found.n);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < found.n; i++)
            if (i == 0 || found.ids[i] != found.ids[i - 1]) out.add(names.get(found.ids[i]));
        return out;
    }

    private static final class Found {
        int[] ids = new int[16];
        int n;
    }

    private void collect(long h, Found found) {
        int s = slot(h, false);
        if (s < 0) return;
        for (int l = firsts[s]; l >= 0; l = more[2 * l + 1]) {
            if (found.n == found.ids.length) found.ids = Arrays.copyOf(found.ids, found.n * 2);
            found.ids[found.n++] = more[2 * l];
        }
    }

    /** pre[i]: the hash of the first i characters. */
    private static long[] prefixes(String s) {
        long[] pre = new long[s.length() + 1];
        for (int i = 0; i < s.length(); i++) pre[i + 1] = pre[i] * P + s.charAt(i) + 1;
        return pre;
    }

    private static long whole(long[] pre, int a, int b) {
        return pre[b] - pre[a] * power(b - a);
    }

    private static long without(long[] pre, int a, int b, int k) {
        return whole(pre, a, k) * power(b - k - 1) + whole(pre, k + 1, b);
    }

    private static final long[] POWERS = new long[64];

    static {
        POWERS[0] = 1;
        for (int i = 1; i < POWERS.length; i++) POWERS[i] = POWERS[i - 1] * P;
    }

    private static long power(int e) {
        if (e < POWERS.length) return POWERS[e];
        long r = 1;
        for (int i = 0; i < e; i++) r *= P;
        return r;
    }

    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 29;
        return h;
    }
}
