package org.gridatlas.engine.partition;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The two first partition steps on hand-made graphs: pockets merged, then single moves. */
class PartitionRefinerTest {
    private static final Bounds BOUNDS = new Bounds(300, 500);

    @Test
    void aPocketJoinsTheNeighbourItMakesLeastWrong() {
        // 40 | 510 | 450: one grid of 550 is less wrong than 40 and 510
        UnitGraph graph = TreePartitionerTest.chain(40, 510, 450);
        int[] gridOf = {0, 1, 2};
        PocketMerger.merge(Components.of(graph, gridOf, 3), BOUNDS);
        assertArrayEquals(new int[] {1, 1, 2}, gridOf);
    }

    @Test
    void aPocketThatNoMergeHelpsStays() {
        // 250 | 500: together 750 is further from the bounds than 50 short
        UnitGraph graph = TreePartitionerTest.chain(250, 500);
        int[] gridOf = {0, 1};
        PocketMerger.merge(Components.of(graph, gridOf, 2), BOUNDS);
        assertArrayEquals(new int[] {0, 1}, gridOf);
    }

    @Test
    void aUnitMovesToBringBothGridsIntoTheBounds() {
        // 550 | 250: the 100 at the edge moves, 450 | 350
        UnitGraph graph = TreePartitionerTest.chain(450, 100, 250);
        int[] gridOf = {0, 0, 1};
        PartitionRefiner.refine(Components.of(graph, gridOf, 2), BOUNDS);
        assertArrayEquals(new int[] {0, 1, 1}, gridOf);
    }

    @Test
    void neitherStepTakesThePartitionFurtherFromTheBoundsNorAGridApartOnRandomLattices() {
        SplittableRandom rnd = new SplittableRandom(23);
        for (int trial = 0; trial < 200; trial++) {
            int cols = 4 + rnd.nextInt(6), rows = 4 + rnd.nextInt(6), n = cols * rows;
            int[] weight = new int[n];
            for (int u = 0; u < n; u++) weight[u] = rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(120);
            UnitGraph graph =
                    CompactnessRefinerTest.Lattice.of(cols, rows, weight).graph();
            int count = 2 + rnd.nextInt(5);
            int[] gridOf = CompactnessRefinerTest.grow(graph, count, rnd);
            String where = "trial " + trial;
            int before = total(graph, gridOf, count);

            PocketMerger.merge(Components.of(graph, gridOf, count), BOUNDS);
            int merged = total(graph, gridOf, count);
            assertTrue(merged <= before, where + ": merging went from " + before + " to " + merged);
            TreePartitionerTest.assertConnected(graph, gridOf, count);

            int[] occupied = occupied(gridOf, count);
            PartitionRefiner.refine(Components.of(graph, gridOf, count), BOUNDS);
            int refined = total(graph, gridOf, count);
            assertTrue(refined <= merged, where + ": refining went from " + merged + " to " + refined);
            TreePartitionerTest.assertConnected(graph, gridOf, count);
            assertArrayEquals(occupied, occupied(gridOf, count), where + ": a grid emptied or appeared");
        }
    }

    /** How far the grids that hold units are from the bounds, together (a merged pocket holds none). */
    private static int total(UnitGraph graph, int[] gridOf, int count) {
        int[] deviations = CompactnessRefinerTest.deviations(graph, gridOf, count, BOUNDS);
        int[] occupied = occupied(gridOf, count);
        int sum = 0;
        for (int grid = 0; grid < count; grid++) sum += occupied[grid] * deviations[grid];
        return sum;
    }

    private static int[] occupied(int[] gridOf, int count) {
        int[] out = new int[count];
        for (int grid : gridOf) out[grid] = 1;
        return out;
    }
}
