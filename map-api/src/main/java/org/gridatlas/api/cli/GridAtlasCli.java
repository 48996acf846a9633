package org.gridatlas.api.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code gridatlas} command: one subcommand per job. */
@Command(name = "gridatlas", mixinStandardHelpOptions = true, version = "gridatlas 0.1",
        description = "Grid delineation and mapping for grid-based community governance.",
        subcommands = {DelineateCommand.class, GenerateCityCommand.class, BenchCommand.class, ImportCommand.class,
                ServeCommand.class, DemoCommand.class, LookupBenchCommand.class, ImportStaffCommand.class,
                SeedCommand.class, TileBenchCommand.class})
public final class GridAtlasCli {
    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        CommandLine cl = new CommandLine(new GridAtlasCli());
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("gridatlas: " + e.getMessage());
            if (System.getenv("GRIDATLAS_DEBUG") != null) e.printStackTrace(cmd.getErr());
            return 2;
        });
        return cl.execute(args);
    }
}
