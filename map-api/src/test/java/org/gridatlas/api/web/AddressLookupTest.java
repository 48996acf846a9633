package org.gridatlas.api.web;

import static org.gridatlas.api.web.TestHttp.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gridatlas.engine.Delineator;
import org.gridatlas.engine.geom.Geoms;
import org.gridatlas.engine.model.Assignment;
import org.gridatlas.engine.model.Barrier;
import org.gridatlas.engine.model.BarrierKind;
import org.gridatlas.engine.model.Building;
import org.gridatlas.engine.model.BuildingUse;
import org.gridatlas.engine.model.Campus;
import org.gridatlas.engine.model.CampusKind;
import org.gridatlas.engine.model.Community;
import org.gridatlas.engine.model.Dataset;
import org.gridatlas.engine.model.Delineation;
import org.gridatlas.engine.model.Grid;
import org.gridatlas.engine.model.GridLevel;
import org.gridatlas.engine.model.Poi;
import org.gridatlas.engine.partition.Bounds;
import org.gridatlas.fixtures.CityGenerator;
import org.gridatlas.store.GeoPackageGridStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/** Appeals by free-text address through the service: one at a time, in CSV and NDJSON batches, and as reports. */
class AddressLookupTest {
    @TempDir
    static Path dir;

    private static GeoPackageGridStore store;
    private static ApiServer server;
    private static Dataset city;
    private static final Map<String, String> gridOf = new HashMap<>();
    private static final Map<String, Grid> grids = new HashMap<>();
    /** A building of a compound whose units lie in one grid, and another grid elsewhere. */
    private static Building building;

    private static String otherGrid;

    @BeforeAll
    static void start() throws Exception {
        city = CityGenerator.generate(20_000, 3);
        Delineation result = new Delineator(Bounds.DEFAULT).delineate(city);
        for (Assignment a : result.assignments()) gridOf.put(a.buildingKey(), a.gridCode());
        result.grids().forEach(g -> grids.put(g.code(), g));
        building = city.buildings().stream()
                .filter(b -> b.use() == BuildingUse.RESIDENTIAL && b.compoundId() != null && gridOf.containsKey(b.id()))
                .findFirst()
                .orElseThrow();
        otherGrid = result.grids().stream()
                .map(Grid::code)
                .filter(c -> !c.equals(gridOf.get(building.id())))
                .findFirst()
                .orElseThrow();
        store = GeoPackageGridStore.open(dir.resolve("city.gpkg"));
        store.replace(city, result, "generated city");
        server = new ApiServer(store).start(0);
    }

    @AfterAll
    static void stop() {
        server.close();
        store.close();
    }

    private static JsonNode lookup(String address, String more) throws Exception {
        HttpResponse<String> r = TestHttp.get(
                server, "/api/v1/lookup?address=" + URLEncoder.encode(address, StandardCharsets.UTF_8) + more);
        assertEquals(200, r.statusCode(), r.body());
        return json(r);
    }

    private static String text() {
        return "市民来电反映" + building.address().compoundName() + building.address().buildingNo() + "号楼"
                + building.units().get(0).unit() + "单元门口垃圾堆放";
    }

    @Test
    void anAppealsTextFindsTheGridWithItsHierarchyAndTheBuilding() throws Exception {
        JsonNode a = lookup(text(), "");
        assertEquals("unit", a.get("match_level").asText());
        assertEquals(gridOf.get(building.id()), a.get("grid_code").asText());
        assertEquals(gridOf.get(building.id()), a.get("grid").get("code").asText());
        assertEquals(building.id(), a.get("building").get("id").asText());
        assertEquals(
                building.address().compoundName(),
                a.get("building").get("compound_name").asText());
        assertEquals(
                building.address().buildingNo(),
                a.get("components").get("building").asText());
        assertTrue(a.get("confidence").asDouble() > 0.9);
        assertTrue(a.get("hierarchy").has("community") && a.get("hierarchy").has("street"), a.toString());
    }

    @Test
    void aCommunityAloneGivesCandidatesAndAnUnknownPlaceGivesAReason() throws Exception {
        Community c = city.communities().get(1);
        JsonNode a = lookup(c.name() + "附近占道经营", "");
        assertEquals("community", a.get("match_level").asText());
        assertTrue(a.get("grid").isNull() && a.get("grid_code").isNull());
        assertTrue(a.get("candidates").size() > 0);
        for (JsonNode g : a.get("candidates"))
            assertEquals(c.code(), grids.get(g.asText()).communityCode());
        JsonNode none = lookup("上海市黄浦区南京东路100号", "");
        assertEquals("none", none.get("match_level").asText());
        assertTrue(none.get("grid").isNull() && none.get("candidates").isEmpty());
        assertTrue(none.get("reason").asText().contains("南京东路"), none.toString());
    }

    @Test
    void withAPointTooTheCoordinatesDecideAndADisagreementIsReported() throws Exception {
        Point elsewhere = grids.get(otherGrid).geometry().getInteriorPoint();
        JsonNode a = lookup(text(), "&lon=" + elsewhere.getX() + "&lat=" + elsewhere.getY());
        assertEquals("coordinates", a.get("decided_by").asText());
        assertEquals(
                a.get("point").get("grid").get("code").asText(),
                a.get("grid_code").asText());
        assertTrue(a.get("disagreement").asText().contains(gridOf.get(building.id())), a.toString());
        Point inside = building.geometry().getInteriorPoint();
        JsonNode agree = lookup(text(), "&lon=" + inside.getX() + "&lat=" + inside.getY());
        assertTrue(agree.get("disagreement").isNull(), agree.toString());
    }

    @Test
    void aCsvBatchOfAddressesAnswersEveryRecordInOrder() throws Exception {
        String body = "id,address\n"
                + "a1," + text() + "\n"
                + "a2,\"" + building.address().compoundName() + ","
                + building.address().buildingNo() + "号楼\"\n"
                + "a3,北京市朝阳区三里屯路19号\n"
                + "a4,\"unclosed\n";
        HttpResponse<String> r = TestHttp.post(server, "/api/v1/lookup", "text/csv", body);
        assertEquals(200, r.statusCode(), r.body());
        List<String> lines = r.body().lines().toList();
        assertEquals(
                "id,grid_code,match_level,confidence,community_code,building_id,candidates,reason,error", lines.get(0));
        assertTrue(lines.get(1).startsWith("a1," + gridOf.get(building.id()) + ",unit,"), lines.get(1));
        assertTrue(lines.get(2).startsWith("a2," + gridOf.get(building.id()) + ",building,"), lines.get(2));
        assertTrue(lines.get(3).startsWith("a3,,none,0.0,"), lines.get(3));
        assertTrue(lines.get(4).contains("never closed"), lines.get(4));
        assertEquals(5, lines.size());
    }

    @Test
    void aBatchLineWithAPointOutsideTheServiceAreaIsRefusedAndTheBatchGoesOn() throws Exception {
        Point inside = building.geometry().getInteriorPoint();
        String body = "id,address,lon,lat\n"
                + "far," + text() + ",0.5,0.5\n"
                + "near," + text() + "," + inside.getX() + "," + inside.getY() + "\n";
        List<String> lines = TestHttp.post(server, "/api/v1/lookup", "text/csv", body)
                .body()
                .lines()
                .toList();
        assertEquals(
                "id,grid_code,match_level,confidence,community_code,building_id,candidates,reason,decided_by,disagreement,error",
                lines.get(0));
        assertTrue(lines.get(1).startsWith("far,") && lines.get(1).contains("outside the service area"), lines.get(1));
        assertTrue(
                lines.get(2).startsWith("near," + gridOf.get(building.id()) + ",unit,")
                        && lines.get(2).contains(",coordinates,"),
                lines.get(2));
    }

    @Test
    void anNdjsonBatchOfAddressesAnswersEachLine() throws Exception {
        String body = "{\"id\":\"n1\",\"address\":\"" + text() + "\"}\n{\"id\":\"n2\",\"address\":42}\n";
        List<String> lines = TestHttp.post(server, "/api/v1/lookup", "application/x-ndjson", body)
                .body()
                .lines()
                .toList();
        JsonNode first = TestHttp.JSON.readTree(lines.get(0)), second = TestHttp.JSON.readTree(lines.get(1));
        assertEquals(
                List.of("n1", gridOf.get(building.id()), "unit"),
                List.of(
                        first.get("id").asText(),
                        first.get("grid_code").asText(),
                        first.get("match_level").asText()));
        assertEquals("address", second.get("error").get("field").asText());
    }

    @Test
    void aReportSentWithAnAddressIsStoredWithItsMatch() throws Exception {
        String report =
                "{\"id\":\"hotline-1\",\"category\":\"垃圾\",\"address\":\"" + text() + "\",\"text\":\"门口垃圾堆放三天\"}";
        HttpResponse<String> created = TestHttp.post(server, "/api/v1/reports", "application/json", report);
        assertEquals(201, created.statusCode(), created.body());
        JsonNode c = json(created);
        assertEquals(gridOf.get(building.id()), c.get("grid_code").asText());
        assertEquals("unit", c.get("address_match").get("match_level").asText());
        assertTrue(c.get("lon").isNumber(), "placed at the matched building");
        JsonNode listed = json(TestHttp.get(server, "/api/v1/reports?grid=" + gridOf.get(building.id())))
                .get("reports");
        JsonNode stored = null;
        for (JsonNode r : listed) if (r.get("id").asText().equals("hotline-1")) stored = r;
        assertEquals(text(), stored.get("address").asText());
        assertEquals("address", stored.get("address_match").get("decided_by").asText());

        String nowhere = "{\"id\":\"hotline-2\",\"category\":\"噪音\",\"address\":\"南京东路100号\"}";
        JsonNode n = json(TestHttp.post(server, "/api/v1/reports", "application/json", nowhere));
        assertTrue(n.get("grid_code").isNull() && n.get("lon").isNull(), "kept, without a grid or a point: " + n);
        assertEquals("none", n.get("address_match").get("match_level").asText());
    }

    @Test
    void aCrossingWithItsCornerIsAnsweredWithTheGridOnThatCorner() throws Exception {
        Map<String, Geometry> roads = new TreeMap<>();
        for (Barrier b : city.barriers())
            if (b.kind() == BarrierKind.ROAD && b.name() != null) roads.merge(b.name(), b.geometry(), Geometry::union);
        List<String> names = List.copyOf(roads.keySet());
        for (int i = 0; i < names.size(); i++)
            for (int j = i + 1; j < names.size(); j++) {
                Geometry meet = roads.get(names.get(i)).intersection(roads.get(names.get(j)));
                if (meet.getNumPoints() != 1) continue; // roads that meet once: the corner decides alone
                Coordinate at = meet.getCoordinate();
                // the north-east corner 40 m into the block, well inside one grid
                Point corner = Geoms.LONLAT.createPoint(
                        new Coordinate(at.x + 40 / (111_320 * Math.cos(Math.toRadians(at.y))), at.y + 40 / 110_540.0));
                Grid g = grids.values().stream()
                        .filter(x ->
                                x.level() == GridLevel.GRID && x.geometry().contains(corner.buffer(30 / 110_540.0)))
                        .findFirst()
                        .orElse(null);
                if (g == null) continue;
                JsonNode a = lookup(names.get(i) + "与" + names.get(j) + "交叉口东北角路灯不亮", "");
                assertEquals("crossing", a.get("match_level").asText(), a.toString());
                assertEquals(g.code(), a.get("grid_code").asText(), a.toString());
                assertEquals(g.code(), a.get("grid").get("code").asText());
                assertEquals(
                        names.get(i) + "/" + names.get(j),
                        a.get("components").get("crossing").asText());
                assertEquals("东北", a.get("components").get("position").asText());
                JsonNode around = lookup(names.get(j) + names.get(i) + "十字路口", "");
                List<String> candidates = new ArrayList<>();
                around.get("candidates").forEach(c -> candidates.add(c.asText()));
                assertTrue(candidates.contains(g.code()), "the corner's grid is among the grids around: " + around);
                return;
            }
        throw new AssertionError("the generated city has no crossing of two roads with a corner inside one grid");
    }

    @Test
    void aSchoolsGateIsAnsweredWithTheSchoolsGrid() throws Exception {
        Map<String, Long> named = city.landmarks().stream()
                .collect(java.util.stream.Collectors.groupingBy(Poi::name, java.util.stream.Collectors.counting()));
        Campus school = city.campuses().stream()
                .filter(c -> c.kind() == CampusKind.SCHOOL && named.get(c.name()) == 1)
                .findFirst()
                .orElseThrow();
        Grid g = grids.values().stream()
                .filter(x -> x.level() == GridLevel.GRID
                        && x.geometry().contains(school.geometry().getInteriorPoint()))
                .findFirst()
                .orElseThrow();
        JsonNode a = lookup("群众反映" + school.name() + "门口占道经营", "");
        assertEquals("landmark", a.get("match_level").asText(), a.toString());
        assertEquals(school.name(), a.get("components").get("landmark").asText());
        assertEquals(g.code(), a.get("grid_code").asText(), "a campus is a landmark from the store: " + a);
    }
}
