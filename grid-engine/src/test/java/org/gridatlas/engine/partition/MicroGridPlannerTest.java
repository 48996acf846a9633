package org.gridatlas.engine.partition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.gridatlas.engine.Delineator;
import org.gridatlas.engine.TestData;
import org.gridatlas.engine.model.Dataset;
import org.gridatlas.engine.model.Delineation;
import org.gridatlas.engine.model.Grid;
import org.gridatlas.engine.model.GridLevel;
import org.gridatlas.engine.validate.GridVerifier;
import org.gridatlas.engine.validate.Verification;
import org.junit.jupiter.api.Test;

class MicroGridPlannerTest {
    /** 48 buildings of 25 households: grids of about 400, micro grids of two buildings. */
    private static Dataset smallBuildings() {
        TestData t = new TestData().community(TestData.CODE, TestData.rect(0, 0, 600, 400));
        int n = 0;
        for (int row = 0; row < 6; row++) {
            for (int col = 0; col < 8; col++)
                t.building("b" + (++n), 25, TestData.rect(15 + col * 72, 15 + row * 64, 40, 14), null);
        }
        return t.build();
    }

    @Test
    void microGridsTileTheirGridWithCodesOfEighteenDigits() {
        Dataset d = smallBuildings();
        Delineation r = new Delineator(Bounds.DEFAULT, RuralRule.DEFAULT, MicroGridPlanner.DEFAULT).delineate(d);
        Verification v = GridVerifier.verify(d, r, Bounds.DEFAULT);
        assertTrue(v.passed(), v.toString());
        List<Grid> grids =
                r.grids().stream().filter(g -> g.level() == GridLevel.GRID).toList();
        List<Grid> micro =
                r.grids().stream().filter(g -> g.level() == GridLevel.MICRO).toList();
        assertEquals(3, grids.size());
        assertEquals(r.report().microGrids(), micro.size());
        Map<String, Integer> sums = micro.stream()
                .collect(Collectors.groupingBy(Grid::parentCode, Collectors.summingInt(Grid::households)));
        for (Grid g : grids) assertEquals(g.households(), sums.get(g.code()), "micro grids of " + g.code() + " add up");
        for (Grid m : micro) {
            assertTrue(m.code().matches("\\d{18}") && m.code().startsWith(m.parentCode()), m.code());
            assertTrue(MicroGridPlanner.DEFAULT.contains(m.households()), m.code() + " has " + m.households());
        }
        assertEquals(r.assignments().size(), 48, "assignments stay at grid level");
    }

    @Test
    void withoutTheOptionThereAreNone() {
        Delineation r = new Delineator(Bounds.DEFAULT).delineate(smallBuildings());
        assertTrue(r.grids().stream().allMatch(g -> g.level() == GridLevel.GRID));
        assertEquals(0, r.report().microGrids());
    }
}
