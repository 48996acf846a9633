package org.gridatlas.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.gridatlas.engine.Delineator;
import org.gridatlas.engine.departments.ConflictKind;
import org.gridatlas.engine.departments.Crosswalk;
import org.gridatlas.engine.departments.CrosswalkResult;
import org.gridatlas.engine.departments.ResourceJoin;
import org.gridatlas.engine.departments.ResourcesInGrids;
import org.gridatlas.engine.geom.LocalProjection;
import org.gridatlas.engine.lookup.CellGridIndex;
import org.gridatlas.engine.lookup.PointInGridIndex;
import org.gridatlas.engine.model.Building;
import org.gridatlas.engine.model.Dataset;
import org.gridatlas.engine.model.Delineation;
import org.gridatlas.engine.model.DepartmentResource;
import org.gridatlas.engine.model.DepartmentUnit;
import org.gridatlas.engine.model.Grid;
import org.gridatlas.engine.model.GridLevel;
import org.gridatlas.engine.partition.Bounds;
import org.gridatlas.fixtures.CityGenerator;
import org.gridatlas.fixtures.DepartmentLayers;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Other departments' networks at a district's scale: a department layer of units that know nothing
 * of the grids crosswalked against a 1M-household city's grids, and resource points joined to them.
 * Each beside a baseline in the same run: for the crosswalk, the plain way (every grid overlaid with
 * every unit its envelope meets, one thread, areas only); for the join, the exact STR-tree locator
 * on one thread.
 */
@Command(
        name = "bench-departments",
        mixinStandardHelpOptions = true,
        description =
                "Benchmark: crosswalk a department layer against a generated city's grids, and join resource points to the grids.")
final class DepartmentsBenchCommand implements Callable<Integer> {
    @Option(names = "--households", defaultValue = "1000000", description = "city size (default ${DEFAULT-VALUE})")
    int households;

    @Option(names = "--units", defaultValue = "3000", description = "department units (default ${DEFAULT-VALUE})")
    int units;

    @Option(names = "--points", defaultValue = "1000000", description = "resource points (default ${DEFAULT-VALUE})")
    int points;

    @Option(
            names = "--runs",
            defaultValue = "3",
            description = "runs of each; the best counts (default ${DEFAULT-VALUE})")
    int runs;

    @Override
    public Integer call() {
        Dataset city = CityGenerator.generate(households, 1);
        Delineation result = new Delineator(Bounds.DEFAULT).delineate(city);
        List<Grid> grids =
                result.grids().stream().filter(g -> g.level() == GridLevel.GRID).toList();
        Envelope extent = new Envelope();
        grids.forEach(g -> extent.expandToInclude(g.geometry().getEnvelopeInternal()));
        List<DepartmentUnit> layer = DepartmentLayers.voronoi(extent, units, 3);
        List<DepartmentResource> resources = DepartmentLayers.resources(extent, points, 4);
        Map<String, Building> buildings =
                city.buildings().stream().collect(Collectors.toMap(Building::id, Function.identity()));
        System.out.printf(
                "city: %,d households, %,d grids, %,d buildings; %,d department units; %,d resource points%n",
                city.households(), grids.size(), city.buildings().size(), layer.size(), resources.size());

        double baseline = best(() -> plainAreas(grids, layer));
        CrosswalkResult[] crosswalk = new CrosswalkResult[1];
        double ours =
                best(() -> crosswalk[0] = new Crosswalk(layer, extent).run(grids, result.assignments(), buildings));
        CrosswalkResult c = crosswalk[0];
        System.out.printf("crosswalk baseline (plain overlay, areas only, 1 thread) %6.2f s  1.00x%n", baseline);
        System.out.printf(
                "crosswalk (areas, households, conflicts)                 %6.2f s  %.2fx baseline  (target under 5 s)%n",
                ours, ours / baseline);
        System.out.printf(
                "  %,d rows, %,d grids in one unit, conflicts: %s%n",
                c.rows().size(),
                c.gridsInOneUnit(),
                java.util.Arrays.stream(ConflictKind.values())
                        .map(k -> k.wireName + " " + c.count(k))
                        .collect(Collectors.joining(", ")));

        PointInGridIndex exact = new PointInGridIndex(grids);
        double exactJoin = best(() -> {
            int inside = 0;
            for (DepartmentResource r : resources)
                if (exact.locate(r.point().getX(), r.point().getY()) != null) inside++;
            return inside;
        });
        double exactAll = best(() -> new ResourceJoin(exact).join(resources));
        long t = System.nanoTime();
        CellGridIndex cells = new CellGridIndex(grids).ready();
        double build = (System.nanoTime() - t) / 1e9;
        ResourcesInGrids[] joined = new ResourcesInGrids[1];
        double join = best(() -> joined[0] = new ResourceJoin(cells).join(resources));
        System.out.printf("join baseline (STR-tree locator, 1 thread)               %6.2f s  1.00x%n", exactJoin);
        System.out.printf(
                "join, STR-tree locator on all cores (the command line)   %6.2f s  %.2fx baseline  (target under 3 s)%n",
                exactAll, exactAll / exactJoin);
        System.out.printf(
                "join, cell index on all cores (the server's, built once)  %6.2f s  %.2fx baseline  (index built in %.2f s)%n",
                join, join / exactJoin, build);
        System.out.printf(
                "  %,d in %,d grids, %,d outside%n",
                resources.size() - joined[0].outside().size(),
                joined[0].byGrid().size(),
                joined[0].outside().size());
        return 0;
    }

    /** The plain crosswalk: every grid against every unit whose envelope it meets, overlaid (JTS's robust overlay: the classic one throws on these), one thread. */
    private static double plainAreas(List<Grid> grids, List<DepartmentUnit> layer) {
        Envelope extent = new Envelope();
        grids.forEach(g -> extent.expandToInclude(g.geometry().getEnvelopeInternal()));
        LocalProjection p = LocalProjection.around(extent);
        STRtree tree = new STRtree();
        for (DepartmentUnit u : layer) {
            Geometry m = p.toValidMetres(u.geometry());
            tree.insert(m.getEnvelopeInternal(), m);
        }
        double total = 0;
        for (Grid g : grids) {
            Geometry gm = p.toValidMetres(g.geometry());
            for (Object o : tree.query(gm.getEnvelopeInternal()))
                total += OverlayNGRobust.overlay(gm, (Geometry) o, OverlayNG.INTERSECTION)
                        .getArea();
        }
        return total;
    }

    /** The best of the runs, in seconds (a full collection before each). */
    private double best(java.util.function.Supplier<?> work) {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < runs; i++) {
            System.gc();
            long t = System.nanoTime();
            work.get();
            best = Math.min(best, (System.nanoTime() - t) / 1e9);
        }
        return best;
    }
}
