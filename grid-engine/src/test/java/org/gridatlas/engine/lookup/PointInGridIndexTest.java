package org.gridatlas.engine.lookup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gridatlas.engine.Delineator;
import org.gridatlas.engine.TestData;
import org.gridatlas.engine.geom.Geoms;
import org.gridatlas.engine.model.Assignment;
import org.gridatlas.engine.model.Building;
import org.gridatlas.engine.model.Dataset;
import org.gridatlas.engine.model.Delineation;
import org.gridatlas.engine.partition.Bounds;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

class PointInGridIndexTest {
    private final Dataset d = TestData.blocksAndRoad();
    private final Delineation r = new Delineator(Bounds.DEFAULT).delineate(d);
    private final PointInGridIndex index = new PointInGridIndex(r.grids());

    @Test
    void everyBuildingCentreFindsItsOwnGrid() {
        for (Assignment a : r.assignments()) {
            Building b = d.buildings().stream()
                    .filter(x -> x.id().equals(a.buildingKey()))
                    .findFirst()
                    .orElseThrow();
            Coordinate c = b.geometry().getInteriorPoint().getCoordinate();
            GridLocator.Hit hit = index.locate(c.x, c.y);
            assertEquals(a.gridCode(), hit.grid().code(), "building " + b.id());
            assertFalse(
                    hit.onBoundary(),
                    "building " + b.id() + " at " + c + " grids " + hit.grid().code() + " " + hit.alsoTouching());
        }
    }

    @Test
    void aPointOnASharedBoundaryGetsTheLowestCodeAndTheOthers() {
        // a vertex shared by two grids lies on both boundaries
        var first = r.grids().get(0).geometry();
        for (Coordinate c : first.getCoordinates()) {
            GridLocator.Hit hit = index.locate(c.x, c.y);
            if (hit == null || hit.alsoTouching().isEmpty()) continue;
            assertTrue(hit.onBoundary());
            assertTrue(hit.grid().code().compareTo(hit.alsoTouching().get(0).code()) < 0);
            assertEquals(hit.grid().code(), index.locate(c.x, c.y).grid().code(), "same answer every time");
            return;
        }
        throw new AssertionError("no vertex shared by two grids");
    }

    @Test
    void outsideEveryGridIsNull() {
        Coordinate far = TestData.PLANE
                .toLonLat(Geoms.METRIC.createPoint(new Coordinate(-500, -500)))
                .getCoordinate();
        assertNull(index.locate(far.x, far.y));
    }

    @Test
    void nearABoundaryTheNeighbourIsACandidateAndOutsideTheNearestGridAnswers() {
        // 5 m west of the road at x = 300 lies in a west grid, within 10 m of an east one
        Coordinate nearRoad = TestData.PLANE
                .toLonLat(Geoms.METRIC.createPoint(new Coordinate(295, 200)))
                .getCoordinate();
        GridLocator.Lookup l = index.lookup(nearRoad.x, nearRoad.y, 10);
        assertFalse(l.outside());
        assertTrue(
                l.nearby().stream().anyMatch(c -> c.metres() > 4 && c.metres() < 6),
                l.nearby().toString());
        assertTrue(index.lookup(nearRoad.x, nearRoad.y, 2).nearby().isEmpty());

        Coordinate off = TestData.PLANE
                .toLonLat(Geoms.METRIC.createPoint(new Coordinate(650, 200)))
                .getCoordinate();
        GridLocator.Lookup o = index.lookup(off.x, off.y, 10);
        assertTrue(o.outside());
        assertEquals(50, o.nearestMetres(), 0.5);
        assertTrue(
                o.nearest().geometry().getEnvelopeInternal().getMaxX() > nearRoad.x,
                "the nearest grid is an eastern one");
    }
}
