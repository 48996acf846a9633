package org.gridatlas.api.web;

import static org.gridatlas.api.web.TestHttp.get;
import static org.gridatlas.api.web.TestHttp.json;
import static org.gridatlas.api.web.TestHttp.put;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridatlas.engine.Delineator;
import org.gridatlas.engine.model.Dataset;
import org.gridatlas.engine.model.Delineation;
import org.gridatlas.engine.model.DepartmentUnit;
import org.gridatlas.engine.partition.Bounds;
import org.gridatlas.fixtures.DepartmentLayers;
import org.gridatlas.fixtures.Fixtures;
import org.gridatlas.store.AccessToken;
import org.gridatlas.store.GeoPackageGridStore;
import org.gridatlas.store.GridStore;
import org.gridatlas.store.PostGisGridStore;
import org.gridatlas.store.ThrowawayDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.io.geojson.GeoJsonWriter;

/**
 * Other departments' layers over HTTP on the small generated district, in both stores: a planner
 * imports police beats drawn from its major roads and a CSV of cameras; everyone may read the crosswalk, the
 * conflicts as GeoJSON, a grid's resources and the roll-up; a reader may not import; a bad record
 * is refused by record and field and nothing changes.
 */
class DepartmentsResourceTest {
    static final String PLANNER = "planner-token", READER = "reader-token";
    static Dataset city;
    static Delineation grids;
    static String beats;

    @TempDir
    static Path dir;

    @BeforeAll
    static void cityAndItsBeats() throws Exception {
        city = Fixtures.smallCity();
        grids = new Delineator(Bounds.DEFAULT).delineate(city);
        StringBuilder b = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        GeoJsonWriter w = new GeoJsonWriter();
        w.setEncodeCRS(false);
        List<DepartmentUnit> units = DepartmentLayers.policeBeats(city);
        for (int i = 0; i < units.size(); i++) {
            DepartmentUnit u = units.get(i);
            b.append(i == 0 ? "" : ",")
                    .append("{\"type\":\"Feature\",\"properties\":{\"id\":\"")
                    .append(u.id())
                    .append("\",\"name\":\"")
                    .append(u.name())
                    .append("\",\"department\":\"公安\"},\"geometry\":")
                    .append(w.write(u.geometry()))
                    .append('}');
        }
        beats = b.append("]}").toString();
    }

    static void check(GridStore store) throws Exception {
        store.replace(city, grids, "small city");
        store.putToken(new AccessToken("王规划", "planner", AccessToken.digest(PLANNER), Instant.now()));
        store.putToken(new AccessToken("李查看", "reader", AccessToken.digest(READER), Instant.now()));
        try (ApiServer s = new ApiServer(store).start(0)) {
            String planner = "Bearer " + PLANNER;
            assertEquals(
                    401,
                    put(s, "/api/v1/departments/layers/beats?kind=units", "application/geo+json", beats)
                            .statusCode());
            assertEquals(
                    403,
                    put(
                                    s,
                                    "/api/v1/departments/layers/beats?kind=units",
                                    "application/geo+json",
                                    beats,
                                    "Authorization",
                                    "Bearer " + READER)
                            .statusCode());
            HttpResponse<String> r = put(
                    s,
                    "/api/v1/departments/layers/beats?kind=units",
                    "application/geo+json",
                    beats,
                    "Authorization",
                    planner);
            assertEquals(200, r.statusCode(), r.body());
            assertEquals(1, json(r).get("version").asInt());

            JsonNode cw = json(get(s, "/api/v1/departments/layers/beats/crosswalk"));
            assertEquals(
                    grids.grids().size(),
                    cw.at("/summary/grids").asInt(),
                    cw.get("summary").toString());
            Map<String, Double> areaPerGrid = new java.util.HashMap<>();
            cw.get("rows")
                    .forEach(x -> areaPerGrid.merge(
                            x.get("grid_code").asText(), x.get("area_share").asDouble(), Double::sum));
            assertEquals(grids.grids().size(), areaPerGrid.size());
            areaPerGrid
                    .values()
                    .forEach(v -> assertTrue(v <= 1 + 1e-5, "a grid's area shares add up to at most 1: " + v));
            assertEquals(grids.grids().size(), cw.get("main_units").size());
            JsonNode conflicts = json(get(s, "/api/v1/departments/layers/beats/conflicts.geojson"));
            assertEquals(cw.get("conflicts").size(), conflicts.get("features").size());
            assertTrue(conflicts.get("features").size() > 0);

            // cameras at the interior points of the first 100 buildings: each lands in its building's grid
            StringBuilder csv = new StringBuilder("id,type,name,department,lon,lat,brand\n");
            Map<String, String> expected = new java.util.HashMap<>();
            Map<String, String> gridOf = new java.util.HashMap<>();
            grids.assignments().forEach(a -> gridOf.putIfAbsent(a.buildingId(), a.gridCode()));
            for (int i = 0; i < 100; i++) {
                var b = city.buildings().get(i);
                var p = b.geometry().getInteriorPoint();
                csv.append("C")
                        .append(i)
                        .append(",camera,路口")
                        .append(i)
                        .append(",公安,")
                        .append(p.getX())
                        .append(',')
                        .append(p.getY())
                        .append(",海康\n");
                if (gridOf.containsKey(b.id())) expected.put("C" + i, gridOf.get(b.id()));
            }
            r = put(
                    s,
                    "/api/v1/departments/layers/cameras?kind=resources",
                    "text/csv",
                    csv.toString(),
                    "Authorization",
                    planner);
            assertEquals(200, r.statusCode(), r.body());
            String someGrid = expected.values().iterator().next();
            JsonNode inGrid = json(get(s, "/api/v1/grids/" + someGrid + "/resources"));
            Set<String> ids = new HashSet<>();
            inGrid.at("/layers/cameras/resources")
                    .forEach(x -> ids.add(x.get("id").asText()));
            Set<String> want = new HashSet<>();
            expected.forEach((id, g) -> {
                if (g.equals(someGrid)) want.add(id);
            });
            assertEquals(want, ids);
            assertEquals(
                    "海康",
                    inGrid.at("/layers/cameras/resources/0/attributes/brand").asText());
            JsonNode districts = json(get(s, "/api/v1/resources/summary?level=district"));
            int total = 0;
            for (JsonNode row : districts.get("rows")) total += row.get("count").asInt();
            assertEquals(
                    expected.size(), total, "buildings of campuses outside every grid aside, every camera counts once");

            // the layers as vector tiles too: a camera's tile at zoom 16 holds it; not part of /tiles/all
            var camera = city.buildings().get(0).geometry().getInteriorPoint();
            int z = 16, n = 1 << z;
            int x = (int) Math.floor((camera.getX() + 180) / 360 * n);
            double lat = Math.toRadians(camera.getY());
            int y = (int) Math.floor((1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2 * n);
            HttpResponse<byte[]> tile = TestHttp.getBytes(s, "/tiles/resources/" + z + "/" + x + "/" + y + ".mvt");
            assertEquals(200, tile.statusCode());
            assertTrue(
                    new String(tile.body(), java.nio.charset.StandardCharsets.ISO_8859_1).contains("C0"),
                    "the camera's id is in its tile");
            assertEquals(200, get(s, "/tiles/department_conflicts.json").statusCode());
            assertTrue(json(get(s, "/tiles/all.json"))
                            .get("vector_layers")
                            .toString()
                            .indexOf("resources")
                    < 0);

            // a bad record: refused by record and field, and the layer stays at version 1
            r = put(
                    s,
                    "/api/v1/departments/layers/beats?kind=units",
                    "application/geo+json",
                    beats.replaceFirst("\"department\":\"公安\"", "\"department\":\"\""),
                    "Authorization",
                    planner);
            assertEquals(400, r.statusCode(), r.body());
            assertTrue(
                    json(r).at("/error/message")
                            .asText()
                            .startsWith("the body record 1 (id PB-001) field department: missing"),
                    r.body());
            assertEquals(
                    1,
                    json(get(s, "/api/v1/departments/layers"))
                            .at("/layers/0/version")
                            .asInt());
            assertEquals(
                    400,
                    put(
                                    s,
                                    "/api/v1/departments/layers/beats?kind=resources",
                                    "text/csv",
                                    csv.toString(),
                                    "Authorization",
                                    planner)
                            .statusCode());
            assertEquals(
                    404, get(s, "/api/v1/departments/layers/nobody/crosswalk").statusCode());
            assertEquals(
                    415,
                    put(s, "/api/v1/departments/layers/x?kind=units", "application/zip", "PK", "Authorization", planner)
                            .statusCode());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"geopackage", "postgis"})
    void importsCrosswalksAndJoinsOverHttp(String kind) throws Exception {
        if (kind.equals("geopackage")) {
            try (GridStore store = GeoPackageGridStore.open(dir.resolve("departments.gpkg"))) {
                check(store);
            }
        } else {
            try (ThrowawayDatabase db = new ThrowawayDatabase(TwoInstancesTest.SERVER, "gridatlas_departments");
                    GridStore store = PostGisGridStore.open(db.url())) {
                check(store);
            }
        }
    }
}
