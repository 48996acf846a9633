package org.gridatlas.bench;

import java.nio.file.Path;
import org.gridatlas.cli.GridAtlasCli;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code gridatlas-bench} command: the benchmarks and the city generator, outside the product
 * jar, with the same options, configuration and exit codes as {@code gridatlas}.
 */
@Command(
        name = "gridatlas-bench",
        mixinStandardHelpOptions = true,
        version = "gridatlas-bench 0.1",
        description = "Benchmarks of GridAtlas on generated cities, and the generator itself.",
        subcommands = {
            GenerateCityCommand.class,
            BenchCommand.class,
            LookupBenchCommand.class,
            TileBenchCommand.class,
            AddressBenchCommand.class,
            ScreenBenchCommand.class,
            DepartmentsBenchCommand.class
        })
public final class GridAtlasBench {
    @Option(
            names = "--config",
            paramLabel = "FILE",
            scope = CommandLine.ScopeType.INHERIT,
            description = "configuration file (Java properties: option=value); also GRIDATLAS_CONFIG")
    Path config;

    public static void main(String[] args) {
        System.exit(GridAtlasCli.run(new GridAtlasBench(), System.getenv(), args));
    }
}
