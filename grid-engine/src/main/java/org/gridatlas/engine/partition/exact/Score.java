package org.gridatlas.engine.partition.exact;

/**
 * What the division minimises, in order: grids out of bounds, then their households' distance from
 * the bounds, then the boundary cost.
 */
public record Score(int outOfBounds, long deviation, long boundary) implements Comparable<Score> {

    /** The score of a labelling of the problem's units into {@code grids} grids. */
    public static Score of(DivisionProblem p, int[] label, int grids) {
        long[] load = new long[grids];
        for (int u = 0; u < p.size(); u++) load[label[u]] += p.weight()[u];
        DivisionProblem.Range b = p.bounds();
        int out = 0;
        long dev = 0;
        for (long l : load) {
            if (l < b.min() || l > b.max()) out++;
            dev += l < b.min() ? b.min() - l : Math.max(0, l - b.max());
        }
        long cost = 0;
        for (DivisionProblem.Edge e : p.edges()) if (label[e.a()] != label[e.b()]) cost += e.cost();
        return new Score(out, dev, cost);
    }

    @Override
    public int compareTo(Score o) {
        if (outOfBounds != o.outOfBounds) return Integer.compare(outOfBounds, o.outOfBounds);
        if (deviation != o.deviation) return Long.compare(deviation, o.deviation);
        return Long.compare(boundary, o.boundary);
    }
}
