package org.gridatlas.cli;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.gridatlas.api.serving.GridMaps;
import org.gridatlas.api.serving.NotFound;
import org.gridatlas.api.serving.ServingState;
import org.gridatlas.engine.errors.InputException;
import org.gridatlas.store.GridStore;
import org.gridatlas.tiles.print.MapSheet;
import org.gridatlas.tiles.print.Paper;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "print",
        mixinStandardHelpOptions = true,
        description = "Grid maps to print and post (网格公示图) as one PDF, a page per grid: grids by code, or a street's.")
final class PrintCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store = new StoreOptions();

    @Mixin
    ReportUrlOption reportUrl = new ReportUrlOption();

    @ArgGroup(multiplicity = "1")
    Which which;

    static final class Which {
        @Option(names = "--grids", split = ",", paramLabel = "CODES", description = "grid codes, comma-separated")
        List<String> grids;

        @Option(names = "--street", paramLabel = "CODE", description = "every grid of the street")
        String street;
    }

    @Option(names = "--size", defaultValue = "A4", description = "A4 or A3 (default ${DEFAULT-VALUE})")
    String size;

    @Option(
            names = "--orientation",
            defaultValue = "portrait",
            description = "portrait or landscape (default ${DEFAULT-VALUE})")
    String orientation;

    @Option(names = "--output", required = true, paramLabel = "FILE.pdf")
    Path output;

    @Override
    public Integer call() throws Exception {
        Paper paper = Paper.parse(size, orientation);
        long t = System.nanoTime();
        try (GridStore s = store.open()) {
            ServingState state = new ServingState(s.load(), s.staff(), s.zones());
            long loaded = System.nanoTime();
            GridMaps maps = new GridMaps(s, reportUrl.template(), Clock.systemDefaultZone());
            List<MapSheet> sheets;
            try {
                sheets = which.street != null ? maps.street(state, which.street) : maps.grids(state, which.grids);
            } catch (NotFound e) {
                throw new InputException(null, e.getMessage() + " in the store");
            }
            // written beside and moved into place: a failure leaves no half-written file
            Path tmp = Files.createTempFile(output.toAbsolutePath().getParent(), ".print", ".pdf");
            try {
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    maps.write(sheets, paper, out);
                }
                Files.move(tmp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
            System.out.printf(
                    "%d pages written to %s: store read in %.2f s, pages composed in %.2f s%n",
                    sheets.size(), output, (loaded - t) / 1e9, (System.nanoTime() - loaded) / 1e9);
        }
        return 0;
    }
}
