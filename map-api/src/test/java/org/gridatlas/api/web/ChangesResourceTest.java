package org.gridatlas.api.web;

import static org.gridatlas.api.web.TestHttp.get;
import static org.gridatlas.api.web.TestHttp.json;
import static org.gridatlas.api.web.TestHttp.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.gridatlas.api.serving.StaffingRule;
import org.gridatlas.engine.Delineator;
import org.gridatlas.engine.model.Dataset;
import org.gridatlas.engine.model.Delineation;
import org.gridatlas.engine.model.Grid;
import org.gridatlas.engine.partition.Bounds;
import org.gridatlas.engine.partition.RuralRule;
import org.gridatlas.fixtures.EdgeCases;
import org.gridatlas.store.AccessToken;
import org.gridatlas.store.GeoPackageGridStore;
import org.gridatlas.store.GridStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;

/** Planner edits over HTTP on the real server: preview, commit, versions, history, as of, revert, access and refusals. */
class ChangesResourceTest {
    static final String PLANNER = "planner-token", READER = "reader-token", ADMIN = "admin-token";
    static final Dataset DATA = EdgeCases.twoBlocksAlongARoad();
    static final String COMMUNITY = DATA.communities().get(0).code();

    /** Four grids of 150 and 250 households, and a planner, a reader and an admin token. */
    static void seed(GridStore store) {
        Delineation narrow = new Delineator(new Bounds(150, 250)).delineate(DATA);
        store.replace(DATA, narrow, "two blocks");
        Instant now = Instant.now();
        store.putToken(new AccessToken("王规划", "planner", AccessToken.digest(PLANNER), now));
        store.putToken(new AccessToken("李查看", "reader", AccessToken.digest(READER), now));
        store.putToken(new AccessToken("赵管理", "admin", AccessToken.digest(ADMIN), now));
    }

    /** The seeded store served; edits keep 150–450 households. */
    static ApiServer serve(GridStore store) {
        seed(store);
        return new ApiServer(store, editing(new Bounds(150, 450))).start(0);
    }

    /** Open settings whose edits keep the grids within {@code bounds}. */
    static ServerSettings editing(Bounds bounds) {
        return new ServerSettings(
                StaffingRule.DEFAULT,
                bounds,
                RuralRule.DEFAULT,
                org.gridatlas.engine.partition.MicroGridPlanner.DEFAULT,
                16 << 20,
                java.time.Duration.ofSeconds(5),
                false,
                ServerSettings.Security.OPEN,
                null,
                null,
                null,
                java.time.Duration.ofSeconds(10),
                org.gridatlas.api.serving.ReportDeadlines.DEFAULT,
                null,
                ServerSettings.Limits.DEFAULT);
    }

    static HttpResponse<String> change(ApiServer s, String token, String body) throws Exception {
        return post(
                s,
                "/api/v1/communities/" + COMMUNITY + "/changes",
                "application/json",
                body,
                "Authorization",
                "Bearer " + token);
    }

    static HttpResponse<String> commit(ApiServer s, String token, JsonNode preview) throws Exception {
        return post(
                s,
                "/api/v1/communities/" + COMMUNITY + "/changes/"
                        + preview.get("id").asText() + "/commit",
                "application/json",
                "{\"reason\":\"test\"}",
                "Authorization",
                "Bearer " + token,
                "If-Match",
                "\"v" + preview.get("base_version").asLong() + "\"");
    }

    /** Two neighbouring grids (sharing the longest boundary) of the served community. */
    static List<String> neighbours(ApiServer s) throws Exception {
        List<Grid> grids = new ArrayList<>(
                new Delineator(new Bounds(150, 250)).delineate(DATA).grids());
        Grid a = grids.get(0);
        Grid b = grids.stream()
                .filter(g -> g != a)
                .max(java.util.Comparator.comparingDouble(g -> g.geometry()
                        .buffer(1e-7)
                        .intersection(a.geometry().buffer(1e-7))
                        .getArea()))
                .orElseThrow();
        return List.of(a.code(), b.code());
    }

    @Test
    void refusedEditsNameTheRuleAndChangeNothing(@TempDir Path dir) throws Exception {
        try (GeoPackageGridStore store = GeoPackageGridStore.open(dir.resolve("s.gpkg"));
                ApiServer s = serve(store)) {
            List<Grid> grids =
                    new Delineator(new Bounds(150, 250)).delineate(DATA).grids();
            Grid a = grids.get(0);
            Grid apart = grids.stream()
                    .filter(g -> g != a && g.geometry().distance(a.geometry()) > 1e-6
                            || g != a
                                    && g.geometry()
                                                    .buffer(1e-7)
                                                    .intersection(a.geometry().buffer(1e-7))
                                                    .getArea()
                                            < 1e-12)
                    .findFirst()
                    .orElseThrow();
            HttpResponse<String> r =
                    change(s, PLANNER, "{\"op\":\"merge\",\"grids\":[\"" + a.code() + "\",\"" + apart.code() + "\"]}");
            assertEquals(422, r.statusCode(), r.body());
            assertEquals("one_valid_polygon", json(r).at("/error/field").asText(), r.body());
            HttpResponse<String> unknown =
                    change(s, PLANNER, "{\"op\":\"move\",\"buildings\":[\"nope\"],\"to\":\"" + a.code() + "\"}");
            assertEquals(422, unknown.statusCode());
            assertEquals("request", json(unknown).at("/error/field").asText());
            assertEquals(400, change(s, PLANNER, "{\"op\":\"paint\"}").statusCode());
            assertEquals(400, change(s, PLANNER, "not json").statusCode());
            assertEquals(1, store.communityVersion(COMMUNITY), "nothing was committed");
            assertEquals(4, store.load().grids().size());
        }
    }

    @Test
    void previewCommitHistoryAsOfAndRevert(@TempDir Path dir) throws Exception {
        try (GeoPackageGridStore store = GeoPackageGridStore.open(dir.resolve("s.gpkg"));
                ApiServer s = serve(store)) {
            List<String> pair = neighbours(s);
            String merge = "{\"op\":\"merge\",\"grids\":[\"" + pair.get(0) + "\",\"" + pair.get(1)
                    + "\"],\"reason\":\"a compound was demolished\"}";
            assertEquals(401, change(s, "nobody", merge).statusCode());
            assertEquals(403, change(s, READER, merge).statusCode(), "readers may not edit");

            HttpResponse<String> previewed = change(s, PLANNER, merge);
            assertEquals(201, previewed.statusCode(), previewed.body());
            JsonNode preview = json(previewed);
            assertEquals(3, preview.get("features").size());
            assertEquals(List.of(pair.get(1)), strings(preview.at("/change/retired")));
            assertTrue(preview.at("/change/households_moved").asInt() > 0);
            assertTrue(
                    preview.at("/verification/passed").asBoolean(),
                    preview.at("/verification").toString());
            Coordinate inB = grid(pair.get(1)).geometry().getInteriorPoint().getCoordinate();
            String lookup = "/api/v1/lookup?lon=" + inB.x + "&lat=" + inB.y;
            assertEquals(pair.get(1), json(get(s, lookup)).at("/grid/code").asText(), "a preview changes nothing");

            HttpResponse<String> committed = commit(s, PLANNER, preview);
            assertEquals(200, committed.statusCode(), committed.body());
            assertEquals(2, json(committed).get("version").asLong());
            assertEquals(
                    pair.get(0),
                    json(get(s, lookup)).at("/grid/code").asText(),
                    "lookups answer from the new version at once");
            assertEquals(404, commit(s, PLANNER, preview).statusCode(), "a committed preview is gone");

            JsonNode versions = json(get(s, "/api/v1/communities/" + COMMUNITY + "/versions"));
            assertEquals(List.of(1L, 2L), longs(versions.get("versions"), "version"));
            assertEquals("王规划", versions.at("/versions/1/author").asText());
            assertEquals("test", versions.at("/versions/1/reason").asText());
            JsonNode history = json(get(s, "/api/v1/grids/" + pair.get(1) + "/history"));
            assertEquals(
                    List.of(1L, 2L),
                    longs(history.get("history"), "version"),
                    "the retired grid: held in 1, retired by 2");
            // as of a time before every version: the import's grids; as of the commit's own time: the merged ones
            assertEquals(
                    4,
                    json(get(s, "/api/v1/communities/" + COMMUNITY + "/grids?as_of=2000-01-01T00:00:00Z"))
                            .get("features")
                            .size());
            assertEquals(
                    3,
                    json(get(
                                    s,
                                    "/api/v1/communities/" + COMMUNITY + "/grids?as_of="
                                            + versions.at("/versions/1/time").asText()))
                            .get("features")
                            .size());
            assertEquals(
                    3,
                    json(get(s, "/api/v1/communities/" + COMMUNITY + "/grids"))
                            .get("features")
                            .size());

            HttpResponse<String> reverted = post(
                    s,
                    "/api/v1/communities/" + COMMUNITY + "/versions/1/revert",
                    "application/json",
                    "",
                    "Authorization",
                    "Bearer " + PLANNER);
            assertEquals(200, reverted.statusCode(), reverted.body());
            assertEquals(3, json(reverted).get("version").asLong());
            assertEquals(
                    pair.get(1), json(get(s, lookup)).at("/grid/code").asText(), "the revert brings the grid back");
            assertEquals(
                    403,
                    get(s, "/api/v1/admin/audit", "Authorization", "Bearer " + PLANNER)
                            .statusCode(),
                    "the audit log is for admins");
            JsonNode entries = json(get(s, "/api/v1/admin/audit", "Authorization", "Bearer " + ADMIN))
                    .get("entries");
            List<String> actions = new ArrayList<>();
            entries.forEach(e -> actions.add(e.get("actor").asText() + " "
                    + e.get("action").asText() + " " + e.get("outcome").asText()));
            assertTrue(
                    actions.contains("王规划 commit ok")
                            && actions.contains("王规划 revert to 1 ok")
                            && actions.contains("王规划 preview merge ok"),
                    actions.toString());
        }
    }

    private static Grid grid(String code) {
        return new Delineator(new Bounds(150, 250))
                .delineate(DATA).grids().stream()
                        .filter(g -> g.code().equals(code))
                        .findFirst()
                        .orElseThrow();
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.forEach(x -> out.add(x.asText()));
        return out;
    }

    private static List<Long> longs(JsonNode n, String field) {
        List<Long> out = new ArrayList<>();
        n.forEach(x -> out.add(x.get(field).asLong()));
        return out;
    }
}
