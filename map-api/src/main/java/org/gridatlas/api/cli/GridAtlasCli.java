package org.gridatlas.api.cli;

import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code gridatlas} command: one subcommand per job. */
@Command(name = "gridatlas", mixinStandardHelpOptions = true, version = "gridatlas 0.1",
        description = "Grid delineation and mapping for grid-based community governance.",
        subcommands = {DelineateCommand.class, GenerateCityCommand.class, BenchCommand.class, ImportCommand.class,
                ServeCommand.class, DemoCommand.class, LookupBenchCommand.class, ImportStaffCommand.class,
                SeedCommand.class, TileBenchCommand.class, PublishCommand.class, TokenCommand.class})
public final class GridAtlasCli {
    public static void main(String[] args) {
        System.exit(run(args));
    }

    @Option(names = "--config", paramLabel = "FILE", scope = CommandLine.ScopeType.INHERIT,
            description = "configuration file (Java properties: option=value, e.g. port=7070); also GRIDATLAS_CONFIG")
    Path config;

    public static int run(String... args) {
        return run(System.getenv(), args);
    }

    /** Runs with this environment (tests pass their own): options come from the command line, then GRIDATLAS_* variables, then the file. */
    static int run(Map<String, String> env, String... args) {
        CommandLine cl = new CommandLine(new GridAtlasCli());
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("gridatlas: " + e.getMessage());
            if (env.get("GRIDATLAS_DEBUG") != null) e.printStackTrace(cmd.getErr());
            return 2;
        });
        try {
            cl.setDefaultValueProvider(ConfigDefaults.load(args, env, cl));
        } catch (IllegalArgumentException e) {
            cl.getErr().println("gridatlas: " + e.getMessage());
            return 2;
        }
        return cl.execute(args);
    }
}
