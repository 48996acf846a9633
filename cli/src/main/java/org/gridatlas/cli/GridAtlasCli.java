package org.gridatlas.cli;

import java.nio.file.Path;
import java.util.Map;
import org.gridatlas.engine.errors.InputException;
import org.gridatlas.engine.errors.PlanningFailure;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code gridatlas} command: one subcommand per job. */
@Command(
        name = "gridatlas",
        mixinStandardHelpOptions = true,
        version = "gridatlas 0.1",
        description = "Grid delineation and mapping for grid-based community governance.",
        subcommands = {
            DelineateCommand.class,
            ImportCommand.class,
            ServeCommand.class,
            DemoCommand.class,
            ImportStaffCommand.class,
            SeedCommand.class,
            PublishCommand.class,
            TokenCommand.class,
            CrosswalkCommand.class,
            ImportLayerCommand.class,
            PrintCommand.class
        })
public final class GridAtlasCli {
    public static void main(String[] args) {
        System.exit(run(args));
    }

    @Option(
            names = "--config",
            paramLabel = "FILE",
            scope = CommandLine.ScopeType.INHERIT,
            description = "configuration file (Java properties: option=value, e.g. port=7070); also GRIDATLAS_CONFIG")
    Path config;

    @Option(
            names = "--log-format",
            paramLabel = "text|json",
            scope = CommandLine.ScopeType.INHERIT,
            description = "logs as one readable line each (text: the default on an interactive terminal) or as JSON "
                    + "lines (json: the default otherwise, for log shippers)")
    LogFormat logFormat;

    /** Exit codes: 0 done (verification passed), 1 a rule broken (reported), 2 bad input (named), 3 internal error. */
    static final int BAD_INPUT = 2, INTERNAL = 3;

    /**
     * Bad input only when the input is at fault: the user's files and options, including a store or
     * GeoServer that refuses what the options give it (URL, credentials); every other failure is ours.
     */
    static int exitCode(Exception e) {
        if (e instanceof InputException
                || e instanceof java.nio.file.NoSuchFileException
                || e instanceof org.gridatlas.store.StoreException
                || e instanceof org.gridatlas.api.geoserver.GeoServerException) {
            return BAD_INPUT;
        }
        return INTERNAL;
    }

    /** Bad input as the command line names it: a field that is one of the command's options is named as that option. */
    static String worded(InputException e, CommandLine.Model.CommandSpec command) {
        if (e.field() == null) return e.reason();
        CommandLine.Model.OptionSpec option = command.findOption(e.field());
        return (option == null ? e.field() : option.longestName()) + ": " + e.reason();
    }

    public static int run(String... args) {
        return run(System.getenv(), args);
    }

    static int run(Map<String, String> env, String... args) {
        return run(new GridAtlasCli(), env, args);
    }

    /**
     * Runs a top command (this one, or the benchmarks') with this environment (tests pass their own):
     * options come from the command line, then GRIDATLAS_* variables, then the file; failures end in
     * the exit codes above.
     */
    public static int run(Object top, Map<String, String> env, String... args) {
        CommandLine cl = new CommandLine(top).setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            int exit = exitCode(e);
            cmd.getErr()
                    .println("gridatlas: "
                            + (e instanceof InputException input
                                    ? worded(input, cmd.getCommandSpec())
                                    : exit == BAD_INPUT || e instanceof PlanningFailure
                                            ? e.getMessage()
                                            : "internal error (this is a bug, or the machine failed: please report it): "
                                                    + e));
            if (env.get("GRIDATLAS_DEBUG") != null) e.printStackTrace(cmd.getErr());
            return exit;
        });
        try {
            cl.setDefaultValueProvider(ConfigDefaults.load(args, env, cl));
        } catch (InputException e) {
            cl.getErr().println("gridatlas: " + e.getMessage());
            return BAD_INPUT;
        }
        cl.setExecutionStrategy(parsed -> {
            CommandLine.Model.OptionSpec format = cl.getCommandSpec().findOption("--log-format");
            LogFormat.of(format == null ? null : format.getValue(), System.console() != null)
                    .apply();
            return new CommandLine.RunLast().execute(parsed);
        });
        return cl.execute(args);
    }
}
