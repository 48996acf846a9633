package org.gridatlas.api.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.gridatlas.engine.Delineator;
import org.gridatlas.engine.model.Building;
import org.gridatlas.engine.model.Dataset;
import org.gridatlas.engine.model.Delineation;
import org.gridatlas.engine.partition.Bounds;
import org.gridatlas.engine.partition.MicroGridPlanner;
import org.gridatlas.engine.partition.RuralRule;
import org.gridatlas.fixtures.DepartmentLayers;
import org.gridatlas.fixtures.Fixtures;
import org.gridatlas.fixtures.Slow;
import org.gridatlas.store.AccessToken;
import org.gridatlas.store.GeoPackageGridStore;
import org.gridatlas.store.Report;
import org.gridatlas.store.ReportSource;
import org.gridatlas.store.ReportStatus;
import org.gridatlas.store.Zone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command centre's screen in Debian's headless chromium (driven by playwright-core): the real
 * server on the small generated district with a week of reports, every panel shows data, a drill-down to a community moves
 * them all, a posted report arrives live, a status change moves the totals, the replay runs, a grid's
 * popup shows names from the data as text, other departments' layers switch on (beats, their
 * conflicts, cameras), all under the strict CSP and on an instance whose reads need a token (given as
 * {@code ?token=}: tiles and the live stream carry it too); screenshots at 1920×1080 and
 * 3840×2160 are saved to target/.
 */
@Slow
class BigScreenBrowserTest {
    private static final String PLANNER = "screen-planner";

    @Test
    void everyPanelShowsDataFollowsTheDrillDownAndMovesWithReports(@TempDir Path dir) throws Exception {
        Dataset d = Fixtures.smallCity();
        Delineation r = new Delineator(Bounds.DEFAULT, RuralRule.DEFAULT, MicroGridPlanner.DEFAULT).delineate(d);
        try (GeoPackageGridStore store = GeoPackageGridStore.open(dir.resolve("s.gpkg"))) {
            store.replace(d, r, "small city");
            // a 片区 name that is markup: the popup must show it as text
            store.replaceZones(d.communities().stream()
                    .map(c -> new Zone(c.code(), "Z1", "<img src=x onerror=\"window.__xss=1\">东片区"))
                    .toList());
            store.putToken(new AccessToken("指挥中心", "planner", AccessToken.digest(PLANNER), Instant.now()));
            seedWeek(store, d, r);
            store.replaceUnits("beats", DepartmentLayers.policeBeats(d), "beats");
            org.locationtech.jts.geom.Envelope extent = new org.locationtech.jts.geom.Envelope();
            d.communities().forEach(c -> extent.expandToInclude(c.geometry().getEnvelopeInternal()));
            store.replaceResources("cameras", DepartmentLayers.resources(extent, 300, 9), "cameras");
            // reads need a token, as on a closed instance: the screen opened with ?token= must pass it
            // to everything it reads, tiles and the live stream included
            ServerSettings tokenReads =
                    ServerSettings.DEFAULT.withSecurity(new ServerSettings.Security(Set.of(), Set.of(), false));
            try (ApiServer server = new ApiServer(store, tokenReads).start(0)) {
                Path wide = Path.of("target/big-screen-1920.png").toAbsolutePath(),
                        uhd = Path.of("target/big-screen-3840.png").toAbsolutePath();
                String out = BrowserScript.run(
                        "test/bigscreen.mjs",
                        "http://127.0.0.1:" + server.port(),
                        PLANNER,
                        wide.toString(),
                        uhd.toString());
                assertTrue(
                        out.contains(
                                        "RESULT tiles=true city=true panels=true drill=true live=true status=true replay=true popupAsText=true departments=true day=true")
                                && out.contains("errors=0"),
                        out);
                assertTrue(Files.size(wide) > 20_000 && Files.size(uhd) > 20_000, "screenshots written");
            }
        }
    }

    /** Reports over the last week at buildings of every community, of several categories and sources, some settled, one escalated. */
    private static void seedWeek(GeoPackageGridStore store, Dataset d, Delineation r) {
        java.util.Map<String, String> gridOf = new java.util.HashMap<>();
        r.assignments().forEach(a -> gridOf.put(a.buildingId(), a.gridCode()));
        String[] categories = {"垃圾", "噪音", "占道经营", "路灯", "井盖"};
        ReportSource[] sources = ReportSource.values();
        Instant now = Instant.now();
        java.util.List<Building> buildings =
                d.buildings().stream().filter(b -> gridOf.containsKey(b.id())).toList();
        for (int i = 0; i < 60; i++) {
            Building b = buildings.get((i * 37) % buildings.size());
            org.locationtech.jts.geom.Point p = b.geometry().getInteriorPoint();
            Instant t = now.minus(Duration.ofMinutes(97L * i + 5));
            String id = "week-" + i;
            store.addReport(new Report(
                    id,
                    t,
                    categories[i % categories.length],
                    p.getX(),
                    p.getY(),
                    "wgs84",
                    null,
                    gridOf.get(b.id()),
                    t,
                    null,
                    null,
                    sources[i % sources.length],
                    ReportStatus.RECEIVED,
                    t,
                    false));
            if (i % 3 == 0) {
                store.move(id, ReportStatus.DISPATCHED, t.plusSeconds(60), "seed", null);
                store.move(
                        id,
                        i % 9 == 0 ? ReportStatus.ESCALATED : ReportStatus.IN_PROGRESS,
                        t.plusSeconds(120),
                        "seed",
                        null);
                store.move(id, ReportStatus.RESOLVED, t.plusSeconds(180), "seed", null);
            }
        }
    }
}
