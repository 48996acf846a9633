package org.gridatlas.api.web;

import static org.gridatlas.api.web.ChangesResourceTest.COMMUNITY;
import static org.gridatlas.api.web.ChangesResourceTest.PLANNER;
import static org.gridatlas.api.web.TestHttp.get;
import static org.gridatlas.api.web.TestHttp.json;
import static org.gridatlas.api.web.TestHttp.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.gridatlas.engine.Delineator;
import org.gridatlas.engine.model.Grid;
import org.gridatlas.engine.partition.Bounds;
import org.gridatlas.store.PostGisGridStore;
import org.gridatlas.store.ThrowawayDatabase;
import org.junit.jupiter.api.Test;

/** Planners committing at once on PostGIS: one wins, the other gets 409, and readers only ever see whole versions. */
class PlannerConcurrencyTest {
    @Test
    void twoPlannersCommitAtOnceAndOneWins() throws Exception {
        try (ThrowawayDatabase db = new ThrowawayDatabase(TwoInstancesTest.SERVER, "gridatlas_planners");
                PostGisGridStore store = PostGisGridStore.open(db.url());
                ApiServer s = ChangesResourceTest.serve(store)) {
            List<String> pair = ChangesResourceTest.neighbours(s);
            JsonNode merge = json(ChangesResourceTest.change(
                    s, PLANNER, "{\"op\":\"merge\",\"grids\":[\"" + pair.get(0) + "\",\"" + pair.get(1) + "\"]}"));
            JsonNode split = json(ChangesResourceTest.change(s, PLANNER, "{\"op\":\"rerun\",\"locked\":[]}"));
            assertEquals(
                    merge.get("base_version").asLong(),
                    split.get("base_version").asLong(),
                    "both made on the same version");
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<HttpResponse<String>>> commits = new ArrayList<>();
            for (JsonNode p : List.of(merge, split)) {
                commits.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        go.await();
                        return ChangesResourceTest.commit(s, PLANNER, p);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            JsonNode winner = null;
            for (int i = 0; i < 2; i++) {
                HttpResponse<String> r = commits.get(i).get();
                statuses.add(r.statusCode());
                if (r.statusCode() == 200) winner = i == 0 ? merge : split;
                else assertTrue(r.body().contains("preview again"), r.body());
            }
            Collections.sort(statuses);
            assertEquals(List.of(200, 409), statuses);
            assertEquals(2, store.communityVersion(COMMUNITY));
            assertEquals(2, store.versions(COMMUNITY).size(), "the baseline and one commit");
            assertEquals(
                    codes(winner.get("features")),
                    codes(json(get(s, "/api/v1/communities/" + COMMUNITY + "/grids"))
                            .get("features")),
                    "the store holds the winner's grids");
        }
    }

    @Test
    void readersNeverSeeAHalfAppliedChange() throws Exception {
        try (ThrowawayDatabase db = new ThrowawayDatabase(TwoInstancesTest.SERVER, "gridatlas_readers");
                PostGisGridStore store = PostGisGridStore.open(db.url());
                ApiServer s = ChangesResourceTest.serve(store)) {
            List<String> pair = ChangesResourceTest.neighbours(s);
            Set<String> before = new TreeSet<>();
            for (Grid g : new Delineator(new Bounds(150, 250))
                    .delineate(ChangesResourceTest.DATA)
                    .grids()) before.add(g.code());
            Set<String> after = new TreeSet<>(before);
            after.remove(pair.get(1));
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger reads = new AtomicInteger();
            List<String> wrong = Collections.synchronizedList(new ArrayList<>());
            Thread reader = new Thread(() -> {
                while (!stop.get()) {
                    try {
                        JsonNode fc = json(get(s, "/api/v1/grids?community=" + COMMUNITY));
                        Set<String> codes = codes(fc.get("features"));
                        int households = 0;
                        for (JsonNode f : fc.get("features"))
                            households += f.at("/properties/households").asInt();
                        if (households != 800 || !(codes.equals(before) || codes.equals(after)))
                            wrong.add(codes + " " + households);
                        reads.incrementAndGet();
                    } catch (Exception e) {
                        wrong.add(e.toString());
                    }
                }
            });
            reader.start();
            for (int i = 0; i < 5; i++) {
                JsonNode p = json(ChangesResourceTest.change(
                        s, PLANNER, "{\"op\":\"merge\",\"grids\":[\"" + pair.get(0) + "\",\"" + pair.get(1) + "\"]}"));
                assertEquals(200, ChangesResourceTest.commit(s, PLANNER, p).statusCode());
                HttpResponse<String> back = post(
                        s,
                        "/api/v1/communities/" + COMMUNITY + "/versions/1/revert",
                        "application/json",
                        "",
                        "Authorization",
                        "Bearer " + PLANNER);
                assertEquals(200, back.statusCode(), back.body());
            }
            stop.set(true);
            reader.join();
            assertTrue(wrong.isEmpty(), wrong.toString());
            assertTrue(reads.get() > 10, "the reader read while edits ran: " + reads.get());
            assertEquals(11, store.communityVersion(COMMUNITY), "ten commits over the import's version 1");
        }
    }

    static Set<String> codes(JsonNode features) {
        Set<String> out = new TreeSet<>();
        features.forEach(f -> out.add(f.at("/properties/code").asText()));
        return out;
    }
}
