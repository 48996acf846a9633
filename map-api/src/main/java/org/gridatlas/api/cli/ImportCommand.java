package org.gridatlas.api.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.gridatlas.api.store.GridStore;
import org.gridatlas.engine.io.DatasetReader;
import org.gridatlas.engine.model.Dataset;
import org.gridatlas.engine.model.Delineation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Read a dataset, delineate it and store both (replacing what the store held, in one transaction).")
final class ImportCommand implements Callable<Integer> {
    @Option(names = "--input", required = true, description = "dataset directory or .gpkg")
    Path input;

    @Mixin
    StoreOptions store = new StoreOptions();

    @Mixin
    PlanOptions plan = new PlanOptions();

    @Override
    public Integer call() throws Exception {
        Dataset d = DatasetReader.read(input);
        Delineation r = plan.delineator().delineate(d);
        try (GridStore s = store.open()) {
            long run = s.replace(d, r, input.toString());
            System.out.printf("run %d: %d communities, %d buildings, %d grids stored%n", run, d.communities().size(), d.buildings().size(), r.grids().size());
        }
        return 0;
    }
}
