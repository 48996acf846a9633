package org.gridatlas.engine.partition;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.gridatlas.engine.model.GridFlag;
import org.gridatlas.engine.model.GridKind;
import org.junit.jupiter.api.Test;

class GridAssemblyTest {
    @Test
    void anEditedUrbanGridIsFlaggedByTheBoundsAlone() {
        assertEquals(List.of(), GridAssembly.editedFlags(GridKind.COMMUNITY, 400, Bounds.DEFAULT, false));
        assertEquals(
                List.of(GridFlag.BELOW_MIN), GridAssembly.editedFlags(GridKind.COMMUNITY, 299, Bounds.DEFAULT, true));
        assertEquals(
                List.of(GridFlag.ABOVE_MAX), GridAssembly.editedFlags(GridKind.COMMUNITY, 501, Bounds.DEFAULT, true));
        assertEquals(List.of(), GridAssembly.editedFlags(GridKind.DEDICATED, 9000, Bounds.DEFAULT, false));
    }

    @Test
    void anEditedVillageGridKeepsRuleSevensFlagWhileTheCountBreaksIt() {
        assertEquals(
                List.of(GridFlag.RURAL_GRID_COUNT),
                GridAssembly.editedFlags(GridKind.RURAL, 50, Bounds.DEFAULT, false));
        assertEquals(List.of(), GridAssembly.editedFlags(GridKind.RURAL, 50, Bounds.DEFAULT, true));
        // a small village (under 2 km² and 600 households) has 1–2 grids, a large one 2–4
        assertEquals(true, RuralRule.DEFAULT.countFits(1_000_000, 100, 2));
        assertEquals(false, RuralRule.DEFAULT.countFits(1_000_000, 100, 3));
        assertEquals(false, RuralRule.DEFAULT.countFits(3_000_000, 100, 1));
    }
}
