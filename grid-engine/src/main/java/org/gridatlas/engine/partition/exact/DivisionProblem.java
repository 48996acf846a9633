package org.gridatlas.engine.partition.exact;

import java.util.List;
import org.gridatlas.engine.partition.Bounds;

/**
 * One community's division as the exact solver sees it: units with their households, the pairs of
 * units that share an edge (with what a grid boundary between them costs: its length off roads and
 * rivers, in whole units of the caller's choosing), and groups of units that must share a grid (a
 * compound or a hamlet over several units).
 */
public record DivisionProblem(int[] weight, List<Edge> edges, List<int[]> together, Bounds bounds) {

    /** Units {@code a} and {@code b} share an edge; a boundary between them costs {@code cost}. */
    public record Edge(int a, int b, long cost) {}

    public int size() {
        return weight.length;
    }

    public long total() {
        long t = 0;
        for (int w : weight) t += w;
        return t;
    }
}
