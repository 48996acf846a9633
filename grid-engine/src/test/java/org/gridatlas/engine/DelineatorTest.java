package org.gridatlas.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gridatlas.engine.model.BarrierClass;
import org.gridatlas.engine.model.Dataset;
import org.gridatlas.engine.model.Delineation;
import org.gridatlas.engine.model.Grid;
import org.gridatlas.engine.model.GridKind;
import org.gridatlas.engine.partition.Bounds;
import org.gridatlas.engine.validate.GridVerifier;
import org.gridatlas.engine.validate.Verification;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

class DelineatorTest {
    private static final String WEST = TestData.CODE, EAST = "990101001002";

    /** Two 300 m square communities side by side, 400 households in each, and campus school-x. */
    private static TestData campusBetweenTwoCommunities(org.locationtech.jts.geom.Polygon campus) {
        TestData t = new TestData()
                .community(WEST, TestData.rect(0, 0, 300, 300))
                .community(EAST, TestData.rect(300, 0, 300, 300));
        t.campus("school-x", campus);
        for (int i = 0; i < 8; i++)
            t.building("w" + i, 50, TestData.rect(20 + (i % 2) * 80, 20 + (i / 2) * 20, 40, 10), null);
        for (int i = 0; i < 8; i++)
            t.building(
                    "e" + i,
                    50,
                    TestData.rect(420 + (i % 2) * 80, 210 + (i / 4) * 40 + (i % 4 > 1 ? 20 : 0), 40, 10),
                    null);
        return t;
    }

    @Test
    void splitsAlongTheRoadIntoGridsWithinBounds() {
        Dataset d = TestData.blocksAndRoad();
        Delineation r = new Delineator(Bounds.DEFAULT).delineate(d);
        Verification v = GridVerifier.verify(d, r, Bounds.DEFAULT);
        assertTrue(v.passed(), v.toString());
        assertEquals(1200, r.grids().stream().mapToInt(Grid::households).sum());
        assertTrue(
                r.grids().stream().allMatch(g -> Bounds.DEFAULT.contains(g.households())),
                "every grid 300-500: " + r.grids());
        assertEquals(3, r.grids().size(), "1200 households: three grids of 400");
        assertEquals(1.0, r.report().shareInBounds());
        assertEquals(24, r.assignments().size());
    }

    @Test
    void campusGetsADedicatedGridNumberedFrom901() {
        Dataset base = TestData.blocksAndRoad();
        TestData t = new TestData().community(TestData.CODE, TestData.rect(0, 0, 600, 400));
        t.road(BarrierClass.MAJOR, new Coordinate(300, 0), new Coordinate(300, 400));
        t.campus("school-1", TestData.rect(520, 300, 70, 90));
        Dataset d = new Dataset(
                t.build().communities(),
                base.buildings(),
                t.build().barriers(),
                t.build().campuses(),
                List.of(),
                List.of(),
                List.of());
        Delineation r = new Delineator(Bounds.DEFAULT).delineate(d);
        assertTrue(GridVerifier.verify(d, r, Bounds.DEFAULT).passed());
        List<Grid> dedicated =
                r.grids().stream().filter(g -> g.kind() == GridKind.DEDICATED).toList();
        assertEquals(1, dedicated.size());
        assertEquals(TestData.CODE + "901", dedicated.get(0).code());
    }

    @Test
    void tighterBoundsGiveMoreGrids() {
        Dataset d = TestData.blocksAndRoad();
        Bounds b = new Bounds(150, 250);
        Delineation r = new Delineator(b).delineate(d);
        assertTrue(GridVerifier.verify(d, r, b).passed());
        assertTrue(
                r.grids().size() >= 5,
                "1200 households at most 250 each: at least 5 grids, got "
                        + r.grids().size());
        assertTrue(r.grids().stream().allMatch(g -> b.contains(g.households())));
    }

    @Test
    void aCampusAcrossACommunityLineGivesEachCommunityItsPartAndIsReported() {
        TestData t = campusBetweenTwoCommunities(TestData.rect(200, 100, 200, 100));
        t.building("classroom", 0, TestData.rect(210, 130, 40, 20), null);
        Dataset d = t.build();
        Delineation r = new Delineator(Bounds.DEFAULT).delineate(d);
        assertTrue(GridVerifier.verify(d, r, Bounds.DEFAULT).passed());
        List<Grid> dedicated =
                r.grids().stream().filter(g -> g.kind() == GridKind.DEDICATED).toList();
        assertEquals(
                List.of(WEST + "901", EAST + "901"),
                dedicated.stream().map(Grid::code).sorted().toList());
        assertTrue(r.assignments().stream()
                .anyMatch(
                        a -> a.buildingKey().equals("classroom") && a.gridCode().equals(WEST + "901")));
        assertTrue(
                r.report().notes().stream()
                        .anyMatch(n -> n.contains("campus school-x crosses the line of community " + EAST)),
                r.report().notes().toString());
    }

    @Test
    void aCampusEdgeDrawnAFewMetresOverTheLineIsNoGrid() {
        // 8 m × 300 m of the campus lie west of the line: 8% of it, but a sliver
        Dataset d = campusBetweenTwoCommunities(TestData.rect(292, 0, 100, 300)).build();
        Delineation r = new Delineator(Bounds.DEFAULT).delineate(d);
        assertTrue(GridVerifier.verify(d, r, Bounds.DEFAULT).passed());
        List<Grid> dedicated =
                r.grids().stream().filter(g -> g.kind() == GridKind.DEDICATED).toList();
        assertEquals(List.of(EAST + "901"), dedicated.stream().map(Grid::code).toList());
        assertTrue(
                r.report().notes().stream()
                        .anyMatch(n -> n.contains(
                                "campus school-x reaches 2400 m² (7.8 m wide on average) into community " + WEST)),
                r.report().notes().toString());
    }
}
