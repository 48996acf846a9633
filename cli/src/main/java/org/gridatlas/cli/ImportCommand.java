package org.gridatlas.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.gridatlas.api.geoserver.GeoServerClient;
import org.gridatlas.api.geoserver.GeoServerPublisher;
import org.gridatlas.api.geoserver.PublishedLayer;
import org.gridatlas.engine.model.Dataset;
import org.gridatlas.engine.model.Delineation;
import org.gridatlas.store.GridStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description =
                "Read a dataset, delineate it and store both (replacing what the store held, in one transaction).")
final class ImportCommand implements Callable<Integer> {
    @Mixin
    InputOptions input = new InputOptions();

    @Mixin
    StoreOptions store = new StoreOptions();

    @Mixin
    PlanOptions plan = new PlanOptions();

    @Mixin
    GeoServerOptions geoServer = new GeoServerOptions();

    @Override
    public Integer call() throws Exception {
        Dataset d = input.read();
        Delineation r = plan.delineator().delineate(d);
        if (!r.verified()) {
            // a result that breaks DATA.md's rules is not stored: the store keeps what it had
            System.err.println("gridatlas: verification failed, nothing stored: "
                    + r.report().verification());
            return 1;
        }
        try (GridStore s = store.open()) {
            long run = s.replace(d, r, input.input.toString());
            System.out.printf(
                    "run %d: %d communities, %d buildings, %d grids stored%n",
                    run, d.communities().size(), d.buildings().size(), r.grids().size());
        }
        if (geoServer.target() != null) {
            // the redraw changed every published layer: GeoWebCache must not serve the old tiles
            new GeoServerPublisher(new GeoServerClient(geoServer.target())).truncate(List.of(PublishedLayer.values()));
            System.out.println(
                    "GeoWebCache tiles truncated at " + geoServer.target().url());
        }
        return 0;
    }
}
