package org.gridatlas.engine.partition.exact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExactDividerTest {
    private static final DivisionProblem.Range BOUNDS = new DivisionProblem.Range(300, 500);
    private final ExactDivider solver = new ExactDivider(Duration.ofSeconds(20));

    @Test
    void theOptimumEqualsTheBestOfEveryConnectedDivisionOnSmallCommunities() {
        Random random = new Random(23);
        int improved = 0;
        for (int trial = 0; trial < 60; trial++) {
            DivisionProblem p = randomProblem(random, 5 + random.nextInt(10));
            BruteForceDivision all = new BruteForceDivision(p);
            // none when a compound holds a building over the maximum
            if (all.worst == null) continue;
            int fewest = all.best.score().outOfBounds();
            assertTrue(LowerBound.of(p) <= fewest, "trial " + trial + ": the arithmetic bound holds");
            Division d = solver.improve(p, all.worst.label(), all.worst.grids());
            assertEquals(Score.of(p, d.label(), d.grids()), d.score(), "trial " + trial);
            assertEquals(Proof.OPTIMAL, d.proof(), "trial " + trial);
            assertEquals(fewest, d.lowerBound(), "trial " + trial);
            assertConnected(p, d);
            if (all.worst.score().outOfBounds() > fewest) {
                // the solver's plan: the best of every division, distance and boundary too
                assertEquals(all.best.score(), d.score(), "trial " + trial + " (" + all.divisions + " divisions)");
                improved++;
            }
            // from a plan with the fewest grids out, nothing is to gain: it stays as it is, proven
            Division kept = solver.improve(p, all.best.label(), all.best.grids());
            assertArrayEquals(all.best.label(), kept.label(), "trial " + trial);
            assertEquals(Proof.OPTIMAL, kept.proof(), "trial " + trial);
            assertEquals(fewest, kept.lowerBound(), "trial " + trial);
        }
        assertTrue(improved >= 40, "improved " + improved);
    }

    @Test
    void aHeuristicPlanWithTheFewestGridsOutKeepsItsCountWithoutASolveAndIsTrimmed() {
        // 100 | 450 | 100 | 300: one grid out at best, 650 (as planned) or 550 (the pair 100 + 300 beside it)
        DivisionProblem p = path(new int[] {100, 450, 100, 300}, List.of());
        Division d = solver.improve(p, new int[] {0, 0, 0, 1}, 2);
        assertArrayEquals(new int[] {0, 0, 1, 1}, d.label());
        assertEquals(new Score(1, 50, 10), d.score());
        assertEquals(1, d.lowerBound());
        assertEquals(Proof.OPTIMAL, d.proof());
    }

    @Test
    void gridsStayConnectedWhereJoiningTheEndsOfAPathWouldMeetTheBounds() {
        // 200 | 400 | 200: the two ends together would make 400 and 400, but they do not touch
        DivisionProblem p = path(new int[] {200, 400, 200}, List.of());
        Division d = solver.improve(p, new int[] {0, 1, 2}, 3);
        assertEquals(1, d.score().outOfBounds());
        assertEquals(1, d.lowerBound());
        assertConnected(p, d);
    }

    @Test
    void aCompoundOverSeveralUnitsStaysInOneGrid() {
        // 150 | 150 | 150 | 150 with the middle two one compound: two pairs would meet the bounds, but split it
        DivisionProblem p = path(new int[] {150, 150, 150, 150}, List.of(new int[] {1, 2}));
        Division d = solver.improve(p, new int[] {0, 1, 1, 2}, 3);
        assertEquals(d.label()[1], d.label()[2]);
        assertEquals(new Score(1, 100, 0), d.score());
        assertEquals(Proof.OPTIMAL, d.proof());
    }

    @Test
    void twoUnitsOverTheMaximumAreNeverOneGridAndEachIsProvenOut() {
        DivisionProblem p = path(new int[] {700, 650, 300}, List.of());
        Division d = solver.improve(p, new int[] {0, 1, 2}, 3);
        assertEquals(new Score(2, 350, 20), d.score());
        assertEquals(2, d.lowerBound());
        assertEquals(Proof.OPTIMAL, d.proof());
    }

    @Test
    void withoutTimeTheHeuristicsPlanIsKeptUnproven() {
        DivisionProblem p = path(new int[] {200, 400, 200}, List.of());
        Division d = new ExactDivider(Duration.ZERO).improve(p, new int[] {0, 1, 2}, 3);
        assertEquals(Proof.HEURISTIC, d.proof());
        assertEquals(2, d.score().outOfBounds());
        assertEquals(0, d.lowerBound());
    }

    @Test
    void withoutTimeAUnitOverTheMaximumStillCountsAsAGridOutOfBounds() {
        DivisionProblem p = path(new int[] {700, 400, 200}, List.of());
        Division d = new ExactDivider(Duration.ZERO).improve(p, new int[] {0, 1, 2}, 3);
        assertEquals(1, d.lowerBound());
    }

    @Test
    void whenTheUnitsOverTheMaximumAccountForEveryGridOutOfBoundsTheCountIsProvenWithoutASolve() {
        DivisionProblem p = path(new int[] {700, 150, 200}, List.of());
        Division d = new ExactDivider(Duration.ZERO).improve(p, new int[] {0, 1, 1}, 2);
        assertEquals(Proof.OPTIMAL, d.proof());
        assertEquals(1, d.lowerBound());
    }

    @Test
    void aPieceWhoseHouseholdsNoGridsWithinTheBoundsHoldIsProvenOutWithoutASolve() {
        // two pieces, 200 and 400 households: the 200 cannot be helped
        DivisionProblem p = new DivisionProblem(new int[] {200, 400}, List.of(), List.of(), BOUNDS);
        Division d = new ExactDivider(Duration.ZERO).improve(p, new int[] {0, 1}, 2);
        assertEquals(Proof.OPTIMAL, d.proof());
        assertEquals(1, d.lowerBound());
    }

    @Test
    void aGroupOverTheMaximumIsProvenOutWithoutASolve() {
        // 300 | 300 | 400 with the first two one compound of 600
        DivisionProblem p = path(new int[] {300, 300, 400}, List.<int[]>of(new int[] {0, 1}));
        Division d = new ExactDivider(Duration.ZERO).improve(p, new int[] {0, 0, 1}, 2);
        assertEquals(Proof.OPTIMAL, d.proof());
        assertEquals(1, d.lowerBound());
        assertEquals(0, LowerBound.of(path(new int[] {300, 300, 400}, List.of())));
    }

    private static DivisionProblem path(int[] weight, List<int[]> together) {
        List<DivisionProblem.Edge> edges = new ArrayList<>();
        for (int u = 1; u < weight.length; u++) edges.add(new DivisionProblem.Edge(u - 1, u, 10));
        return new DivisionProblem(weight, edges, together, BOUNDS);
    }

    /** A random tree with a few more edges; households 0–520, some compounds over two or three units. */
    private static DivisionProblem randomProblem(Random random, int n) {
        int[] weight = new int[n];
        for (int u = 0; u < n; u++) weight[u] = random.nextInt(10) == 0 ? 0 : 40 + random.nextInt(480);
        List<DivisionProblem.Edge> edges = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (int u = 1; u < n; u++) addEdge(edges, seen, random.nextInt(u), u, random);
        for (int extra = random.nextInt(n / 2 + 1); extra > 0; extra--) {
            int a = random.nextInt(n), b = random.nextInt(n);
            if (a != b) addEdge(edges, seen, Math.min(a, b), Math.max(a, b), random);
        }
        List<int[]> together = new ArrayList<>();
        if (random.nextBoolean()) together.add(new int[] {random.nextInt(n), random.nextInt(n)});
        if (random.nextInt(3) == 0) together.add(new int[] {random.nextInt(n), random.nextInt(n), random.nextInt(n)});
        return new DivisionProblem(weight, edges, together, BOUNDS);
    }

    private static void addEdge(List<DivisionProblem.Edge> edges, Set<Long> seen, int a, int b, Random random) {
        if (seen.add((long) a << 32 | b)) edges.add(new DivisionProblem.Edge(a, b, random.nextInt(30)));
    }

    private static void assertConnected(DivisionProblem p, Division d) {
        assertConnected(p, d.label(), d.grids(), "every grid one connected piece");
    }

    /** Each of the {@code grids} grids of the labelling is one piece connected by the problem's edges. */
    static void assertConnected(DivisionProblem p, int[] label, int grids, String message) {
        int n = p.size();
        int[] parent = new int[n];
        for (int u = 0; u < n; u++) parent[u] = u;
        for (DivisionProblem.Edge e : p.edges())
            if (label[e.a()] == label[e.b()]) parent[find(parent, e.a())] = find(parent, e.b());
        Set<Integer> pieces = new HashSet<>();
        for (int u = 0; u < n; u++) pieces.add(find(parent, u));
        assertEquals(grids, pieces.size(), message);
    }

    private static int find(int[] parent, int u) {
        while (parent[u] != u) u = parent[u] = parent[parent[u]];
        return u;
    }
}
