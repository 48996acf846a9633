package org.gridatlas.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridatlas.engine.Delineator;
import org.gridatlas.engine.TestData;
import org.gridatlas.engine.geom.Geoms;
import org.gridatlas.engine.model.Dataset;
import org.gridatlas.engine.model.Delineation;
import org.gridatlas.engine.model.DelineationReport;
import org.gridatlas.engine.partition.Bounds;
import org.gridatlas.engine.validate.GridVerifier;
import org.gridatlas.engine.validate.Verification;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/**
 * Footprints as real data has them, read as files are: hair-thin spikes, repeated points, a spike
 * crossing the community line. Each is cleaned once on reading (and reported); delineation and
 * verification then run without a JTS exception and keep every rule.
 */
class MessyInputTest {
    /** A community of 160 × 60 m in metres on the test plane, as read from a file. */
    static Map<String, Object> community(String code) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("code", code);
        p.put("name", "测试社区");
        p.put("kind", "urban");
        p.put("street_code", code.substring(0, 9));
        p.put("district_code", code.substring(0, 6));
        return p;
    }

    static Feature building(String id, int households, Coordinate... metres) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", id);
        p.put("households", households);
        p.put("use", "residential");
        return new Feature(p, TestData.PLANE.toLonLat(Geoms.METRIC.createPolygon(metres)));
    }

    static Map<LayerSchema, List<Feature>> layers(Geometry communityMetres, List<Feature> buildings) {
        Map<LayerSchema, List<Feature>> layers = new LinkedHashMap<>();
        layers.put(
                DataContract.COMMUNITIES,
                List.of(new Feature(community(TestData.CODE), TestData.PLANE.toLonLat(communityMetres))));
        layers.put(DataContract.BUILDINGS, buildings);
        return layers;
    }

    static Coordinate c(double x, double y) {
        return new Coordinate(x, y);
    }

    @Test
    void hairThinSpikesAndRepeatedPointsAreCleanedOnceAndReported() {
        List<Feature> buildings = new ArrayList<>();
        // a 0.1 m spike under 0.5 mm wide on the east wall
        buildings.add(building(
                "spike",
                200,
                c(10, 10),
                c(40, 10),
                c(40, 20),
                c(40.1, 20.0002),
                c(40, 20.0004),
                c(40, 30),
                c(10, 30),
                c(10, 10)));
        // a 10 m spike with a 0.4 mm base, reaching across the community's east line
        buildings.add(building(
                "long-spike",
                200,
                c(120, 10),
                c(150, 10),
                c(150, 20),
                c(165, 20.0002),
                c(150, 20.0004),
                c(150, 30),
                c(120, 30),
                c(120, 10)));
        // repeated and near-repeated points
        buildings.add(building(
                "repeats", 150, c(60, 35), c(60, 35), c(90, 35), c(90.0000001, 35), c(90, 50), c(60, 50), c(60, 35)));
        Dataset d = new DatasetAssembler().assemble(layers(TestData.rect(0, 0, 160, 60), buildings));

        Map<String, DelineationReport.LayerRepairs> repairs = DelineationReport.repairs(d.notes());
        DelineationReport.LayerRepairs b = repairs.get(DataContract.BUILDINGS.geoJsonFile());
        assertEquals(List.of("spike", "long-spike", "repeats"), b.ids());
        assertEquals(2, b.byRepair().get("spike"));
        assertTrue(b.byRepair().get("repeated_points") >= 1, b.byRepair().toString());
        assertTrue(d.buildings().stream().allMatch(x -> x.geometry().isValid()));

        Delineation result = new Delineator(new Bounds(100, 600)).delineate(d);
        Verification v = GridVerifier.verify(d, result, new Bounds(100, 600));
        assertTrue(v.passed(), v.counts() + " " + v.examples());
        assertEquals(repairs, result.report().repairs(), "report.json carries the repairs");
    }

    @Test
    void aBowTieCommunityStaysAnErrorNamingTheFeature() {
        Geometry bowTie =
                Geoms.METRIC.createPolygon(new Coordinate[] {c(0, 0), c(100, 100), c(100, 0), c(0, 100), c(0, 0)});
        DatasetException e = assertThrows(
                DatasetException.class,
                () -> new DatasetAssembler()
                        .assemble(layers(
                                bowTie,
                                List.of(building("b", 10, c(10, 40), c(20, 40), c(20, 60), c(10, 60), c(10, 40))))));
        assertTrue(
                e.getMessage().contains("communities.geojson feature 0 (id " + TestData.CODE + "): invalid polygon"),
                e.getMessage());
    }

    @Test
    void aFootprintThinnerThanThePrecisionIsRefusedByName() {
        DatasetException e = assertThrows(
                DatasetException.class,
                () -> new DatasetAssembler()
                        .assemble(layers(
                                TestData.rect(0, 0, 100, 100),
                                List.of(
                                        building("ok", 10, c(10, 10), c(20, 10), c(20, 20), c(10, 20), c(10, 10)),
                                        building(
                                                "hair",
                                                10,
                                                c(30, 30),
                                                c(60, 30),
                                                c(60, 30.001),
                                                c(30, 30.001),
                                                c(30, 30))))));
        assertTrue(
                e.getMessage()
                        .contains(
                                "buildings.geojson feature 1 (id hair): nothing of this polygon is thicker than 5 mm"),
                e.getMessage());
    }
}
