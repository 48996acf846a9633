package org.gridatlas.api.web;

import org.gridatlas.fixtures.Slow;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.gridatlas.store.GeoPackageGridStore;
import org.gridatlas.store.Zone;
import org.gridatlas.engine.Delineator;
import org.gridatlas.engine.io.DatasetReader;
import org.gridatlas.engine.model.Dataset;
import org.gridatlas.engine.model.Delineation;
import org.gridatlas.engine.partition.Bounds;
import org.gridatlas.engine.partition.MicroGridPlanner;
import org.gridatlas.engine.partition.RuralRule;
import org.gridatlas.fixtures.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The big screen in Debian's headless chromium (driven by playwright-core): the real server on
 * Monaco, the map renders grids from our tiles, a posted report arrives live, a grid's popup shows
 * names from the data as text, all under the strict CSP; a screenshot is saved to target/big-screen.png.
 */
@Slow
class BigScreenBrowserTest {
    @Test
    void theMapDrawsGridsAndAReportArrivesLive(@TempDir Path dir) throws Exception {
        Dataset d = DatasetReader.read(Fixtures.monaco());
        Delineation r = new Delineator(Bounds.DEFAULT, RuralRule.DEFAULT, MicroGridPlanner.DEFAULT).delineate(d);
        try (GeoPackageGridStore store = GeoPackageGridStore.open(dir.resolve("s.gpkg"))) {
            store.replace(d, r, "monaco");
            // a 片区 name that is markup: the popup must show it as text
            store.replaceZones(d.communities().stream().map(c -> new Zone(c.code(), "Z1", "<img src=x onerror=\"window.__xss=1\">东片区")).toList());
            try (ApiServer server = new ApiServer(store).start(0)) {
                Path shot = Path.of("target/big-screen.png").toAbsolutePath();
                String out = BrowserScript.run("test/bigscreen.mjs", "http://127.0.0.1:" + server.port(), shot.toString());
                assertTrue(out.contains("RESULT rendered_grids=") && out.contains("post_status=201") && out.contains("popup_as_text=true") && out.contains("errors=0"), out);
                assertTrue(Files.size(shot) > 20_000, "screenshot written");
            }
        }
    }
}
