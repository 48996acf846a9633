package org.gridatlas.engine.partition;

import java.util.ArrayList;
import java.util.List;
import org.gridatlas.engine.model.Building;
import org.gridatlas.engine.model.Community;
import org.gridatlas.engine.model.CommunityKind;
import org.gridatlas.engine.model.GridKind;
import org.gridatlas.engine.partition.AtomBuilder.PlacedBuilding;
import org.gridatlas.engine.partition.PlanInput.PlacedBarrier;

/**
 * Micro grids (微网格): a grid divided like a small community into building- or unit-level groups
 * of a few dozen households (default 20–50), with the same planner: boundaries on paths and between
 * buildings, compounds and buildings over the maximum split by building and unit. A unit that the
 * grid holds alone stays a piece of its own.
 */
public final class MicroGridPlanner {
    public static final Bounds DEFAULT = new Bounds(20, 50);

    private final CommunityPlanner planner;

    public MicroGridPlanner(Bounds bounds) {
        // micro grids answer to no proof: the heuristic's plan is enough
        this.planner = new CommunityPlanner(bounds, RuralRule.DEFAULT, java.time.Duration.ZERO);
    }

    /** The micro grids of one grid; none for a dedicated grid (a campus is managed as one). */
    public List<DraftGrid> plan(Community community, DraftGrid grid, List<PlacedBarrier> barriers) {
        if (grid.kind() == GridKind.DEDICATED) return List.of();
        List<PlacedBuilding> pieces = new ArrayList<>();
        for (Piece p : grid.pieces()) {
            Building b = p.building();
            boolean unit = !p.key().equals(b.id());
            // a unit of a building split between grids is a building of its own here, keyed as in assignments
            Building as = unit
                    ? new Building(
                            p.key(),
                            p.households(),
                            false,
                            b.use(),
                            null,
                            b.floors(),
                            b.address(),
                            List.of(),
                            b.geometry())
                    : b;
            pieces.add(new PlacedBuilding(as, p.footprint()));
        }
        // household bounds apply inside every grid, rural ones too
        Community asUrban = new Community(
                community.code(),
                community.name(),
                CommunityKind.URBAN,
                community.streetCode(),
                community.streetName(),
                community.districtCode(),
                community.districtName(),
                community.geometry());
        CommunityPlan plan =
                planner.plan(new PlanInput(asUrban, grid.polygon(), pieces, barriers, List.of(), List.of()));
        List<DraftGrid> out = new ArrayList<>();
        for (DraftGrid m : plan.grids()) {
            out.add(new DraftGrid(grid.kind(), m.polygon(), m.pieces(), m.households(), m.flags(), m.why(), null));
        }
        return out;
    }
}
