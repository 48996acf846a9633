package org.gridatlas.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridatlas.engine.TestData;
import org.gridatlas.engine.geom.Geoms;
import org.gridatlas.engine.model.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

class DatasetAssemblerTest {
    private static Feature community() {
        return new Feature(
                props(
                        "code",
                        TestData.CODE,
                        "name",
                        "社区",
                        "kind",
                        "urban",
                        "street_code",
                        "990101001",
                        "street_name",
                        "街道",
                        "district_code",
                        "990101",
                        "district_name",
                        "区"),
                TestData.PLANE.toLonLat(TestData.rect(0, 0, 500, 500)));
    }

    private static Feature building(String id, Object households, Geometry lonLat) {
        return new Feature(props("id", id, "households", households, "use", "residential"), lonLat);
    }

    private static Geometry inside(double x, double y) {
        return TestData.PLANE.toLonLat(TestData.rect(x, y, 20, 10));
    }

    private static Map<String, Object> props(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    private static Dataset assemble(Feature... buildings) {
        Map<LayerSchema, List<Feature>> layers = new HashMap<>();
        layers.put(DataContract.COMMUNITIES, List.of(community()));
        layers.put(DataContract.BUILDINGS, List.of(buildings));
        return new DatasetAssembler().assemble(layers);
    }

    private static String problems(Feature... buildings) {
        return assertThrows(DatasetException.class, () -> assemble(buildings)).getMessage();
    }

    @Test
    void acceptsAValidDataset() {
        Dataset d = assemble(building("a", 10, inside(10, 10)), building("b", 20, inside(100, 100)));
        assertEquals(30, d.households());
        assertTrue(d.notes().isEmpty());
    }

    @Test
    void missingHouseholdsCountAsZeroAndAreReported() {
        Feature f = new Feature(props("id", "a", "use", "residential"), inside(10, 10));
        Dataset d = assemble(f);
        assertEquals(0, d.buildings().get(0).households());
        assertTrue(d.buildings().get(0).householdsMissing());
        assertTrue(
                d.notes().get(0).toString().contains("buildings.geojson feature 0 (id a): households missing"),
                d.notes().toString());
    }

    @Test
    void namesFileIndexAndIdOfEveryProblem() {
        String msg = problems(
                building("a", 10, inside(10, 10)), building("a", 5, inside(50, 50)), building("c", -3, inside(90, 90)));
        assertTrue(msg.contains("buildings.geojson feature 1 (id a): duplicate building id a"), msg);
        assertTrue(msg.contains("buildings.geojson feature 2 (id c): households must be an integer >= 0, got -3"), msg);
    }

    @Test
    void rejectsProjectedMetres() {
        Geometry metres = TestData.rect(500000, 4400000, 20, 10);
        String msg = problems(building("m", 1, metres));
        assertTrue(
                msg.contains("feature 0 (id m): coordinates are not lon/lat")
                        && msg.contains("Gauss-Kruger or UTM metres without a zone number"),
                msg);
        String zoned = problems(building("z", 1, TestData.rect(40500000, 4400000, 20, 10)));
        assertTrue(zoned.contains("3-degree Gauss-Kruger zone 40 with the zone number: EPSG:4528"), zoned);
        String sixDegree = problems(building("s", 1, TestData.rect(20500000, 4400000, 20, 10)));
        assertTrue(sixDegree.contains("6-degree Gauss-Kruger zone 20 with the zone number: EPSG:4498"), sixDegree);
    }

    @Test
    void rejectsABuildingOutsideEveryCommunity() {
        String msg = problems(building("far", 1, inside(5000, 5000)));
        assertTrue(msg.contains("(id far): centroid") && msg.contains("outside every community"), msg);
    }

    @Test
    void rejectsAnUnrepairableBowTie() {
        Coordinate[] bow = {
            new Coordinate(0, 0),
            new Coordinate(20, 20),
            new Coordinate(20, 0),
            new Coordinate(0, 20),
            new Coordinate(0, 0)
        };
        Geometry g = TestData.PLANE.toLonLat(Geoms.METRIC.createPolygon(bow));
        String msg = problems(building("bow", 1, g));
        assertTrue(msg.contains("(id bow): invalid polygon: Self-intersection"), msg);
    }

    @Test
    void repairsASelfTouchingRingAndSaysSo() {
        // a square whose ring touches itself at one point, enclosing an inverted hole
        Coordinate[] c = {
            new Coordinate(0, 0),
            new Coordinate(40, 0),
            new Coordinate(40, 40),
            new Coordinate(20, 40),
            new Coordinate(20, 30),
            new Coordinate(25, 20),
            new Coordinate(15, 20),
            new Coordinate(20, 30),
            new Coordinate(20, 40),
            new Coordinate(0, 40),
            new Coordinate(0, 0)
        };
        Geometry g = TestData.PLANE.toLonLat(Geoms.METRIC.createPolygon(c));
        Dataset d = assemble(building("t", 4, g));
        assertTrue(d.buildings().get(0).geometry().isValid());
        assertTrue(
                d.notes().get(0).message().startsWith("repaired invalid polygon"),
                d.notes().toString());
    }

    @Test
    void unitsMustAddUpToTheBuilding() {
        Feature f = new Feature(
                props(
                        "id",
                        "u",
                        "households",
                        10,
                        "use",
                        "residential",
                        "units",
                        List.of(props("unit", "1", "households", 4), props("unit", "2", "households", 4))),
                inside(10, 10));
        String msg = problems(f);
        assertTrue(msg.contains("(id u): units add up to 8 households but the building has 10"), msg);
    }

    @Test
    void readsGeoJsonAndNamesAMissingLayer(@TempDir Path dir) throws Exception {
        List<Feature> comms = new ArrayList<>(List.of(community()));
        GeoJsonLayers.write(dir.resolve("communities.geojson"), DataContract.COMMUNITIES, comms);
        DatasetException e = assertThrows(DatasetException.class, () -> DatasetReader.read(dir));
        assertTrue(
                e.getMessage().contains("missing layer buildings (buildings.geojson or buildings.shp)"),
                e.getMessage());
        Files.writeString(
                dir.resolve("buildings.geojson"),
                "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"id\":\"x\",\"households\":\"many\",\"use\":\"residential\"},\"geometry\":null}]}");
        e = assertThrows(DatasetException.class, () -> DatasetReader.read(dir));
        assertTrue(
                e.getMessage()
                        .contains("buildings.geojson feature 0 (id x): households must be an integer >= 0, got many"),
                e.getMessage());
        assertTrue(e.getMessage().contains("buildings.geojson feature 0 (id x): missing geometry"), e.getMessage());
    }
}
