package org.gridatlas.engine.departments;

import static org.gridatlas.engine.TestData.PLANE;
import static org.gridatlas.engine.TestData.rect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.gridatlas.engine.model.Assignment;
import org.gridatlas.engine.model.Building;
import org.gridatlas.engine.model.DepartmentUnit;
import org.gridatlas.engine.model.Grid;
import org.gridatlas.fixtures.DepartmentLayers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Envelope;

/**
 * For any tiling by units that covers the grids: every grid's area shares and household shares sum
 * to one, and no gap or overlap is reported. Grids of random widths in rows, units a random Voronoi
 * diagram over a larger box, buildings at random points.
 */
class CrosswalkPropertyTest {
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void sharesOfATilingSumToOne(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Grid> grids = new ArrayList<>();
        List<Building> buildings = new ArrayList<>();
        List<Assignment> assignments = new ArrayList<>();
        for (int row = 0; row < 4; row++) {
            double x = 0;
            while (x < 1000) {
                double w = Math.min(1000 - x, 80 + rnd.nextDouble() * 200);
                String code = String.format("990101001001%03d", grids.size() + 1);
                grids.add(CrosswalkTest.grid(code, rect(x, row * 250, w, 250), 0));
                for (int b = 0; b < 1 + rnd.nextInt(6); b++) {
                    String id = code + "-" + b;
                    buildings.add(CrosswalkTest.building(
                            id,
                            x + 6 + rnd.nextDouble() * (w - 12),
                            row * 250 + 6 + rnd.nextDouble() * 238,
                            1 + rnd.nextInt(80)));
                    assignments.add(new Assignment(id, code));
                }
                x += w;
            }
        }
        Envelope box = PLANE.toLonLat(rect(-100, -100, 1200, 1200)).getEnvelopeInternal();
        List<DepartmentUnit> units = DepartmentLayers.voronoi(box, 5 + rnd.nextInt(40), seed);
        Envelope extent = new Envelope();
        grids.forEach(g -> extent.expandToInclude(g.geometry().getEnvelopeInternal()));
        Map<String, Building> byId = new HashMap<>();
        buildings.forEach(b -> byId.put(b.id(), b));
        CrosswalkResult r = new Crosswalk(units, extent).run(grids, assignments, byId);
        Map<String, double[]> sums = new HashMap<>();
        for (CrosswalkRow row : r.rows()) {
            double[] s = sums.computeIfAbsent(row.gridCode(), k -> new double[2]);
            s[0] += row.areaShare();
            s[1] += row.householdShare();
        }
        assertEquals(grids.size(), sums.size(), "every grid has rows");
        sums.forEach((code, s) -> {
            assertEquals(1, s[0], 1e-6, code + " area shares");
            assertEquals(1, s[1], 1e-9, code + " household shares");
        });
        assertEquals(grids.size(), r.mainUnit().size());
        assertTrue(
                r.conflicts().stream().noneMatch(c -> c.kind() == ConflictKind.GAP || c.kind() == ConflictKind.OVERLAP),
                r.conflicts().toString());
        // the units reach 100 m past the grids on every side: the outer ones lie partly outside
        assertTrue(r.count(ConflictKind.OUTSIDE_COVERAGE) > 0);
    }
}
