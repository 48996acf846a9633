package org.gridatlas.engine.partition.exact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TrimmingTest {
    private static final DivisionProblem.Range BOUNDS = new DivisionProblem.Range(300, 500);

    @Test
    void aGridAroundABuildingOverTheMaximumGivesUpWhatItNeedNotHold() {
        // 510 | 100 | 100 | 100 | 100 | 100, all one grid of 1,010: the five beside it are a grid of 500
        DivisionProblem p = problem(new int[] {510, 100, 100, 100, 100, 100}, path(6), List.of());
        int[] carved = Trimming.of(p, new int[6]);
        assertArrayEquals(new int[] {0, 1, 1, 1, 1, 1}, carved);
        assertEquals(new Score(1, 10, 10), Score.of(p, carved, 2));
    }

    @Test
    void aGridOverTheMaximumHandsUnitsToANeighbourWithRoom() {
        // 510 | 100 | 100 and a grid of 400 beside: one unit goes over (500), the next would make it 600
        DivisionProblem p = problem(new int[] {510, 100, 100, 400}, path(4), List.of());
        int[] trimmed = Trimming.of(p, new int[] {0, 0, 0, 1});
        assertArrayEquals(new int[] {0, 0, 1, 1}, trimmed);
        assertEquals(new Score(1, 110, 10), Score.of(p, trimmed, 2));
    }

    @Test
    void bothSidesOfTheBuildingAreCarvedOff() {
        // 100 | 100 | 100 | 510 | 100 | 100 | 100: 1,110 households, then 300 + 510 + 300
        DivisionProblem p = problem(new int[] {100, 100, 100, 510, 100, 100, 100}, path(7), List.of());
        int[] carved = Trimming.of(p, new int[7]);
        assertEquals(new Score(1, 10, 20), Score.of(p, carved, 3));
    }

    @Test
    void nothingIsCarvedThatWouldLeaveTheRestInTwo() {
        // 510 - 350 hub - two leaves of 100: every chunk within the bounds holds the hub and cuts off a leaf
        List<DivisionProblem.Edge> edges = List.of(edge(0, 1), edge(1, 2), edge(1, 3));
        DivisionProblem p = problem(new int[] {510, 350, 100, 100}, edges, List.of());
        assertArrayEquals(new int[4], Trimming.of(p, new int[4]));
    }

    @Test
    void aGroupIsCarvedWholeOrNotAtAll() {
        // 510 | 100 | 150 | 150 | 100: the four beside the building are a grid of 500
        int[] weight = {510, 100, 150, 150, 100};
        assertArrayEquals(new int[] {0, 1, 1, 1, 1}, Trimming.of(problem(weight, path(5), List.of()), new int[5]));
        // but not when the last is in one compound with the building: without it, the rest falls in two
        DivisionProblem withBuilding = problem(weight, path(5), List.<int[]>of(new int[] {0, 4}));
        assertArrayEquals(new int[5], Trimming.of(withBuilding, new int[5]));
        // compounds that share a unit are one (1, 3 and 4), not in one piece without 2, and 650 with it
        DivisionProblem shared = problem(
                new int[] {510, 100, 150, 150, 250}, path(5), List.<int[]>of(new int[] {1, 3}, new int[] {3, 4}));
        assertArrayEquals(new int[5], Trimming.of(shared, new int[5]));
    }

    @Test
    void onRandomProblemsTheScoreOnlyFallsAndEveryGridStaysConnected() {
        Random random = new Random(77);
        int carvedSome = 0;
        for (int trial = 0; trial < 200; trial++) {
            int n = 6 + random.nextInt(20);
            int[] weight = new int[n];
            for (int u = 0; u < n; u++)
                weight[u] = random.nextInt(8) == 0 ? 520 + random.nextInt(200) : random.nextInt(200);
            List<DivisionProblem.Edge> edges = new ArrayList<>();
            for (int u = 1; u < n; u++) edges.add(edge(random.nextInt(u), u));
            for (int k = 0; k < n / 3; k++) {
                int a = random.nextInt(n), b = random.nextInt(n);
                if (a != b) edges.add(edge(Math.min(a, b), Math.max(a, b)));
            }
            DivisionProblem p = problem(weight, edges, List.of());
            int[] start = new int[n]; // the whole tree one grid: connected
            int[] carved = Trimming.of(p, start);
            int grids = java.util.Arrays.stream(carved).max().getAsInt() + 1;
            Score before = Score.of(p, start, 1), after = Score.of(p, carved, grids);
            assertTrue(after.outOfBounds() <= before.outOfBounds(), "trial " + trial);
            assertTrue(after.compareTo(before) <= 0, "trial " + trial);
            ExactDividerTest.assertConnected(p, carved, grids, "trial " + trial + ": every grid one connected piece");
            if (after.compareTo(before) < 0) carvedSome++;
        }
        assertTrue(carvedSome > 50, "carved " + carvedSome);
    }

    private static List<DivisionProblem.Edge> path(int n) {
        List<DivisionProblem.Edge> edges = new ArrayList<>();
        for (int u = 1; u < n; u++) edges.add(edge(u - 1, u));
        return edges;
    }

    private static DivisionProblem.Edge edge(int a, int b) {
        return new DivisionProblem.Edge(a, b, 10);
    }

    private static DivisionProblem problem(int[] weight, List<DivisionProblem.Edge> edges, List<int[]> together) {
        return new DivisionProblem(weight, edges, together, BOUNDS);
    }
}
