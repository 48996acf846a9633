package org.gridatlas.api.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.gridatlas.api.serving.ReportHistory;
import org.gridatlas.api.serving.ReportSimulator;
import org.gridatlas.engine.Delineator;
import org.gridatlas.engine.model.Assignment;
import org.gridatlas.engine.model.Building;
import org.gridatlas.engine.model.Dataset;
import org.gridatlas.engine.model.Delineation;
import org.gridatlas.engine.partition.Bounds;
import org.gridatlas.fixtures.Fixtures;
import org.gridatlas.fixtures.Slow;
import org.gridatlas.store.GeoPackageGridStore;
import org.gridatlas.store.Report;
import org.gridatlas.store.ReportSource;
import org.gridatlas.store.ReportStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's living command centre on the small district: a week of reports behind it in realistic
 * shares (some overdue, some escalated), and a simulated stream whose appeals arrive by point and by
 * address through the same desk as the API's and move on to closed — seen by the summaries.
 */
@Slow
class LivingCommandCentreTest {
    @TempDir
    static Path dir;

    private static GeoPackageGridStore store;
    private static ApiServer server;
    private static List<ReportHistory.Place> places;
    private static final Instant NOW = Instant.parse("2026-11-30T04:00:00Z");

    @BeforeAll
    static void start() {
        Dataset d = Fixtures.smallCity();
        Delineation r = new Delineator(Bounds.DEFAULT).delineate(d);
        store = GeoPackageGridStore.open(dir.resolve("s.gpkg"));
        store.replace(d, r, "small city");
        Map<String, Building> byId = d.buildings().stream().collect(Collectors.toMap(Building::id, b -> b));
        places = new ArrayList<>();
        for (Assignment a : r.assignments()) {
            var p = byId.get(a.buildingId()).geometry().getInteriorPoint();
            places.add(new ReportHistory.Place(p.getX(), p.getY(), a.gridCode()));
        }
        server = new ApiServer(store).start(0);
    }

    @AfterAll
    static void stop() {
        server.close();
        store.close();
    }

    @Test
    void aWeekOfReportsInRealisticSharesSomeOverdueSomeEscalated() {
        GeoPackageGridStore week = GeoPackageGridStore.open(dir.resolve("week.gpkg"));
        try (week) {
            int n = ReportHistory.week(week, places, NOW, 7);
            List<Report> all = week.reportsBetween(NOW.minus(Duration.ofDays(8)), NOW);
            assertEquals(n, all.size(), "every report lies in the week before now");
            assertTrue(n > 300, "about 50 a day: " + n);
            Map<ReportSource, Long> bySource =
                    all.stream().collect(Collectors.groupingBy(Report::source, Collectors.counting()));
            assertTrue(bySource.get(ReportSource.HOTLINE_12345) > bySource.get(ReportSource.WECHAT), "" + bySource);
            assertTrue(bySource.get(ReportSource.WECHAT) > bySource.get(ReportSource.GRID_WORKER), "" + bySource);
            long settled = all.stream().filter(r -> r.status().settled()).count();
            assertTrue(settled > n / 2 && settled < n, "most settled, some open: " + settled + " of " + n);
            long overdue = all.stream()
                    .filter(r -> !r.status().settled() && r.time().isBefore(NOW.minus(Duration.ofHours(72))))
                    .count();
            assertTrue(overdue > 0 && overdue < n / 5, "some open past the 72 h deadline: " + overdue);
            assertTrue(all.stream().filter(Report::escalated).count() > 0, "some escalated");
            assertTrue(all.stream().map(Report::category).distinct().count() >= 8, "every category");
            assertTrue(all.stream().allMatch(r -> r.gridCode() != null && r.text() != null));
        }
    }

    @Test
    void theSimulatedStreamArrivesByPointAndAddressAndMovesOnToClosed() throws Exception {
        ReportSimulator sim = new ReportSimulator(server::serving, server.reportDesk(), 11);
        Instant start = Instant.now().minus(Duration.ofHours(1));
        // ten minutes of the compressed clock, an hour before now so that every report lies in the past
        for (int s = 0; s < 600; s++) sim.tick(start.plusSeconds(s));
        List<Report> reports = store.reportsBetween(start, start.plusSeconds(600)).stream()
                .filter(r -> r.id().startsWith("sim-"))
                .toList();
        assertEquals(sim.sent(), reports.size(), "every appeal sent was received");
        assertTrue(reports.size() > 100, "one every few seconds: " + reports.size());
        Set<ReportSource> sources = reports.stream().map(Report::source).collect(Collectors.toSet());
        assertTrue(
                sources.containsAll(Set.of(ReportSource.HOTLINE_12345, ReportSource.WECHAT, ReportSource.GRID_WORKER)),
                "" + sources);
        List<Report> byAddress =
                reports.stream().filter(r -> r.address() != null).toList();
        assertTrue(byAddress.size() > reports.size() / 5, "by address: " + byAddress.size());
        assertTrue(
                byAddress.stream().filter(r -> r.gridCode() != null).count() > byAddress.size() * 9 / 10,
                "addresses as residents write them find their grid");
        assertTrue(
                reports.stream().filter(Report::located).count() > reports.size() * 9 / 10,
                "nearly every report shows on the map (an address found only to its road has no point)");
        Map<ReportStatus, Long> status =
                reports.stream().collect(Collectors.groupingBy(Report::status, Collectors.counting()));
        assertTrue(status.containsKey(ReportStatus.CLOSED) && status.containsKey(ReportStatus.RECEIVED), "" + status);
        assertTrue(reports.stream().anyMatch(Report::escalated), "a few go up to the street");
        JsonNode summary = TestHttp.json(TestHttp.get(
                server, "/api/v1/reports/summary?by=source&since=" + start + "&until=" + start.plusSeconds(600)));
        assertEquals(reports.size(), summary.at("/total/reports").asInt(), "the summaries saw every one");
        assertEquals(
                status.getOrDefault(ReportStatus.CLOSED, 0L) + status.getOrDefault(ReportStatus.RESOLVED, 0L),
                summary.at("/total/settled").asLong(),
                "and every step");
    }
}
