package org.gridatlas.engine.partition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The partition's graph: units (a block, or an atom's cell in a divided block) with their
 * households, centroid, area and length of boundary on the domain's edge, linked where they share boundary. A link knows how long the shared
 * boundary is along each {@link EdgeTag}; a virtual link joins parts of a multi-part community.
 */
final class UnitGraph {
    record Link(int other, double[] lengthByTag, boolean virtual) {
        double length() {
            double s = 0;
            for (double l : lengthByTag) s += l;
            return s;
        }

        /** What a grid boundary along this link costs: shared length weighted by what it runs along. */
        double cutCost() {
            double c = 0;
            for (EdgeTag t : EdgeTag.VALUES) c += lengthByTag[t.ordinal()] * t.cutWeight();
            return c;
        }

        double barrierShare() {
            double len = length();
            if (len == 0) return virtual ? 1 : 0;
            double b = 0;
            for (EdgeTag t : EdgeTag.VALUES) if (t.isBarrier()) b += lengthByTag[t.ordinal()];
            return b / len;
        }
    }

    final int[] weight;
    final double[] cx;
    final double[] cy;
    final double[] area;
    /** Each unit's boundary that is no other unit's: the community's line, a campus's edge. */
    final double[] outer;

    private final List<Map<Integer, Link>> links;

    UnitGraph(int[] weight, double[] cx, double[] cy, double[] area, double[] outer) {
        this.weight = weight;
        this.cx = cx;
        this.cy = cy;
        this.area = area;
        this.outer = outer;
        this.links = new ArrayList<>(weight.length);
        for (int i = 0; i < weight.length; i++) links.add(new LinkedHashMap<>());
    }

    int size() {
        return weight.length;
    }

    void addShared(int a, int b, double[] lengthByTag) {
        if (a == b) return;
        double[] la = links.get(a)
                .computeIfAbsent(b, k -> new Link(b, new double[EdgeTag.VALUES.length], false))
                .lengthByTag();
        double[] lb = links.get(b)
                .computeIfAbsent(a, k -> new Link(a, new double[EdgeTag.VALUES.length], false))
                .lengthByTag();
        for (int t = 0; t < la.length; t++) {
            la[t] += lengthByTag[t];
            lb[t] += lengthByTag[t];
        }
    }

    void addVirtual(int a, int b) {
        links.get(a).putIfAbsent(b, new Link(b, new double[EdgeTag.VALUES.length], true));
        links.get(b).putIfAbsent(a, new Link(a, new double[EdgeTag.VALUES.length], true));
    }

    Iterable<Link> links(int unit) {
        return links.get(unit).values();
    }

    Link link(int a, int b) {
        return links.get(a).get(b);
    }

    double distance(int a, int b) {
        return Math.hypot(cx[a] - cx[b], cy[a] - cy[b]);
    }

    /** Connected components (ids 0..k-1) over all links. */
    int[] components() {
        int[] comp = new int[size()];
        java.util.Arrays.fill(comp, -1);
        int next = 0;
        int[] stack = new int[size()];
        for (int s = 0; s < size(); s++) {
            if (comp[s] >= 0) continue;
            int top = 0;
            stack[top++] = s;
            comp[s] = next;
            while (top > 0) {
                int u = stack[--top];
                for (Link l : links(u)) {
                    if (comp[l.other()] < 0) {
                        comp[l.other()] = next;
                        stack[top++] = l.other();
                    }
                }
            }
            next++;
        }
        return comp;
    }
}
