package org.gridatlas.engine.partition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.gridatlas.engine.TestData;
import org.gridatlas.engine.geom.Geoms;
import org.gridatlas.engine.model.Building;
import org.gridatlas.engine.model.BuildingUse;
import org.gridatlas.engine.model.GridFlag;
import org.gridatlas.engine.model.GridKind;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/** A grid left in two parts gives its smaller part, with the buildings on it, to the neighbour it shares most boundary with. */
class ContiguityRepairTest {
    private static Piece piece(String id, int households, double x, double y, String compound) {
        Polygon fp = TestData.rect(x, y, 4, 4);
        Building b = new Building(id, households, false, BuildingUse.RESIDENTIAL, compound, 6, null, List.of(), fp);
        return new Piece(id, b, households, fp, new Coordinate(x + 2, y + 2));
    }

    /** Grid A: the west 40 m and a detached 10 × 10 m corner in the east; grid B: the rest of a 100 × 50 m community. */
    private static List<DraftGrid> grids(String detachedCompound, String mainCompound) {
        Polygon west = TestData.rect(0, 0, 40, 50), corner = TestData.rect(90, 0, 10, 10);
        Geometry a = Geoms.METRIC.createMultiPolygon(new Polygon[] {west, corner});
        Geometry b = Geoms.difference(TestData.rect(40, 0, 60, 50), corner);
        List<Piece> inA = new ArrayList<>(List.of(
                piece("a1", 200, 5, 5, mainCompound),
                piece("a2", 150, 20, 30, null),
                piece("corner", 60, 93, 3, detachedCompound)));
        List<Piece> inB = List.of(piece("b1", 200, 50, 20, null), piece("b2", 180, 70, 30, null));
        return List.of(
                new DraftGrid(GridKind.COMMUNITY, a, inA, 410, List.of(), null, null),
                new DraftGrid(GridKind.COMMUNITY, b, inB, 380, List.of(), null, null));
    }

    @Test
    void theDetachedPartJoinsItsNeighbourWithItsBuildings() {
        List<String> notes = new ArrayList<>();
        List<DraftGrid> out =
                new ContiguityRepair(new Bounds(300, 500)).repair("990101001001", grids(null, null), notes);
        DraftGrid a = out.get(0), b = out.get(1);
        assertTrue(
                a.polygon() instanceof Polygon && b.polygon() instanceof Polygon,
                a.polygon().getGeometryType() + " / " + b.polygon().getGeometryType());
        assertEquals(350, a.households());
        assertEquals(440, b.households());
        assertTrue(b.pieces().stream().anyMatch(p -> p.key().equals("corner"))
                && a.pieces().stream().noneMatch(p -> p.key().equals("corner")));
        assertEquals(5000, a.polygon().getArea() + b.polygon().getArea(), 1e-6, "the community is still tiled");
        assertEquals(2000, a.polygon().getArea(), 1e-6);
        assertTrue(a.flags().isEmpty() && b.flags().isEmpty(), "both within 300–500: no flag");
        assertEquals(1, notes.size());
        assertTrue(notes.get(0).contains("detached part") && notes.get(0).contains("60 households"), notes.get(0));
    }

    @Test
    void boundsAreCheckedAgainAndACompoundIsNeverSplit() {
        List<DraftGrid> out =
                new ContiguityRepair(new Bounds(300, 420)).repair("990101001001", grids(null, null), new ArrayList<>());
        assertTrue(
                out.get(1).flags().contains(GridFlag.ABOVE_MAX)
                        && out.get(1).why().contains("after a detached part"),
                out.get(1).flags() + " " + out.get(1).why());

        // the corner's building shares a compound with a building in the main part: moving it would split the compound
        List<DraftGrid> kept =
                new ContiguityRepair(new Bounds(300, 500)).repair("990101001001", grids("c1", "c1"), new ArrayList<>());
        assertTrue(
                kept.get(0).flags().contains(GridFlag.NOT_CONTIGUOUS)
                        && kept.get(0).why().contains("no neighbouring grid"),
                kept.get(0).flags().toString());
        assertEquals(410, kept.get(0).households());
    }
}
