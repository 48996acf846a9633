package org.gridatlas.api.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.gridatlas.api.store.GeoPackageGridStore;
import org.gridatlas.engine.Delineator;
import org.gridatlas.engine.io.DatasetReader;
import org.gridatlas.engine.model.Dataset;
import org.gridatlas.engine.model.Delineation;
import org.gridatlas.engine.partition.Bounds;
import org.gridatlas.engine.partition.MicroGridPlanner;
import org.gridatlas.engine.partition.RuralRule;
import org.gridatlas.fixtures.Fixtures;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The big screen in Debian's headless chromium (driven by playwright-core): the real server on
 * Monaco, the map renders grids from our tiles, a posted report arrives live, and a screenshot is
 * saved to target/big-screen.png.
 */
class BigScreenBrowserTest {
    private static final Path WEB = Path.of("src/main/web").toAbsolutePath();

    @Test
    void theMapDrawsGridsAndAReportArrivesLive(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromium")), "chromium is installed by scripts/test.sh");
        Assumptions.assumeTrue(Files.isDirectory(WEB.resolve("node_modules/playwright-core")), "playwright-core is installed by the build's npm ci");
        Dataset d = DatasetReader.read(Fixtures.monaco());
        Delineation r = new Delineator(Bounds.DEFAULT, RuralRule.DEFAULT, MicroGridPlanner.DEFAULT).delineate(d);
        try (GeoPackageGridStore store = GeoPackageGridStore.open(dir.resolve("s.gpkg"))) {
            store.replace(d, r, "monaco");
            try (ApiServer server = new ApiServer(store).start(0)) {
                Path shot = Path.of("target/big-screen.png").toAbsolutePath();
                Process p = new ProcessBuilder("node", "test/bigscreen.mjs", "http://127.0.0.1:" + server.port(), shot.toString())
                        .directory(WEB.toFile()).redirectErrorStream(true).start();
                boolean done = p.waitFor(150, TimeUnit.SECONDS);
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!done) p.destroyForcibly();
                assertTrue(done, "browser test timed out: " + out);
                assertEquals(0, p.exitValue(), out);
                assertTrue(out.contains("RESULT rendered_grids=") && out.contains("post_status=201") && out.contains("errors=0"), out);
                assertTrue(Files.size(shot) > 20_000, "screenshot written");
            }
        }
    }
}
