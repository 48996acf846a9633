package org.gridatlas.engine.partition;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;
import org.gridatlas.engine.geom.Geoms;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

class CompactnessRefinerTest {
    private static final double SIDE = 10;

    /** A lattice of squares as a unit graph; the squares themselves, to measure grids independently. */
    record Lattice(UnitGraph graph, List<Polygon> squares) {
        static Lattice of(int cols, int rows, int[] weight) {
            return of(cols, rows, weight, -1);
        }

        /** {@code roadAfter}: a major road runs between this column and the next (-1: none). */
        static Lattice of(int cols, int rows, int[] weight, int roadAfter) {
            int n = cols * rows;
            double[] x = new double[n], y = new double[n], area = new double[n], outer = new double[n];
            List<Polygon> squares = new ArrayList<>();
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    int u = r * cols + c;
                    x[u] = (c + 0.5) * SIDE;
                    y[u] = (r + 0.5) * SIDE;
                    area[u] = SIDE * SIDE;
                    outer[u] = SIDE
                            * ((r == 0 ? 1 : 0) + (r == rows - 1 ? 1 : 0) + (c == 0 ? 1 : 0) + (c == cols - 1 ? 1 : 0));
                    squares.add((Polygon) Geoms.METRIC.toGeometry(new org.locationtech.jts.geom.Envelope(
                            c * SIDE, (c + 1) * SIDE, r * SIDE, (r + 1) * SIDE)));
                }
            }
            UnitGraph g = new UnitGraph(weight, x, y, area, outer);
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    int u = r * cols + c;
                    if (c + 1 < cols) g.addShared(u, u + 1, c == roadAfter ? road() : TreePartitionerTest.length(SIDE));
                    if (r + 1 < rows) g.addShared(u, u + cols, TreePartitionerTest.length(SIDE));
                }
            }
            return new Lattice(g, squares);
        }

        /** Polsby–Popper of each grid, from the union of its squares (not from the refiner's bookkeeping). */
        double[] compactness(int[] component, int components) {
            double[] out = new double[components];
            for (int k = 0; k < components; k++) {
                List<Geometry> mine = new ArrayList<>();
                for (int u = 0; u < squares.size(); u++) if (component[u] == k) mine.add(squares.get(u));
                Geometry grid = Geoms.METRIC.buildGeometry(mine).union();
                out[k] = 4 * Math.PI * grid.getArea() / (grid.getLength() * grid.getLength());
            }
            return out;
        }
    }

    /** 6 × 3 squares of 100 households: grid 0 the left 3 × 3 block and the square above grid 1's corner, grid 1 the rest. */
    private static int[] notchedPlan() {
        int[] component = new int[18];
        for (int u = 0; u < 18; u++) component[u] = u % 6 < 3 || u == 3 ? 0 : 1;
        return component;
    }

    private static final int[] TWO_SQUARES = {0, 0, 0, 1, 1, 1, 0, 0, 0, 1, 1, 1, 0, 0, 0, 1, 1, 1};

    @Test
    void givesASquareToTheGridItNotches() {
        int[] weight = new int[18];
        Arrays.fill(weight, 100);
        weight[3] = 0; // a park
        Lattice l = Lattice.of(6, 3, weight);
        int[] component = notchedPlan();
        double[] before = l.compactness(component, 2);

        CompactnessRefiner.refine(Components.of(l.graph(), component, 2), new Bounds(300, 900));

        assertArrayEquals(
                TWO_SQUARES, component, "two 3 × 3 grids (compactness before " + Arrays.toString(before) + ")");
        double[] after = l.compactness(component, 2);
        assertEquals(Math.PI / 4, after[0], 1e-9);
        assertEquals(Math.PI / 4, after[1], 1e-9);
    }

    @Test
    void movesNoHouseholdsOutOfBoundsForShape() {
        int[] weight = new int[18];
        Arrays.fill(weight, 100);
        int[] roomy = notchedPlan();
        CompactnessRefiner.refine(Components.of(Lattice.of(6, 3, weight).graph(), roomy, 2), new Bounds(300, 900));
        int[] full = notchedPlan();
        CompactnessRefiner.refine(Components.of(Lattice.of(6, 3, weight).graph(), full, 2), new Bounds(300, 850));

        assertArrayEquals(TWO_SQUARES, roomy, "grid 1 may grow from 800 to 900 households");
        assertArrayEquals(notchedPlan(), full, "grid 1 may not grow to 900 when 850 is the most");
    }

    private static double[] road() {
        double[] l = new double[EdgeTag.VALUES.length];
        l[EdgeTag.MAJOR.ordinal()] = SIDE;
        return l;
    }

    @Test
    void keepsGridBoundariesOnRoads() {
        // 8 × 2 empty squares: a 2 × 2 grid west of the second column, a 6 × 2 grid east of it;
        // two 4 × 2 grids would be rounder, but only with a boundary off the road
        int[] plan = new int[16];
        for (int u = 0; u < 16; u++) plan[u] = u % 8 < 2 ? 0 : 1;
        int[] alongRoad = plan.clone();
        CompactnessRefiner.refine(
                Components.of(Lattice.of(8, 2, new int[16], 1).graph(), alongRoad, 2), new Bounds(0, 100));
        int[] noRoad = plan.clone();
        CompactnessRefiner.refine(Components.of(Lattice.of(8, 2, new int[16]).graph(), noRoad, 2), new Bounds(0, 100));

        assertArrayEquals(plan, alongRoad, "the boundary stays on the road");
        assertEquals(8, Arrays.stream(noRoad).filter(c -> c == 0).count(), "without the road: two 4 × 2 grids");
    }

    @Test
    void neverBreaksBoundsOrContiguityAndNeverLosesCompactnessOnRandomLattices() {
        SplittableRandom rnd = new SplittableRandom(7);
        Bounds bounds = new Bounds(300, 500);
        int improved = 0;
        for (int trial = 0; trial < 200; trial++) {
            int cols = 4 + rnd.nextInt(6), rows = 4 + rnd.nextInt(6), n = cols * rows;
            int[] weight = new int[n];
            // a third of the squares empty (parks, water): free to move, bounded only by compactness
            for (int u = 0; u < n; u++) weight[u] = rnd.nextInt(3) == 0 ? 0 : rnd.nextInt(160);
            Lattice l = Lattice.of(cols, rows, weight);
            int components = 2 + rnd.nextInt(4);
            int[] component = grow(l.graph(), components, rnd);
            int[] deviationBefore = deviations(l.graph(), component, components, bounds);
            double before = Arrays.stream(l.compactness(component, components)).sum();

            CompactnessRefiner.refine(Components.of(l.graph(), component, components), bounds);

            String where = "trial " + trial + " (" + cols + "×" + rows + ", " + components + " grids)";
            int[] deviationAfter = deviations(l.graph(), component, components, bounds);
            for (int k = 0; k < components; k++) {
                assertTrue(deviationAfter[k] <= deviationBefore[k], where + ": grid " + k + " further from the bounds");
                final int grid = k;
                assertTrue(Arrays.stream(component).anyMatch(c -> c == grid), where + ": grid " + k + " emptied");
            }
            TreePartitionerTest.assertConnected(l.graph(), component, components);
            double after = Arrays.stream(l.compactness(component, components)).sum();
            assertTrue(after >= before - 1e-9, where + ": compactness fell from " + before + " to " + after);
            if (after > before + 1e-3) improved++;
            assertNoBetterMoveLeft(l, component, components, bounds, after, where);
        }
        assertTrue(improved > 100, "most random partitions can be rounded off, improved " + improved);
    }

    /** Measured on the squares themselves: no single move the refiner may make rounds the grids off any further. */
    private static void assertNoBetterMoveLeft(
            Lattice l, int[] component, int components, Bounds bounds, double sum, String where) {
        UnitGraph g = l.graph();
        Components grids = Components.of(g, component, components);
        for (int u = 0; u < g.size(); u++) {
            int from = component[u];
            if (grids.members(from) == 1 || !grids.staysConnectedWithout(u)) continue;
            for (UnitGraph.Link link : g.links(u)) {
                int to = component[link.other()];
                if (to == from
                        || !Components.noFurtherFromBounds(
                                bounds, grids.households(from), grids.households(to), g.weight[u])) continue;
                // no more boundary between squares (none of them roads here) than the move removes
                double opened = 0, closed = 0;
                for (UnitGraph.Link m : g.links(u)) {
                    if (component[m.other()] == from) opened += m.length();
                    if (component[m.other()] == to) closed += m.length();
                }
                if (opened > closed) continue;
                component[u] = to;
                double moved =
                        Arrays.stream(l.compactness(component, components)).sum();
                component[u] = from;
                assertTrue(
                        moved <= sum + 1e-3,
                        where + ": moving unit " + u + " to grid " + to + " still gains " + (moved - sum));
            }
        }
    }

    /** A random contiguous partition: grids grown breadth-first from distinct seeds in random order. */
    static int[] grow(UnitGraph g, int components, SplittableRandom rnd) {
        int[] component = new int[g.size()];
        Arrays.fill(component, -1);
        List<Deque<Integer>> fronts = new ArrayList<>();
        for (int k = 0; k < components; k++) {
            int seed;
            do seed = rnd.nextInt(g.size());
            while (component[seed] >= 0);
            component[seed] = k;
            fronts.add(new ArrayDeque<>(List.of(seed)));
        }
        boolean grew = true;
        while (grew) {
            grew = false;
            for (int k = 0; k < components; k++) {
                Deque<Integer> front = fronts.get(k);
                while (!front.isEmpty()) {
                    int u = front.peek();
                    int next = -1;
                    for (UnitGraph.Link l : g.links(u))
                        if (component[l.other()] < 0 && rnd.nextBoolean()) {
                            next = l.other();
                            break;
                        }
                    if (next < 0)
                        for (UnitGraph.Link l : g.links(u))
                            if (component[l.other()] < 0) {
                                next = l.other();
                                break;
                            }
                    if (next < 0) {
                        front.poll();
                        continue;
                    }
                    component[next] = k;
                    front.add(next);
                    grew = true;
                    break;
                }
            }
        }
        return component;
    }

    static int[] deviations(UnitGraph g, int[] component, int components, Bounds bounds) {
        int[] total = new int[components];
        for (int u = 0; u < g.size(); u++) total[component[u]] += g.weight[u];
        int[] out = new int[components];
        for (int k = 0; k < components; k++) out[k] = bounds.deviation(total[k]);
        return out;
    }
}
