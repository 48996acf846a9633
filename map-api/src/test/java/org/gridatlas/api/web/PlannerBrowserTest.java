package org.gridatlas.api.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gridatlas.fixtures.Slow;
import org.gridatlas.store.GeoPackageGridStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The planner page in Debian's headless chromium (playwright-core) against the real server: a
 * planner selects two neighbouring grids, previews their merge, sees the diff and the rules kept,
 * commits, and reverts it from the history list; the reason, typed as markup, shows as text; the
 * token leaves the address bar; every grid downloads as a zipped Shapefile in UTM, and a system
 * no .prj is written for is refused with why; the page runs under the strict CSP without a violation.
 * Screenshot (of the preview) in target/planner.png.
 */
@Slow
class PlannerBrowserTest {
    @Test
    void aPlannerMergesTwoGridsInTheBrowser(@TempDir Path dir) throws Exception {
        try (GeoPackageGridStore store = GeoPackageGridStore.open(dir.resolve("s.gpkg"));
                ApiServer server = ChangesResourceTest.serve(store)) {
            List<String> pair = ChangesResourceTest.neighbours(server);
            Path shot = Path.of("target/planner.png").toAbsolutePath();
            String out = BrowserScript.run(
                    "test/planner.mjs",
                    "http://127.0.0.1:" + server.port(),
                    ChangesResourceTest.PLANNER,
                    ChangesResourceTest.COMMUNITY,
                    pair.get(0),
                    pair.get(1),
                    shot.toString());
            assertTrue(
                    out.contains("rows_before=4 rows_after=3")
                            && out.contains("retired=" + pair.get(1))
                            && out.contains("rules=rules:_all_kept")
                            && out.contains("committed=committed_as_version_2")
                            && out.contains("reverted=reverted_to_version_1_as_version_3")
                            && out.contains("rows_reverted=4")
                            && out.contains("token_taken=true")
                            && out.contains("reason_as_text=true")
                            && out.contains("exported=grids-shp.zip:true")
                            && out.contains("refused_export=true")
                            && out.contains("errors=0"),
                    out);
            assertEquals(3, store.communityVersion(ChangesResourceTest.COMMUNITY));
            assertTrue(Files.size(shot) > 20_000, "screenshot written");
        }
    }
}
