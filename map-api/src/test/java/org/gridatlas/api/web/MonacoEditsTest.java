package org.gridatlas.api.web;

import static org.gridatlas.api.web.TestHttp.json;
import static org.gridatlas.api.web.TestHttp.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.gridatlas.engine.Delineator;
import org.gridatlas.engine.io.DatasetReader;
import org.gridatlas.engine.model.Assignment;
import org.gridatlas.engine.model.Building;
import org.gridatlas.engine.model.Dataset;
import org.gridatlas.engine.model.Delineation;
import org.gridatlas.engine.model.Grid;
import org.gridatlas.engine.model.GridKind;
import org.gridatlas.engine.partition.Bounds;
import org.gridatlas.fixtures.NeedsRealData;
import org.gridatlas.fixtures.RealData;
import org.gridatlas.store.AccessToken;
import org.gridatlas.store.GeoPackageGridStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.io.geojson.GeoJsonWriter;

/**
 * Every edit operation over HTTP on the real Monaco fixture: each answer is either a preview whose
 * verification of DATA.md's rules passes, or a refusal (422) that names the rule; one of each kind is committed.
 */
@NeedsRealData
class MonacoEditsTest {
    private static final String PLANNER = "monaco-planner";

    @TempDir
    static Path dir;

    private static GeoPackageGridStore store;
    private static ApiServer server;
    private static Dataset data;
    private static Delineation result;
    private static String community;
    private static List<Grid> grids;

    @BeforeAll
    static void start() throws Exception {
        data = DatasetReader.read(RealData.monaco());
        result = new Delineator(
                        Bounds.DEFAULT,
                        org.gridatlas.engine.partition.RuralRule.DEFAULT,
                        org.gridatlas.engine.partition.MicroGridPlanner.DEFAULT)
                .delineate(data);
        store = GeoPackageGridStore.open(dir.resolve("monaco.gpkg"));
        store.replace(data, result, "monaco");
        store.putToken(new AccessToken("planner", "planner", AccessToken.digest(PLANNER), Instant.now()));
        server = new ApiServer(store).start(0);
        // the community with the most ordinary grids
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (Grid g : result.grids())
            if (g.kind() == GridKind.COMMUNITY) counts.merge(g.communityCode(), 1L, Long::sum);
        community = counts.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .orElseThrow()
                .getKey();
        grids = result.grids().stream()
                .filter(g -> g.communityCode().equals(community)
                        && g.kind() == GridKind.COMMUNITY
                        && g.level() == org.gridatlas.engine.model.GridLevel.GRID)
                .toList();
    }

    @AfterAll
    static void stop() {
        server.close();
        store.close();
    }

    private static HttpResponse<String> preview(String body) throws Exception {
        return post(
                server,
                "/api/v1/communities/" + community + "/changes",
                "application/json",
                body,
                "Authorization",
                "Bearer " + PLANNER);
    }

    /** A preview that passed every rule, or a refusal naming one. */
    private static JsonNode checked(HttpResponse<String> r) throws Exception {
        JsonNode n = json(r);
        System.out.printf(
                "Monaco edit: %d %s%n",
                r.statusCode(),
                r.statusCode() == 201
                        ? n.at("/change").toString().replaceAll("\\[[^]]{80,}]", "[...]")
                        : n.at("/error").toString());
        if (r.statusCode() == 201) {
            assertTrue(
                    n.at("/verification/passed").asBoolean(),
                    n.at("/verification").toString());
            return n;
        }
        assertEquals(422, r.statusCode(), r.body());
        String rule = n.at("/error/field").asText();
        assertTrue(
                java.util.Arrays.stream(org.gridatlas.engine.validate.Rule.values())
                        .anyMatch(x -> x.wireName().equals(rule)),
                "a refusal names the rule: " + r.body());
        return null;
    }

    private static void commit(JsonNode preview) throws Exception {
        HttpResponse<String> r = post(
                server,
                "/api/v1/communities/" + community + "/changes/"
                        + preview.get("id").asText() + "/commit",
                "application/json",
                "{\"reason\":\"Monaco test\"}",
                "Authorization",
                "Bearer " + PLANNER);
        assertEquals(200, r.statusCode(), r.body());
    }

    /**
     * A GeoJSON line across the grid's middle that crosses its boundary once on each side: the piece
     * of the horizontal through an interior point that holds that point, stretched 1 m out at both
     * ends (a line across the whole envelope would cross a concave grid several times).
     */
    private static String crossingOnce(org.locationtech.jts.geom.Geometry grid) {
        Envelope e = grid.getEnvelopeInternal();
        Coordinate c = grid.getInteriorPoint().getCoordinate();
        org.locationtech.jts.geom.GeometryFactory f = grid.getFactory();
        org.locationtech.jts.geom.Geometry across = f.createLineString(new Coordinate[] {
                    new Coordinate(e.getMinX() - 0.001, c.y), new Coordinate(e.getMaxX() + 0.001, c.y)
                })
                .intersection(grid);
        org.locationtech.jts.geom.Point p = f.createPoint(c);
        for (int i = 0; i < across.getNumGeometries(); i++) {
            org.locationtech.jts.geom.Geometry piece = across.getGeometryN(i);
            if (piece.distance(p) > 1e-9) continue;
            Envelope pe = piece.getEnvelopeInternal();
            return "{\"type\":\"LineString\",\"coordinates\":[[" + (pe.getMinX() - 1e-5) + "," + c.y + "],["
                    + (pe.getMaxX() + 1e-5) + "," + c.y + "]]}";
        }
        throw new IllegalStateException("no piece of the horizontal holds the interior point");
    }

    private static List<Grid[]> neighbourPairs() {
        List<Grid[]> out = new ArrayList<>();
        for (Grid a : grids)
            for (Grid b : grids) {
                if (a.code().compareTo(b.code()) < 0
                        && a.geometry().buffer(1e-7).intersects(b.geometry().buffer(1e-7))) out.add(new Grid[] {a, b});
            }
        return out;
    }

    @Test
    void everyOperationIsCheckedOrRefusedWithItsRule() throws Exception {
        // merge: Monaco's grids hold 300-500 households, so two together are refused by rule 4
        Grid[] pair = neighbourPairs().get(0);
        assertEquals(
                null,
                checked(preview(
                        "{\"op\":\"merge\",\"grids\":[\"" + pair[0].code() + "\",\"" + pair[1].code() + "\"]}")),
                "two Monaco grids together exceed 500 households");
        // split: a grid of 300-500 cannot become two within the bounds
        assertEquals(
                null,
                checked(preview("{\"op\":\"split\",\"grid\":\"" + grids.get(0).code() + "\"}")));
        // split along a line across a grid's middle, and a redrawn boundary: checked either way
        Grid big = grids.stream().max(Comparator.comparingInt(Grid::households)).orElseThrow();
        String line = crossingOnce(big.geometry());
        checked(preview("{\"op\":\"split_along\",\"grid\":\"" + big.code() + "\",\"line\":" + line + "}"));
        String boundary = new GeoJsonWriter(9).write(big.geometry().buffer(0.001));
        checked(preview("{\"op\":\"redraw\",\"grid\":\"" + big.code() + "\",\"boundary\":" + boundary + "}"));

        // move: the first building that can change grid within the rules is moved and committed
        JsonNode moved = null;
        for (Grid[] p : neighbourPairs()) {
            for (Grid[] ab : List.of(p, new Grid[] {p[1], p[0]})) {
                Building nearest = buildingsOf(ab[0]).stream()
                        .min(Comparator.comparingDouble(b -> b.geometry().distance(ab[1].geometry())))
                        .orElse(null);
                if (nearest == null) continue;
                moved = checked(preview(
                        "{\"op\":\"move\",\"buildings\":[\"" + nearest.id() + "\"],\"to\":\"" + ab[1].code() + "\"}"));
                if (moved != null) break;
            }
            if (moved != null) break;
        }
        assertTrue(moved != null, "some building of Monaco can move to a neighbouring grid within the rules");
        assertEquals(1, moved.at("/change/buildings_moved").asInt());
        // the two grids the move changed are divided into micro grids again; the others keep theirs
        java.util.Set<String> microParents = new java.util.TreeSet<>();
        for (JsonNode f : moved.get("features"))
            if (f.at("/properties/level").asText().equals("micro"))
                microParents.add(f.at("/properties/parent_code").asText());
        assertEquals(
                grids.size(),
                microParents.size(),
                "every grid of the community has micro grids after the move: " + microParents);
        commit(moved);

        // re-run with every grid but two neighbours locked: checked and committed over the move
        Grid[] open = neighbourPairs().get(neighbourPairs().size() - 1);
        StringBuilder locked = new StringBuilder();
        for (Grid g : grids)
            if (g != open[0] && g != open[1])
                locked.append(locked.length() == 0 ? "" : ",")
                        .append('"')
                        .append(g.code())
                        .append('"');
        JsonNode rerun = checked(preview("{\"op\":\"rerun\",\"locked\":[" + locked + "]}"));
        assertTrue(rerun != null, "re-delineating two grids of Monaco stays within the rules");
        commit(rerun);
        assertEquals(3, store.communityVersion(community), "the import's version, then two commits");
    }

    private static List<Building> buildingsOf(Grid g) {
        List<String> ids = new ArrayList<>();
        for (Assignment a : result.assignments()) if (a.gridCode().equals(g.code())) ids.add(a.buildingId());
        return data.buildings().stream()
                .filter(b -> ids.contains(b.id()) && b.households() > 0)
                .toList();
    }
}
