package org.gridatlas.engine.partition;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BoundsRepairTest {
    private static final Bounds BOUNDS = new Bounds(300, 500);

    @Test
    void anOverFullGridGivesAUnitToAFullNeighbourThatPassesOneOn() {
        // 520 | 500 | 350: the 40 cannot go to the full middle grid until its 100 goes on to the last
        UnitGraph g = TreePartitionerTest.chain(480, 40, 200, 200, 100, 150, 200);
        int[] component = {0, 0, 1, 1, 1, 2, 2};
        BoundsRepair.repair(Components.of(g, component, 3), BOUNDS);
        assertArrayEquals(new int[] {0, 1, 1, 1, 2, 2, 2}, component, "480 | 440 | 450");
    }

    @Test
    void aGridShortOfHouseholdsIsFedThroughANeighbourThatCannotSpareAny() {
        // 280 | 300 | 350: the 30 cannot leave the middle grid until the last grid's 50 refills it
        UnitGraph g = TreePartitionerTest.chain(280, 30, 200, 70, 50, 300);
        int[] component = {0, 1, 1, 1, 2, 2};
        BoundsRepair.repair(Components.of(g, component, 3), BOUNDS);
        assertArrayEquals(new int[] {0, 0, 1, 1, 1, 2}, component, "310 | 320 | 300");
    }

    @Test
    void leavesGridsWithinBoundsAsTheyAre() {
        UnitGraph g = TreePartitionerTest.chain(480, 40, 200, 200, 50, 150, 200);
        int[] component = {0, 1, 1, 1, 2, 2, 2};
        BoundsRepair.repair(Components.of(g, component, 3), BOUNDS);
        assertArrayEquals(new int[] {0, 1, 1, 1, 2, 2, 2}, component);
    }

    @Test
    void neverTakesAGridFurtherFromTheBoundsNorApartOnRandomLattices() {
        SplittableRandom rnd = new SplittableRandom(11);
        int repaired = 0;
        for (int trial = 0; trial < 300; trial++) {
            int cols = 4 + rnd.nextInt(6), rows = 4 + rnd.nextInt(6), n = cols * rows;
            int[] weight = new int[n];
            for (int u = 0; u < n; u++) weight[u] = rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(120);
            UnitGraph g = CompactnessRefinerTest.Lattice.of(cols, rows, weight).graph();
            int components = 2 + rnd.nextInt(5);
            int[] component = CompactnessRefinerTest.grow(g, components, rnd);
            int[] before = CompactnessRefinerTest.deviations(g, component, components, BOUNDS);

            BoundsRepair.repair(Components.of(g, component, components), BOUNDS);

            String where = "trial " + trial;
            int[] after = CompactnessRefinerTest.deviations(g, component, components, BOUNDS);
            for (int k = 0; k < components; k++) {
                assertTrue(after[k] <= before[k], where + ": grid " + k + " from " + before[k] + " to " + after[k]);
                final int grid = k;
                assertTrue(Arrays.stream(component).anyMatch(c -> c == grid), where + ": grid " + k + " emptied");
            }
            TreePartitionerTest.assertConnected(g, component, components);
            if (Arrays.stream(after).sum() < Arrays.stream(before).sum()) repaired++;
        }
        assertTrue(repaired > 10, "some random partitions are brought nearer the bounds, " + repaired);
    }
}
