package org.gridatlas.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.gridatlas.engine.errors.InputException;
import org.gridatlas.engine.io.InputCrs;
import org.gridatlas.engine.io.ResultWriter;
import org.gridatlas.engine.model.Dataset;
import org.gridatlas.engine.model.Delineation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "delineate",
        mixinStandardHelpOptions = true,
        description = "Split every community of a dataset into grids (DATA.md), verify them and write the result.")
final class DelineateCommand implements Callable<Integer> {
    @Mixin
    InputOptions input = new InputOptions();

    @Option(names = "--output", required = true, description = "result directory or .gpkg")
    Path output;

    @Option(
            names = "--format",
            paramLabel = "geojson|shapefile",
            description =
                    "how a result directory holds the grids: grids.geojson (default) or grids.shp with .dbf, .prj, .cpg")
    ResultWriter.GridFormat format = ResultWriter.GridFormat.GEOJSON;

    @Option(
            names = "--output-crs",
            paramLabel = "EPSG:n",
            description =
                    "write a .gpkg or Shapefile output's grids in this system (e.g. EPSG:4549); GeoJSON output is lon/lat")
    String outputCrs;

    @Mixin
    PlanOptions plan = new PlanOptions();

    @Override
    public Integer call() throws Exception {
        long t0 = System.nanoTime();
        InputCrs crs;
        try {
            crs = outputCrs == null ? null : InputCrs.of(outputCrs, null);
        } catch (InputException e) {
            throw new InputException("output-crs", e.reason(), e);
        }
        ResultWriter.check(output, crs, format);
        Dataset dataset = input.read();
        Progress progress = new Progress();
        Delineation result = plan.delineator().delineate(dataset, progress);
        progress.finish();
        ResultWriter.write(result, output, crs, format);
        var r = result.report();
        if (r.microGrids() > 0) System.out.printf("%d micro grids%n", r.microGrids());
        String inBounds = r.urbanGrids() == 0
                ? "no urban grids"
                : String.format(
                        java.util.Locale.ROOT,
                        "%.1f%% of urban grids within %d-%d",
                        100 * r.shareInBounds(),
                        plan.min,
                        plan.max);
        System.out.printf(
                "%d grids for %d communities (%d households): %s, %d flagged, "
                        + "barrier alignment %.3f, Polsby-Popper %.3f, %.1f s; verification %s%n",
                r.grids(),
                r.communities(),
                r.households(),
                inBounds,
                r.flaggedGrids(),
                r.barrierAlignment(),
                r.meanPolsbyPopper(),
                (System.nanoTime() - t0) / 1e9,
                result.verified() ? "PASS" : "FAIL " + r.verification());
        return result.verified() ? 0 : 1;
    }
}
