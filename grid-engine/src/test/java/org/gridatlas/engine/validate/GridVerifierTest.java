package org.gridatlas.engine.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.gridatlas.engine.Delineator;
import org.gridatlas.engine.TestData;
import org.gridatlas.engine.model.Assignment;
import org.gridatlas.engine.model.Dataset;
import org.gridatlas.engine.model.Delineation;
import org.gridatlas.engine.model.Grid;
import org.gridatlas.engine.partition.Bounds;
import org.junit.jupiter.api.Test;

/** The verifier must catch each kind of broken result, not only bless good ones. */
class GridVerifierTest {
    private final Dataset dataset = TestData.blocksAndRoad();
    private final Delineation good = new Delineator(Bounds.DEFAULT).delineate(dataset);

    private Verification verify(List<Grid> grids, List<Assignment> assignments) {
        return GridVerifier.verify(dataset, new Delineation(grids, assignments, good.report()), Bounds.DEFAULT);
    }

    private static Grid with(
            Grid g,
            int households,
            List<org.gridatlas.engine.model.GridFlag> flags,
            org.locationtech.jts.geom.Geometry geometry,
            String code) {
        return new Grid(
                code,
                g.level(),
                g.kind(),
                g.communityCode(),
                g.streetCode(),
                households,
                g.buildings(),
                g.areaM2(),
                g.parentCode(),
                flags,
                geometry);
    }

    @Test
    void aGridInTwoPartsMeetingOnlyAtAPointIsNotOneGridEvenInAMultiPartCommunity() throws Exception {
        org.locationtech.jts.io.WKTReader wkt = new org.locationtech.jts.io.WKTReader();
        var corner = wkt.read("MULTIPOLYGON (((0 0, 10 0, 10 10, 0 10, 0 0)), ((10 10, 20 10, 20 20, 10 20, 10 10)))");
        var apart = wkt.read("MULTIPOLYGON (((0 0, 10 0, 10 10, 0 10, 0 0)), ((11 11, 20 11, 20 20, 11 20, 11 11)))");
        assertTrue(corner.isValid());
        assertEquals(false, GridVerifier.validShape(corner, corner));
        assertTrue(GridVerifier.validShape(apart, apart));
    }

    @Test
    void aGridAcrossANeckCleaningClosedIsNotOneGrid() throws Exception {
        org.locationtech.jts.io.WKTReader wkt = new org.locationtech.jts.io.WKTReader();
        // as given: one polygon, two lobes joined by a 0.2 mm neck; as cleaned: two parts 5 m apart
        var given = wkt.read("POLYGON ((0 0, 10 0, 10 5, 15 5, 15 0, 25 0, 25 10, 15 10, 15 5.0002, 10 5.0002,"
                + " 10 10, 0 10, 0 0))");
        var cleaned = wkt.read("MULTIPOLYGON (((0 0, 10 0, 10 10, 0 10, 0 0)), ((15 0, 25 0, 25 10, 15 10, 15 0)))");
        assertTrue(GridVerifier.validShape(cleaned, cleaned), "one part in each part of the cleaned community");
        assertEquals(false, GridVerifier.validShape(cleaned, given), "but the community as given is one part");
    }

    @Test
    void passesAGoodResult() {
        assertTrue(verify(good.grids(), good.assignments()).passed());
    }

    @Test
    void catchesAMissingAssignment() {
        Verification v = verify(
                good.grids(), good.assignments().subList(1, good.assignments().size()));
        assertEquals(1, v.violations(Rule.EACH_BUILDING_ONCE));
        assertTrue(v.violations(Rule.HOUSEHOLDS_SUM) > 0);
    }

    @Test
    void catchesWrongHouseholdsAndMissingFlags() {
        List<Grid> grids = new ArrayList<>(good.grids());
        Grid g = grids.get(0);
        grids.set(0, with(g, g.households() + 1, g.flags(), g.geometry(), g.code()));
        assertEquals(1, verify(grids, good.assignments()).violations(Rule.HOUSEHOLDS_SUM));

        List<Assignment> moved = new ArrayList<>();
        String target = grids.get(1).code();
        for (Assignment a : good.assignments())
            moved.add(a.gridCode().equals(grids.get(0).code()) ? new Assignment(a.buildingKey(), target) : a);
        Verification v = verify(good.grids(), moved);
        assertTrue(v.violations(Rule.BOUNDS_OR_FLAGGED) >= 1, v.toString());
        assertTrue(v.violations(Rule.BUILDING_INSIDE_GRID) >= 1, v.toString());
    }

    @Test
    void catchesGapsOverlapsAndBadCodes() {
        List<Grid> grids = new ArrayList<>(good.grids());
        Grid a = grids.get(0), b = grids.get(1);
        grids.set(
                1,
                with(
                        b,
                        b.households(),
                        b.flags(),
                        b.geometry().union(a.geometry()).buffer(0),
                        b.code()));
        assertTrue(verify(grids, good.assignments()).violations(Rule.NO_OVERLAP) >= 1);

        grids = new ArrayList<>(good.grids());
        grids.remove(2);
        assertTrue(verify(grids, good.assignments()).violations(Rule.COVERAGE) >= 1);

        grids = new ArrayList<>(good.grids());
        grids.set(0, with(a, a.households(), a.flags(), a.geometry(), "12345"));
        assertTrue(verify(grids, good.assignments()).violations(Rule.CODE_LAYOUT) >= 1);
    }
}
