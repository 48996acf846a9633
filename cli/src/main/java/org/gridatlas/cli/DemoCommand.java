package org.gridatlas.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.gridatlas.api.serving.ReportHistory;
import org.gridatlas.engine.Delineator;
import org.gridatlas.engine.io.DatasetReader;
import org.gridatlas.engine.io.PackedDataset;
import org.gridatlas.engine.model.Assignment;
import org.gridatlas.engine.model.Building;
import org.gridatlas.engine.model.Community;
import org.gridatlas.engine.model.Dataset;
import org.gridatlas.engine.model.Delineation;
import org.gridatlas.engine.partition.MicroGridPlanner;
import org.gridatlas.fixtures.DemoDistrict;
import org.gridatlas.fixtures.DepartmentLayers;
import org.gridatlas.store.GeoPackageGridStore;
import org.gridatlas.store.GridStore;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = "Serve the generated district (or the dataset --input names) from a temporary GeoPackage, "
                + "with staff, a police department's layer, a planner token, a week of reports and a simulated "
                + "stream of new ones: every feature has something to show.")
final class DemoCommand implements Callable<Integer> {
    @Mixin
    ServerOptions server = new ServerOptions();

    @Option(
            names = "--input",
            description = "a dataset to serve instead of the generated district: a directory, .gpkg or any file the "
                    + "importer reads (e.g. ../shared/data/monaco)")
    Path input;

    @Override
    public Integer call() throws Exception {
        Path file = Files.createTempDirectory("gridatlas-demo-").resolve("demo.gpkg");
        Dataset d = DatasetReader.read(input == null ? PackedDataset.unpack(DemoCommand.class, "district") : input);
        String source = input == null
                ? "the generated district (" + DemoDistrict.HOUSEHOLDS + " households, seed " + DemoDistrict.SEED + ")"
                : input.toString();
        Delineation r =
                new Delineator(server.plan.bounds(), server.plan.ruralRule(), MicroGridPlanner.DEFAULT).delineate(d);
        GridStore store = GeoPackageGridStore.open(file);
        store.replace(d, r, "demo: " + source);
        store.replaceStaff(DemoStaff.of(r.grids(), DemoDistrict.SEED));
        store.replaceUnits("police_beats", DepartmentLayers.policeBeats(d), "demo: drawn from the major roads");
        Envelope extent = new Envelope();
        for (Community c : d.communities()) extent.expandToInclude(c.geometry().getEnvelopeInternal());
        store.replaceResources(
                "cameras", DepartmentLayers.resources(extent, 2_000, DemoDistrict.SEED), "demo: made up");
        int week = ReportHistory.week(store, places(d, r), Instant.now(), DemoDistrict.SEED);
        String token = TokenCommand.issue(store, "demo planner", "planner");
        System.out.printf(
                "demo: %s, %d grids and %d micro grids for %d communities, a week of %d reports, in %s%n",
                source,
                r.report().grids(),
                r.report().microGrids(),
                d.communities().size(),
                week,
                file);
        server.simulateReports = true;
        ServeCommand.serve(store, server, port -> {
            String base = "http://localhost:" + port;
            System.out.printf(
                    "%n  big screen      %s/%n  planner page    %s/planner.html?token=%s%n"
                            + "                  (a planner's token for this demo, shown only now)%n"
                            + "  API             %s/api/v1/grids   %s/api/v1/lookup?address=...%n"
                            + "  OpenAPI         %s/api/v1/openapi.json%n%n",
                    base, base, token, base, base, base);
        });
        return 0;
    }

    /** Where the week's reports come from: every assigned building's inside point, with its grid. */
    private static List<ReportHistory.Place> places(Dataset d, Delineation r) {
        Map<String, Building> byId = new HashMap<>();
        for (Building b : d.buildings()) byId.put(b.id(), b);
        List<ReportHistory.Place> out = new ArrayList<>();
        for (Assignment a : r.assignments()) {
            Building b = byId.get(a.buildingId());
            if (b == null) continue;
            Point p = b.geometry().getInteriorPoint();
            out.add(new ReportHistory.Place(p.getX(), p.getY(), a.gridCode()));
        }
        return out;
    }
}
