package org.gridatlas.api.web;

import static org.gridatlas.api.web.TestHttp.get;
import static org.gridatlas.api.web.TestHttp.json;
import static org.gridatlas.api.web.TestHttp.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gridatlas.engine.model.Building;
import org.gridatlas.store.GeoPackageGridStore;
import org.gridatlas.store.GridStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Point;

/**
 * A grid's forces by department over HTTP: a staff list with a police officer, a party branch
 * secretary and a worker lent by the housing office; staffing per department with shortfalls; an
 * appeal's lookup and a report answered with the people of the category's department.
 */
class ForcesTest {
    @Test
    void forcesByDepartmentAndWhoAnswersAnAppeal(@TempDir Path dir) throws Exception {
        try (GridStore store = GeoPackageGridStore.open(dir.resolve("forces.gpkg"));
                ApiServer s = ChangesResourceTest.serve(store)) {
            String planner = "Bearer " + ChangesResourceTest.PLANNER;
            Building b = ChangesResourceTest.DATA.buildings().get(0);
            Point p = b.geometry().getInteriorPoint();
            String grid = json(get(s, "/api/v1/lookup?lon=" + p.getX() + "&lat=" + p.getY()))
                    .at("/grid/code")
                    .asText();
            List<String> rows = new ArrayList<>(List.of(
                    "grid_code,role,name,phone,department,branch",
                    grid + ",chief,王建国,13800000001,,建设里第一网格党支部",
                    grid + ",worker,李芳,13800000002,,",
                    grid + ",police_officer,张警官,110,,",
                    grid + ",worker,陈师傅,13800000003,房管,"));
            HttpResponse<String> r =
                    post(s, "/api/v1/staff", "text/csv", String.join("\n", rows) + "\n", "Authorization", planner);
            assertEquals(200, r.statusCode(), r.body());

            JsonNode staffing = json(get(s, "/api/v1/staffing"));
            JsonNode mine = null;
            for (JsonNode g : staffing.get("grids")) if (g.get("code").asText().equals(grid)) mine = g;
            assertEquals(1, mine.at("/departments/公安/assigned").asInt());
            assertEquals(0, mine.at("/departments/公安/shortfall").asInt());
            assertEquals(
                    1,
                    mine.at("/departments/党群/shortfall").asInt(),
                    "no party branch secretary yet: " + mine.get("departments"));
            assertEquals(1, mine.at("/departments/房管/assigned").asInt());
            assertEquals("张警官", mine.at("/departments/公安/people/0/name").asText());
            assertEquals("建设里第一网格党支部", mine.get("party_branch").asText());
            assertEquals(
                    1,
                    mine.get("workers_assigned").asInt(),
                    "a worker lent by the housing office is not one of the grid's own");

            // noise goes to the police; a street stall to city management, which has no one here: the grid's own
            // people, said so
            JsonNode noise = json(get(s, "/api/v1/lookup?lon=" + p.getX() + "&lat=" + p.getY() + "&category=噪音"));
            assertEquals(grid, noise.at("/grid/code").asText());
            assertEquals("公安", noise.at("/responsible/department").asText());
            assertEquals("张警官", noise.at("/responsible/people/0/name").asText());
            assertEquals(false, noise.at("/responsible/fallback_to_grid").asBoolean());
            JsonNode stall = json(get(s, "/api/v1/lookup?lon=" + p.getX() + "&lat=" + p.getY() + "&category=占道经营"))
                    .get("responsible");
            assertEquals("城管", stall.get("department").asText());
            assertTrue(stall.get("fallback_to_grid").asBoolean());
            assertEquals(
                    List.of("王建国", "李芳"),
                    List.of(
                            stall.at("/people/0/name").asText(),
                            stall.at("/people/1/name").asText()),
                    "the chief first");

            r = post(
                    s,
                    "/api/v1/reports",
                    "application/json",
                    "{\"id\":\"r1\",\"category\":\"漏水\",\"lon\":" + p.getX() + ",\"lat\":" + p.getY() + "}");
            assertEquals(201, r.statusCode(), r.body());
            assertEquals("陈师傅", json(r).at("/responsible/people/0/name").asText(), r.body());

            r = post(
                    s,
                    "/api/v1/staff",
                    "text/csv",
                    "grid_code,role,name,phone\n" + grid + ",sheriff,某人,1\n",
                    "Authorization",
                    planner);
            assertEquals(400, r.statusCode());
            assertTrue(
                    json(r).at("/error/message")
                            .asText()
                            .contains(
                                    "line 2: role must be one of chief, city_officer, housing_officer, party_secretary, police_officer, worker"),
                    r.body());
            assertEquals(4, store.staff().size(), "the list that was there stays");
        }
    }
}
