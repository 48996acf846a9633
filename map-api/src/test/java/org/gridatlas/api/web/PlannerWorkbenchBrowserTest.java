package org.gridatlas.api.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.gridatlas.engine.Delineator;
import org.gridatlas.engine.model.Assignment;
import org.gridatlas.engine.model.Building;
import org.gridatlas.engine.model.Dataset;
import org.gridatlas.engine.model.Delineation;
import org.gridatlas.engine.model.Grid;
import org.gridatlas.engine.model.GridLevel;
import org.gridatlas.engine.partition.Bounds;
import org.gridatlas.fixtures.CityGenerator;
import org.gridatlas.fixtures.Slow;
import org.gridatlas.store.AccessToken;
import org.gridatlas.store.GeoPackageGridStore;
import org.gridatlas.store.StaffMember;
import org.gridatlas.tiles.print.PdfReading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The planner's workbench in Debian's headless chromium on a generated city, as a planner works:
 * searches an address, draws a cut line across a grid with the mouse, sees the balance chart change
 * in the preview, undoes and redoes it, commits, compares the two versions, prints the community's
 * grid map and reverts. The printed PDF is read with pdftotext (the new grids' codes and the chief's
 * name) and its first page rendered with pdftoppm. Screenshots and the page in target/workbench/.
 */
@Slow
class PlannerWorkbenchBrowserTest {
    private static final String TOKEN = "workbench-planner";

    @Test
    void aPlannerSearchesCutsCommitsComparesPrintsAndReverts(@TempDir Path dir) throws Exception {
        Dataset city = CityGenerator.generate(8_000, 5);
        Delineation result = new Delineator(Bounds.DEFAULT).delineate(city);
        Map<String, String> gridOf = result.assignments().stream()
                .collect(Collectors.toMap(Assignment::buildingId, Assignment::gridCode, (a, b) -> a));
        // the largest grid, cut in two: its halves are kept to 100–500 households by the server's edit bounds
        Grid cut = result.grids().stream()
                .filter(g -> g.level() == GridLevel.GRID)
                .max(Comparator.comparingInt(Grid::households))
                .orElseThrow();
        Building addressed = city.buildings().stream()
                .filter(b -> b.address() != null
                        && b.address().full() != null
                        && cut.code().equals(gridOf.get(b.id())))
                .findFirst()
                .orElseThrow();
        Path out = Path.of("target/workbench").toAbsolutePath();
        Files.createDirectories(out);
        Path pdf = out.resolve("community.pdf");
        Files.deleteIfExists(pdf);
        try (GeoPackageGridStore store = GeoPackageGridStore.open(dir.resolve("city.gpkg"))) {
            store.replace(city, result, "generated city");
            store.putToken(new AccessToken("王规划", "planner", AccessToken.digest(TOKEN), Instant.now()));
            // the chief of a grid the cut leaves alone: the cut grid's own code is retired when neither half holds most
            // of it
            Grid untouched = result.grids().stream()
                    .filter(g -> g.level() == GridLevel.GRID
                            && g.communityCode().equals(cut.communityCode())
                            && !g.code().equals(cut.code()))
                    .findFirst()
                    .orElseThrow();
            store.replaceStaff(List.of(new StaffMember(untouched.code(), StaffMember.CHIEF, "王建国", "13800000001")));
            try (ApiServer server = new ApiServer(store, ChangesResourceTest.editing(new Bounds(100, 500))).start(0)) {
                String run = BrowserScript.run(
                        "test/workbench.mjs",
                        "http://127.0.0.1:" + server.port(),
                        TOKEN,
                        cut.communityCode(),
                        addressed.address().full(),
                        cut.code(),
                        pdf.toString(),
                        out.toString());
                String added = field(run, "added");
                assertTrue(
                        run.contains("found=" + cut.code())
                                && run.contains("effect=true")
                                && run.contains("chart=true")
                                && run.contains("rules=rules:_all_kept")
                                && !added.isEmpty()
                                && run.contains("undone=true")
                                && run.contains("redone=true")
                                && run.contains("committed=committed_as_version_2")
                                && run.contains("compared=compared_version_1_with_2")
                                && run.contains("printed=community-" + cut.communityCode() + ".pdf")
                                && run.contains("reverted=reverted_to_version_1_as_version_3")
                                && run.contains("errors=0"),
                        run);
                assertEquals(3, store.communityVersion(cut.communityCode()));
                String text = PdfReading.text(pdf);
                for (String code : added.split(",")) assertTrue(text.contains(code), code + " not in:\n" + text);
                assertTrue(text.contains(untouched.code()) && text.contains("王建国"), text);
                Process p = new ProcessBuilder(
                                "pdftoppm",
                                "-r",
                                "60",
                                "-png",
                                "-singlefile",
                                "-f",
                                "1",
                                "-l",
                                "1",
                                pdf.toString(),
                                out.resolve("planner-print").toString())
                        .redirectErrorStream(true)
                        .start();
                String said = new String(p.getInputStream().readAllBytes());
                assertEquals(0, p.waitFor(), said);
                assertTrue(Files.size(out.resolve("planner-print.png")) > 10_000);
                assertTrue(Files.size(out.resolve("planner-workbench.png")) > 20_000);
            }
        }
    }

    private static String field(String run, String name) {
        int at = run.indexOf(" " + name + "=");
        if (at < 0) return "";
        String rest = run.substring(at + name.length() + 2);
        return rest.substring(0, rest.indexOf(' ') < 0 ? rest.length() : rest.indexOf(' '));
    }
}
