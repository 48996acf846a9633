package org.gridatlas.engine.partition.exact;

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
        int compared = 0;
        for (int trial = 0; trial < 60; trial++) {
            DivisionProblem p = randomProblem(random, 5 + random.nextInt(10));
            BruteForceDivision all = new BruteForceDivision(p);
            // none when a compound holds a building over the maximum; nothing to solve when the units over the
            // maximum alone account for the worst division's grids out of bounds
            if (all.worst == null || all.worst.score().outOfBounds() == heavy(p)) continue;
            Division d = solver.improve(p, all.worst.label(), all.worst.grids());
            assertEquals(all.best.score(), d.score(), "trial " + trial + " (" + all.divisions + " divisions)");
            assertEquals(Score.of(p, d.label(), d.grids()), d.score(), "trial " + trial);
            assertEquals(Proof.OPTIMAL, d.proof(), "trial " + trial);
            assertEquals(all.best.score().outOfBounds(), d.lowerBound(), "trial " + trial);
            assertConnected(p, d);
            compared++;
        }
        assertTrue(compared >= 40, "compared " + compared);
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

    private static int heavy(DivisionProblem p) {
        return (int) java.util.Arrays.stream(p.weight())
                .filter(w -> w > p.bounds().max())
                .count();
    }

    @Test
    void whenTheUnitsOverTheMaximumAccountForEveryGridOutOfBoundsTheCountIsProvenWithoutASolve() {
        DivisionProblem p = path(new int[] {700, 150, 200}, List.of());
        Division d = new ExactDivider(Duration.ZERO).improve(p, new int[] {0, 1, 1}, 2);
        assertEquals(Proof.OPTIMAL, d.proof());
        assertEquals(1, d.lowerBound());
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
        int n = p.size();
        int[] parent = new int[n];
        for (int u = 0; u < n; u++) parent[u] = u;
        for (DivisionProblem.Edge e : p.edges())
            if (d.label()[e.a()] == d.label()[e.b()]) parent[find(parent, e.a())] = find(parent, e.b());
        Set<Integer> pieces = new HashSet<>();
        for (int u = 0; u < n; u++) pieces.add(find(parent, u));
        assertEquals(d.grids(), pieces.size(), "every grid one connected piece");
    }

    private static int find(int[] parent, int u) {
        while (parent[u] != u) u = parent[u] = parent[parent[u]];
        return u;
    }
}
