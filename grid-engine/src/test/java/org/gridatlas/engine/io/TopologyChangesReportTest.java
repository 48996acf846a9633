package org.gridatlas.engine.io;

import static org.gridatlas.engine.io.MessyInputTest.building;
import static org.gridatlas.engine.io.MessyInputTest.c;
import static org.gridatlas.engine.io.MessyInputTest.layers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gridatlas.engine.Delineator;
import org.gridatlas.engine.TestData;
import org.gridatlas.engine.geom.Geoms;
import org.gridatlas.engine.model.Dataset;
import org.gridatlas.engine.model.Delineation;
import org.gridatlas.engine.model.Grid;
import org.gridatlas.engine.model.TopologyChange;
import org.gridatlas.engine.partition.Bounds;
import org.gridatlas.engine.validate.GridVerifier;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/** Cleaning at 1 mm that changes a community's topology is named in report.json: what, where, how wide. */
class TopologyChangesReportTest {
    private static final Bounds BOUNDS = new Bounds(100, 300);

    /** Two 100 × 60 m lobes joined by a strip 0.2 mm wide and 5 m long at y = 30.2. */
    private static final Polygon NECK = Geoms.METRIC.createPolygon(new Coordinate[] {
        c(0, 0),
        c(100, 0),
        c(100, 30.2),
        c(105, 30.2),
        c(105, 0),
        c(205, 0),
        c(205, 60),
        c(105, 60),
        c(105, 30.2002),
        c(100, 30.2002),
        c(100, 60),
        c(0, 60),
        c(0, 0)
    });

    private static List<TopologyChange> changes(Dataset d) {
        return org.gridatlas.engine.model.DelineationReport.repairs(d.notes())
                .get(DataContract.COMMUNITIES.geoJsonFile())
                .topology();
    }

    private static Coordinate metres(TopologyChange t) {
        Geometry p = TestData.PLANE.toMetres(Geoms.LONLAT.createPoint(new Coordinate(t.lon(), t.lat())));
        return p.getCoordinate();
    }

    @Test
    void aNeckCleaningClosesIsNamedAndNoGridSpansIt() {
        List<Feature> buildings = List.of(
                building("west", 150, c(20, 20), c(40, 20), c(40, 40), c(20, 40), c(20, 20)),
                building("east", 150, c(150, 20), c(170, 20), c(170, 40), c(150, 40), c(150, 20)));
        Dataset d = new DatasetAssembler().assemble(layers(NECK, buildings));
        assertEquals(2, d.communities().get(0).geometry().getNumGeometries(), "the neck closed");
        List<TopologyChange> changes = changes(d);
        assertEquals(1, changes.size(), changes.toString());
        TopologyChange split = changes.get(0);
        assertEquals(TestData.CODE, split.id());
        assertEquals("split", split.change());
        Coordinate at = metres(split);
        assertEquals(102.5, at.x, 0.01, "in the middle of the neck: " + at);
        assertEquals(30.2, at.y, 0.01, "in the middle of the neck: " + at);
        assertEquals(0.0002, split.widthM(), 0.00002);

        Delineation result = new Delineator(BOUNDS).delineate(d);
        assertEquals(
                changes, result.report().repairs().get("communities.geojson").topology(), "report.json says so");
        assertTrue(GridVerifier.verify(d, result, BOUNDS).passed());
        for (Grid g : result.grids()) assertTrue(g.geometry() instanceof Polygon, g.code() + " is one Polygon");
    }

    /** A 30 m × 0.3 mm strip at y = 50.1 from x = 120, or (as a hole) 20 m from x = 40. */
    private static Coordinate[] strip(double x0, double length) {
        return new Coordinate[] {c(x0, 50.1), c(x0 + length, 50.1), c(x0 + length, 50.1003), c(x0, 50.1003), c(x0, 50.1)
        };
    }

    /** The one change reading this community (with one building in its south-west) reports; it is 0.3 mm wide. */
    private static TopologyChange onlyChange(Geometry community) {
        List<Feature> buildings = List.of(building("b", 150, c(10, 10), c(30, 10), c(30, 30), c(10, 30), c(10, 10)));
        List<TopologyChange> changes = changes(new DatasetAssembler().assemble(layers(community, buildings)));
        assertEquals(1, changes.size(), changes.toString());
        assertEquals(0.0003, changes.get(0).widthM(), 0.00002);
        return changes.get(0);
    }

    @Test
    void aHoleThinnerThanThePrecisionClosesAndIsNamed() {
        Polygon slit = Geoms.METRIC.createPolygon(
                Geoms.METRIC.createLinearRing(TestData.rect(0, 0, 100, 100).getCoordinates()),
                new org.locationtech.jts.geom.LinearRing[] {Geoms.METRIC.createLinearRing(strip(40, 20))});
        TopologyChange closed = onlyChange(slit);
        assertEquals("hole_closed", closed.change());
        assertEquals(50, metres(closed).x, 10);
    }

    @Test
    void aPartThinnerThanThePrecisionVanishesAndIsNamed() {
        TopologyChange vanished = onlyChange(Geoms.METRIC.createMultiPolygon(
                new Polygon[] {TestData.rect(0, 0, 100, 100), Geoms.METRIC.createPolygon(strip(120, 30))}));
        assertEquals("part_vanished", vanished.change());
        assertEquals(135, metres(vanished).x, 1);
    }

    @Test
    void cleaningThatKeepsTheTopologyNamesNoChange() {
        List<Feature> buildings = List.of(building("b", 150, c(10, 10), c(30, 10), c(30, 30), c(10, 30), c(10, 10)));
        Dataset d = new DatasetAssembler()
                .assemble(layers(
                        Geoms.METRIC.createPolygon(
                                new Coordinate[] {c(0, 0), c(100, 0), c(100.0000001, 0), c(100, 100), c(0, 100), c(0, 0)
                                }),
                        buildings));
        var repairs = org.gridatlas.engine.model.DelineationReport.repairs(d.notes());
        assertTrue(
                repairs.get("communities.geojson").topology().isEmpty(), "cleaned (a repeated point), topology kept");
    }
}
