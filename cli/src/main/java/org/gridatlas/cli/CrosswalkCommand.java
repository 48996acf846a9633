package org.gridatlas.cli;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.gridatlas.engine.departments.Crosswalk;
import org.gridatlas.engine.departments.CrosswalkResult;
import org.gridatlas.engine.departments.ResourceCount;
import org.gridatlas.engine.departments.ResourceJoin;
import org.gridatlas.engine.departments.ResourcesInGrids;
import org.gridatlas.engine.errors.InputException;
import org.gridatlas.engine.io.CrosswalkWriter;
import org.gridatlas.engine.io.DatasetReader;
import org.gridatlas.engine.io.DepartmentLayerReader;
import org.gridatlas.engine.io.InputCrs;
import org.gridatlas.engine.io.ResultReader;
import org.gridatlas.engine.lookup.PointInGridIndex;
import org.gridatlas.engine.model.Building;
import org.gridatlas.engine.model.Community;
import org.gridatlas.engine.model.Dataset;
import org.gridatlas.engine.model.DepartmentUnit;
import org.gridatlas.engine.model.Grid;
import org.gridatlas.engine.model.GridLevel;
import org.gridatlas.store.GeoPackageGridStore;
import org.gridatlas.store.GridStore;
import org.gridatlas.store.PostGisGridStore;
import org.gridatlas.store.StoredState;
import org.locationtech.jts.geom.Envelope;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "crosswalk",
        mixinStandardHelpOptions = true,
        description =
                "Compare another department's units (police beats, 城管 or 综治 grids) with the unified grids: shares of area and households, "
                        + "the unit each grid mostly belongs to, and conflicts; optionally join the department's resource points to the grids.")
final class CrosswalkCommand implements Callable<Integer> {
    @Option(
            names = "--grids",
            paramLabel = "DIR|FILE.gpkg",
            description = "a delineation's output (directory or .gpkg; give --input too), or a GridAtlas store (.gpkg)")
    Path grids;

    @Option(names = "--jdbc", paramLabel = "URL", description = "the grids of a PostGIS store instead of --grids")
    String jdbc;

    @Option(
            names = "--input",
            paramLabel = "DATASET",
            description =
                    "with a delineation's output: the dataset it was drawn from (its buildings give the households)")
    Path input;

    @Option(
            names = "--layer",
            required = true,
            paramLabel = "FILE",
            description =
                    "the department's units: .geojson, .shp, .gpkg or a format ogr2ogr reads; fields id, name, department")
    Path layer;

    @Option(
            names = "--resources",
            paramLabel = "FILE",
            description =
                    "the department's points: .geojson, .shp, .gpkg or .csv (lon, lat); fields id, type, name, department")
    Path resources;

    @Mixin
    LayerOptions read = new LayerOptions();

    @Option(
            names = "--output",
            required = true,
            paramLabel = "DIR",
            description = "directory for crosswalk.csv, main_units.csv, conflicts.csv, conflicts.geojson, report.json")
    Path output;

    @Override
    public Integer call() throws Exception {
        long t0 = System.nanoTime();
        InputCrs crs = read.crs();
        Charset charset = read.charset();
        List<DepartmentUnit> units = DepartmentLayerReader.units(layer, crs, charset);
        var points = resources == null ? null : DepartmentLayerReader.resources(resources, crs, charset);
        StoredState state = grids();
        long t1 = System.nanoTime();
        Envelope extent = new Envelope();
        state.grids().forEach(g -> extent.expandToInclude(g.geometry().getEnvelopeInternal()));
        Map<String, Building> buildings =
                state.buildings().stream().collect(Collectors.toMap(Building::id, Function.identity(), (a, b) -> a));
        CrosswalkResult result = new Crosswalk(units, extent).run(state.grids(), state.assignments(), buildings);
        ResourcesInGrids joined = null;
        List<ResourceCount> counts = null;
        if (points != null) {
            List<Grid> level = state.grids().stream()
                    .filter(g -> g.level() == GridLevel.GRID)
                    .toList();
            // one join: the exact locator, built in a fraction of the time the cell index takes
            joined = new ResourceJoin(new PointInGridIndex(level)).join(points);
            counts = joined.rollUp(
                    level.stream().collect(Collectors.toMap(Grid::code, Function.identity())),
                    state.communities().stream()
                            .collect(Collectors.toMap(Community::code, Function.identity(), (a, b) -> a)));
        }
        Map<String, Object> report = CrosswalkWriter.summary(result, joined);
        report.put("layer", layer.toString());
        report.put(
                "departments",
                units.stream()
                        .map(DepartmentUnit::department)
                        .distinct()
                        .sorted()
                        .toList());
        report.put("seconds", Math.round((System.nanoTime() - t1) / 1e6) / 1e3);
        CrosswalkWriter.write(output, result, joined, counts, report);
        System.out.printf(
                "%d units against %d grids: %d in one unit, %s conflicts %s%s; %.1f s (%.1f s reading)%n",
                result.units(),
                result.grids(),
                result.gridsInOneUnit(),
                result.conflicts().size(),
                report.get("conflicts"),
                joined == null
                        ? ""
                        : String.format(
                                "; %d resources in grids, %d outside",
                                report.get("resources_in_grids"),
                                joined.outside().size()),
                (System.nanoTime() - t0) / 1e9,
                (t1 - t0) / 1e9);
        return 0;
    }

    /** The grids with their buildings: from a store, or a delineation's output beside its dataset. */
    private StoredState grids() throws java.io.IOException {
        if ((grids == null) == (jdbc == null))
            throw new InputException(null, "give the grids as either --grids or --jdbc");
        if (jdbc != null || isStore(grids)) {
            try (GridStore store = jdbc != null ? PostGisGridStore.open(jdbc) : GeoPackageGridStore.open(grids)) {
                StoredState s = store.load();
                if (s.grids().isEmpty())
                    throw new InputException(
                            null, (jdbc != null ? jdbc : grids) + ": the store holds no grids (import some first)");
                return s;
            }
        }
        if (input == null)
            throw new InputException(
                    "grids",
                    grids
                            + " is a delineation's output: give --input, the dataset it was drawn from, for the households");
        ResultReader.Result r = ResultReader.read(grids);
        Dataset d = DatasetReader.read(input);
        return new StoredState(d.communities(), d.buildings(), List.of(), List.of(), r.grids(), r.assignments(), null);
    }

    /** A GridAtlas store rather than a delineation's output: it keeps its runs. */
    private static boolean isStore(Path p) {
        if (!DatasetReader.isGeoPackage(p) || !java.nio.file.Files.isRegularFile(p)) return false;
        mil.nga.geopackage.GeoPackage gp = mil.nga.geopackage.GeoPackageManager.open(p.toFile(), false);
        try {
            return gp.isTable("runs");
        } finally {
            gp.close();
        }
    }
}
