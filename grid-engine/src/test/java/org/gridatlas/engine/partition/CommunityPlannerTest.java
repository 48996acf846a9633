package org.gridatlas.engine.partition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gridatlas.engine.geom.Geoms;
import org.gridatlas.engine.model.Building;
import org.gridatlas.engine.model.BuildingUse;
import org.gridatlas.engine.model.Community;
import org.gridatlas.engine.model.CommunityKind;
import org.gridatlas.engine.model.GridKind;
import org.gridatlas.engine.partition.AtomBuilder.PlacedBuilding;
import org.gridatlas.engine.partition.PlanInput.PlacedBarrier;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/** The planner alone, on a community drawn by hand in metres. */
class CommunityPlannerTest {
    private static final Community COMMUNITY = new Community(
            "990101001001", "社区", CommunityKind.URBAN, "990101001", "街道", "990101", "区", rect(0, 0, 600, 400));

    private static Polygon rect(double x, double y, double w, double h) {
        return (Polygon) Geoms.METRIC.toGeometry(new org.locationtech.jts.geom.Envelope(x, x + w, y, y + h));
    }

    /** 600 m × 400 m with a major road down the middle: 48 buildings of 25 households, 1200 in all. */
    private static PlanInput blocksAcrossARoad() {
        List<PlacedBuilding> buildings = new ArrayList<>();
        int n = 0;
        for (int row = 0; row < 6; row++) {
            for (int col = 0; col < 8; col++) {
                Polygon footprint = rect(15 + col * 72, 15 + row * 64, 40, 14);
                buildings.add(new PlacedBuilding(
                        new Building(
                                "b" + (++n), 25, false, BuildingUse.RESIDENTIAL, null, 6, null, List.of(), footprint),
                        footprint));
            }
        }
        PlacedBarrier road = new PlacedBarrier(
                Geoms.METRIC.createLineString(new Coordinate[] {new Coordinate(300, -10), new Coordinate(300, 410)}),
                EdgeTag.MAJOR);
        return new PlanInput(COMMUNITY, rect(0, 0, 600, 400), buildings, List.of(road), List.of(), List.of());
    }

    @Test
    void dividesTheCommunityIntoGridsWithinTheBoundsThatHoldEveryBuildingOnceAndCoverIt() {
        PlanInput in = blocksAcrossARoad();
        CommunityPlan plan = new CommunityPlanner(Bounds.DEFAULT).plan(in);

        assertTrue(
                plan.grids().size() >= 3,
                "1200 households need three grids at least: " + plan.grids().size());
        Map<String, Integer> gridsOfBuilding = new HashMap<>();
        double area = 0;
        int households = 0;
        for (DraftGrid grid : plan.grids()) {
            assertEquals(GridKind.COMMUNITY, grid.kind());
            assertTrue(Bounds.DEFAULT.contains(grid.households()), grid.households() + " households");
            assertTrue(grid.flags().isEmpty(), grid.flags().toString());
            assertEquals(1, grid.polygon().getNumGeometries(), "one polygon per grid");
            for (Piece piece : grid.pieces()) {
                gridsOfBuilding.merge(piece.building().id(), 1, Integer::sum);
                assertTrue(grid.polygon().covers(piece.footprint()), piece.key() + " inside its grid");
            }
            area += grid.polygon().getArea();
            households += grid.households();
        }
        assertEquals(48, gridsOfBuilding.size());
        assertTrue(gridsOfBuilding.values().stream().allMatch(count -> count == 1), gridsOfBuilding.toString());
        assertEquals(1200, households);
        assertEquals(in.polygon().getArea(), area, 1e-6 * in.polygon().getArea(), "no gap, no overlap");
        Geometry union =
                Geoms.union(plan.grids().stream().map(DraftGrid::polygon).toList());
        assertEquals(
                in.polygon().getArea(), union.getArea(), 1e-6 * in.polygon().getArea());
    }

    @Test
    void cutsAlongTheRoadWhereTheBoundsAllowIt() {
        // each side holds 600 households, one grid of 500–700: the boundary is the road
        List<DraftGrid> grids = new CommunityPlanner(new Bounds(500, 700))
                .plan(blocksAcrossARoad())
                .grids();
        assertEquals(2, grids.size());
        for (DraftGrid grid : grids) {
            double west =
                    Geoms.intersection(grid.polygon(), rect(0, 0, 300, 400)).getArea();
            double east =
                    Geoms.intersection(grid.polygon(), rect(300, 0, 300, 400)).getArea();
            assertTrue(Math.min(west, east) < 1, "grid across the road: " + west + " m² west, " + east + " m² east");
        }
    }

    @Test
    void aStepAddedAfterTheHeuristicSeesEveryCommunitysGridsOnce() {
        List<Integer> seen = new ArrayList<>();
        PartitionStep counting = (grids, target) -> {
            int households = 0;
            for (int grid = 0; grid < grids.grids(); grid++) households += grids.households(grid);
            seen.add(households);
            assertEquals(Bounds.DEFAULT, target);
        };
        List<PartitionStep> steps = new ArrayList<>(PartitionStep.HEURISTIC);
        steps.add(counting);
        new CommunityPlanner(Bounds.DEFAULT, RuralRule.DEFAULT, steps).plan(blocksAcrossARoad());
        assertEquals(List.of(1200), seen);
    }
}
