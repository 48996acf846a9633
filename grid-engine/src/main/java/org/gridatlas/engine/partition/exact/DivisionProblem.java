package org.gridatlas.engine.partition.exact;

import java.util.List;

/**
 * One community's division as the exact solver sees it: units with their households, the pairs of
 * units that share an edge (with what a grid boundary between them costs: its length off roads and
 * rivers, in whole units of the caller's choosing), and groups of units that must share a grid (a
 * compound or a hamlet over several units).
 */
public record DivisionProblem(int[] weight, List<Edge> edges, List<int[]> together, Range bounds) {

    /** The households a grid may hold (the caller's bounds; this package depends on no other of the engine). */
    public record Range(int min, int max) {
        boolean contains(long households) {
            return households >= min && households <= max;
        }

        /** Some number of grids, at least one, each within the bounds, holds exactly {@code households}. */
        public boolean divisible(long households) {
            long fewest = Math.max(1, (households + max - 1) / max);
            return fewest * min <= households;
        }

        long deviation(long households) {
            return households < min ? min - households : Math.max(0, households - max);
        }
    }

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
