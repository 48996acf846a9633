package org.gridatlas.bench;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.gridatlas.engine.io.DatasetWriter;
import org.gridatlas.engine.model.Dataset;
import org.gridatlas.fixtures.CityGenerator;
import org.gridatlas.fixtures.DatasetPreview;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "generate-city",
        mixinStandardHelpOptions = true,
        description = "Generate a synthetic city district (DATA.md layout), deterministic for a seed.")
final class GenerateCityCommand implements Callable<Integer> {
    @Option(names = "--households", required = true, description = "about how many households (10k to 5M)")
    int households;

    @Option(names = "--seed", defaultValue = "1", description = "random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--output", required = true, description = "dataset directory or .gpkg to write")
    Path output;

    @Option(names = "--preview", description = "also write a PNG preview here")
    Path preview;

    @Override
    public Integer call() throws Exception {
        long t0 = System.nanoTime();
        Dataset d = CityGenerator.generate(households, seed);
        DatasetWriter.write(d, output);
        if (preview != null) DatasetPreview.write(d, preview, 2000);
        long villages = d.communities().stream()
                .filter(c -> c.kind() == org.gridatlas.engine.model.CommunityKind.RURAL)
                .count();
        System.out.printf(
                "%d households in %d communities (%d rural villages), %d buildings, %d campuses, %d hamlets, %d barrier lines: %.1f s%n",
                d.households(),
                d.communities().size(),
                villages,
                d.buildings().size(),
                d.campuses().size(),
                d.hamlets().size(),
                d.barriers().size(),
                (System.nanoTime() - t0) / 1e9);
        return 0;
    }
}
