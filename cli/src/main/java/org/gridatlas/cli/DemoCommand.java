package org.gridatlas.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.gridatlas.engine.Delineator;
import org.gridatlas.engine.errors.InputException;
import org.gridatlas.engine.io.DatasetReader;
import org.gridatlas.engine.model.Dataset;
import org.gridatlas.engine.model.Delineation;
import org.gridatlas.engine.partition.MicroGridPlanner;
import org.gridatlas.store.GeoPackageGridStore;
import org.gridatlas.store.GridStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = "Import a dataset into a temporary GeoPackage, delineate it and serve it.")
final class DemoCommand implements Callable<Integer> {
    @Mixin
    ServerOptions server = new ServerOptions();

    @Option(
            names = "--input",
            description =
                    "the dataset to serve: a directory, .gpkg or any file the importer reads (e.g. ../shared/data/monaco)")
    Path input;

    @Override
    public Integer call() throws Exception {
        if (input == null) throw new InputException("input", "demo needs the dataset to serve, a directory");
        Path file = Files.createTempDirectory("gridatlas-demo-").resolve("demo.gpkg");
        Dataset d = DatasetReader.read(input);
        Delineation r =
                new Delineator(server.plan.bounds(), server.plan.ruralRule(), MicroGridPlanner.DEFAULT).delineate(d);
        GridStore store = GeoPackageGridStore.open(file);
        store.replace(d, r, "demo: " + input.getFileName());
        System.out.printf(
                "demo store %s: %d grids and %d micro grids for %d communities%n",
                file,
                r.report().grids(),
                r.report().microGrids(),
                d.communities().size());
        ServeCommand.serve(store, server);
        return 0;
    }
}
