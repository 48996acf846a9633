package org.gridatlas.engine.partition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Random;
import org.gridatlas.engine.Delineator;
import org.gridatlas.engine.TestData;
import org.gridatlas.engine.model.BarrierClass;
import org.gridatlas.engine.model.CommunityBounds;
import org.gridatlas.engine.model.Dataset;
import org.gridatlas.engine.model.Delineation;
import org.gridatlas.engine.model.Grid;
import org.gridatlas.engine.model.GridKind;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

/** The exact step on random lattices of blocks: its plans pass the verifier and never do worse than the heuristic's. */
class ExactStepLatticeTest {
    @Test
    void plansOnRandomLatticesPassTheVerifierWithNoMoreGridsOutOfBounds() {
        Random random = new Random(2323);
        int improved = 0;
        for (int trial = 0; trial < 6; trial++) {
            int rows = 3 + random.nextInt(3), cols = 3 + random.nextInt(3);
            Dataset d = lattice(random, rows, cols);
            Delineation heuristic = delineate(d, Duration.ZERO);
            Delineation exact = delineate(d, Duration.ofSeconds(20));
            assertTrue(
                    exact.report().verification().values().stream().allMatch(v -> v == 0),
                    "trial " + trial + ": " + exact.report().verification());
            int before = outOfBounds(heuristic), after = outOfBounds(exact);
            assertTrue(after <= before, "trial " + trial + ": " + before + " -> " + after);
            CommunityBounds cb = exact.report().communityBounds().get(0);
            assertEquals(after, cb.outOfBounds(), "trial " + trial);
            assertTrue(cb.lowerBound() <= after, "trial " + trial);
            if (after < before) improved++;
        }
        assertTrue(improved > 0, "the exact step brings some lattice closer to the bounds");
    }

    private static Delineation delineate(Dataset d, Duration limit) {
        return new Delineator(Bounds.DEFAULT, RuralRule.DEFAULT, null, limit).delineate(d);
    }

    private static int outOfBounds(Delineation d) {
        int n = 0;
        for (Grid g : d.grids()) if (g.kind() == GridKind.COMMUNITY && !Bounds.DEFAULT.contains(g.households())) n++;
        return n;
    }

    /** A community of rows × cols blocks of 100 m between minor roads, one building of 60–330 households in each. */
    private static Dataset lattice(Random random, int rows, int cols) {
        double size = 100;
        TestData t = new TestData().community(TestData.CODE, TestData.rect(0, 0, cols * size, rows * size));
        for (int c = 1; c < cols; c++)
            t.road(BarrierClass.MINOR, new Coordinate(c * size, 0), new Coordinate(c * size, rows * size));
        for (int r = 1; r < rows; r++)
            t.road(BarrierClass.MINOR, new Coordinate(0, r * size), new Coordinate(cols * size, r * size));
        int n = 0;
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++)
                t.building(
                        "b" + (++n),
                        60 + random.nextInt(270),
                        TestData.rect(c * size + 30, r * size + 30, 40, 40),
                        null);
        return t.build();
    }
}
