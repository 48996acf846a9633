package org.gridatlas.engine.departments;

import static org.gridatlas.engine.TestData.PLANE;
import static org.gridatlas.engine.TestData.rect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.gridatlas.engine.model.Assignment;
import org.gridatlas.engine.model.Building;
import org.gridatlas.engine.model.BuildingUse;
import org.gridatlas.engine.model.DepartmentUnit;
import org.gridatlas.engine.model.Grid;
import org.gridatlas.engine.model.GridKind;
import org.gridatlas.engine.model.GridLevel;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * Four 100 m grids in a row (A B C D, x = 0…400) against units drawn to give each kind of result:
 * A whole in U1; B split by the U1/U2 line with buildings on both sides; C half in U2, half in no
 * unit; D cut by the U3/U6 line with every building in U3; U4 and U5 outside, overlapping each other.
 */
class CrosswalkTest {
    static final String A = "990101001001001", B = "990101001001002", C = "990101001001003", D = "990101001001004";

    static Grid grid(String code, Geometry metric, int households) {
        return new Grid(
                code,
                GridLevel.GRID,
                GridKind.COMMUNITY,
                "990101001001",
                "990101001",
                households,
                1,
                metric.getArea(),
                null,
                List.of(),
                PLANE.toLonLat(metric));
    }

    static DepartmentUnit unit(String id, Geometry metric) {
        return new DepartmentUnit(id, "单元" + id, "公安", PLANE.toLonLat(metric));
    }

    static Building building(String id, double x, double y, int households) {
        return new Building(
                id,
                households,
                false,
                BuildingUse.RESIDENTIAL,
                null,
                6,
                null,
                List.of(),
                PLANE.toLonLat(rect(x - 5, y - 5, 10, 10)));
    }

    static final List<Grid> GRIDS = List.of(
            grid(A, rect(0, 0, 100, 100), 100),
            grid(B, rect(100, 0, 100, 100), 100),
            grid(C, rect(200, 0, 100, 100), 30),
            grid(D, rect(300, 0, 100, 100), 20));
    static final List<Building> BUILDINGS = List.of(
            building("b1", 50, 50, 100),
            building("b2", 120, 50, 40),
            building("b3", 180, 50, 60),
            building("b4", 260, 50, 30),
            building("b5", 320, 50, 20));
    static final List<Assignment> ASSIGNMENTS = List.of(
            new Assignment("b1", A),
            new Assignment("b2", B),
            new Assignment("b3", B),
            new Assignment("b4", C),
            new Assignment("b5", D));
    static final List<DepartmentUnit> UNITS = List.of(
            unit("U1", rect(0, 0, 150, 100)),
            unit("U2", rect(150, 0, 100, 100)),
            unit("U3", rect(300, 0, 60, 100)),
            unit("U6", rect(360, 0, 40, 100)),
            unit("U4", rect(500, 0, 50, 50)),
            unit("U5", rect(520, 0, 50, 50)));

    static CrosswalkResult run(List<DepartmentUnit> units) {
        Envelope extent = new Envelope();
        GRIDS.forEach(g -> extent.expandToInclude(g.geometry().getEnvelopeInternal()));
        return new Crosswalk(units, extent)
                .run(
                        GRIDS,
                        ASSIGNMENTS,
                        BUILDINGS.stream().collect(Collectors.toMap(Building::id, Function.identity())));
    }

    @Test
    void sharesOfAreaAndHouseholdsPerGridAndUnit() {
        CrosswalkResult r = run(UNITS);
        List<String> rows = new ArrayList<>();
        for (CrosswalkRow row : r.rows())
            rows.add(String.format(
                    "%s %s %.3f %.3f",
                    row.gridCode().substring(12), row.unitId(), row.areaShare(), row.householdShare()));
        assertEquals(
                List.of(
                        "001 U1 1.000 1.000",
                        "002 U1 0.500 0.400",
                        "002 U2 0.500 0.600",
                        "003 U2 0.500 0.000",
                        "004 U3 0.600 1.000",
                        "004 U6 0.400 0.000"),
                rows);
        // most households first, then most area: B goes with U2 (60 of 100), C (no one in a unit) with U2 by area
        assertEquals(Map.of(A, "U1", B, "U2", C, "U2", D, "U3"), r.mainUnit());
        assertEquals(4, r.grids());
        assertEquals(6, r.units());
        assertEquals(1, r.gridsInOneUnit(), "only A lies in one unit alone");
    }

    @Test
    void conflictsNameTheGridTheUnitAndTheBuildingsOnEachSide() {
        CrosswalkResult r = run(UNITS);
        List<String> kinds = r.conflicts().stream()
                .map(c -> c.kind().wireName + " "
                        + (c.gridCode() == null ? "-" : c.gridCode().substring(12)) + " "
                        + (c.unitId() == null ? "-" : c.unitId()))
                .toList();
        assertEquals(
                List.of(
                        "grid_split 002 U1",
                        "grid_split 002 U2",
                        "gap 003 -",
                        "boundary_cuts_grid 004 U3",
                        "boundary_cuts_grid 004 U6",
                        "overlap - U4",
                        "outside_coverage - U4",
                        "outside_coverage - U5"),
                kinds);
        CrosswalkConflict split = r.conflicts().get(0);
        assertEquals("U1: 1 buildings, 40 households (b2); U2: 1 buildings, 60 households (b3)", split.detail());
        // the line that divides B is U1's east edge at x = 150, inside the grid
        assertEquals(100, PLANE.toMetres(split.where()).getLength(), 0.01);
        CrosswalkConflict gap = r.conflicts().get(2);
        assertTrue(
                gap.detail().startsWith("50.0% of the grid (5000 m²) in no unit; 30 of 30 households (b4)"),
                gap.detail());
        assertEquals(5000, PLANE.toMetres(gap.where()).getArea(), 1);
        assertTrue(
                r.conflicts().get(3).detail().endsWith("every building in U3"),
                r.conflicts().get(3).detail());
        assertEquals("overlaps U5 by 1500 m²", r.conflicts().get(5).detail());
        assertEquals(1500, PLANE.toMetres(r.conflicts().get(5).where()).getArea(), 1);
        assertTrue(
                r.conflicts().get(6).detail().startsWith("100.0% of the unit"),
                r.conflicts().get(6).detail());
    }

    @Test
    void aBuildingOnAUnitBoundaryCountsForTheLowestId() {
        // b2 moved onto the U1/U2 line at x = 150: both cover it, U1 takes it as a lookup on a grid boundary would
        List<Building> moved = new ArrayList<>(BUILDINGS);
        moved.set(1, building("b2", 150, 50, 40));
        Envelope extent = new Envelope();
        GRIDS.forEach(g -> extent.expandToInclude(g.geometry().getEnvelopeInternal()));
        CrosswalkResult r = new Crosswalk(UNITS, extent)
                .run(GRIDS, ASSIGNMENTS, moved.stream().collect(Collectors.toMap(Building::id, Function.identity())));
        CrosswalkRow u1 = r.rows().stream()
                .filter(x -> x.gridCode().equals(B) && x.unitId().equals("U1"))
                .findFirst()
                .orElseThrow();
        assertEquals(0.4, u1.householdShare(), 1e-9);
    }

    @Test
    void aUnitTracingTheGridLineAFewMetresOffIsNoCut() {
        // U1 ends at x = 101 instead of 100: B is 1% in U1, a sliver and no side of its own; B has no conflict
        List<DepartmentUnit> units = List.of(unit("U1", rect(0, 0, 101, 100)), unit("U2", rect(101, 0, 300, 100)));
        CrosswalkResult r = run(units);
        assertTrue(
                r.conflicts().stream().noneMatch(c -> B.equals(c.gridCode())),
                r.conflicts().toString());
        assertEquals(4, r.gridsInOneUnit());
    }
}
