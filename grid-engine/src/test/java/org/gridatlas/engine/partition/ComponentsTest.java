package org.gridatlas.engine.partition;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ComponentsTest {
    @Test
    void keepsEachGridsHouseholdsAndMembersAsUnitsMove() {
        SplittableRandom rnd = new SplittableRandom(5);
        for (int trial = 0; trial < 100; trial++) {
            int cols = 3 + rnd.nextInt(5), rows = 3 + rnd.nextInt(5), n = cols * rows;
            int[] weight = new int[n];
            for (int u = 0; u < n; u++) weight[u] = rnd.nextInt(150);
            UnitGraph graph =
                    CompactnessRefinerTest.Lattice.of(cols, rows, weight).graph();
            int count = 2 + rnd.nextInt(3);
            int[] gridOf = CompactnessRefinerTest.grow(graph, count, rnd);
            Components grids = Components.of(graph, gridOf, count);
            for (int move = 0; move < 20; move++) grids.move(rnd.nextInt(n), rnd.nextInt(count));
            int[] households = new int[count], members = new int[count];
            for (int u = 0; u < n; u++) {
                households[gridOf[u]] += weight[u];
                members[gridOf[u]]++;
            }
            for (int grid = 0; grid < count; grid++) {
                assertEquals(households[grid], grids.households(grid), "trial " + trial + " grid " + grid);
                assertEquals(members[grid], grids.members(grid), "trial " + trial + " grid " + grid);
            }
        }
    }

    @Test
    void movesChangeTheArrayItWasMadeOver() {
        int[] gridOf = {0, 0, 1};
        Components grids = Components.of(TreePartitionerTest.chain(100, 200, 300), gridOf, 2);
        grids.move(1, 1);
        assertArrayEquals(new int[] {0, 1, 1}, gridOf);
        assertEquals(100, grids.households(0));
        assertEquals(500, grids.households(1));
    }

    @Test
    void aGridStaysConnectedOnlyWithoutItsEnds() {
        // a chain of five units in one grid: taking an end keeps it whole, taking the middle cuts it
        Components grids = Components.of(TreePartitionerTest.chain(1, 1, 1, 1, 1), new int[5], 1);
        assertTrue(grids.staysConnectedWithout(0));
        assertTrue(grids.staysConnectedWithout(4));
        assertFalse(grids.staysConnectedWithout(2));
        assertTrue(grids.staysConnectedWithout(Set.of(0, 1), 0));
        assertFalse(grids.staysConnectedWithout(Set.of(1), 0));
        assertFalse(grids.staysConnectedWithout(Set.of(0, 1, 2, 3, 4), 0), "nothing left is not a grid");
    }
}
