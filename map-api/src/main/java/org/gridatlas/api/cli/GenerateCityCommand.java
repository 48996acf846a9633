package org.gridatlas.api.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "generate-city", mixinStandardHelpOptions = true, description = "Generate a synthetic city district dataset.")
final class GenerateCityCommand implements Callable<Integer> {
    @Override
    public Integer call() { return 1; }
}
