package org.gridatlas.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.gridatlas.engine.Delineator;
import org.gridatlas.engine.lookup.GridLocator;
import org.gridatlas.engine.lookup.PointInGridIndex;
import org.gridatlas.engine.lookup.address.AddressMatcher;
import org.gridatlas.engine.lookup.address.Gazetteer;
import org.gridatlas.engine.model.Assignment;
import org.gridatlas.engine.model.BuildingKey;
import org.gridatlas.engine.model.Dataset;
import org.gridatlas.engine.model.Delineation;
import org.gridatlas.engine.model.Grid;
import org.gridatlas.engine.partition.Bounds;
import org.gridatlas.engine.partition.RuralRule;
import org.gridatlas.fixtures.AppealWriter;
import org.gridatlas.fixtures.CityGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Free-text addresses on a generated city: appeals written the ways residents and operators write
 * them (buildings, landmarks, crossings, whole tickets, misspellings, and addresses that resemble
 * real ones but name nothing in the city), each sent to a grid or left without one; the share sent
 * to the right grid, to a wrong one, and without a grid, by way of writing; and addresses matched
 * per second on one thread. The last line: right grid of the appeals naming one place, wrong grid
 * of all appeals about the city, nowhere-addresses given no grid, addresses/s.
 */
@Command(
        name = "bench-address",
        mixinStandardHelpOptions = true,
        description = "Benchmark free-text address matching: right, wrong, unmatched, and speed.")
final class AddressBenchCommand implements Callable<Integer> {
    @Option(
            names = "--households",
            defaultValue = "1000000",
            description = "households of the generated city (default ${DEFAULT-VALUE})")
    int households;

    @Option(
            names = "--appeals",
            defaultValue = "20000",
            description = "appeal texts to match (default ${DEFAULT-VALUE})")
    int appeals;

    @Option(
            names = "--seed",
            defaultValue = "1",
            description = "seed of the city and of the appeals (default ${DEFAULT-VALUE})")
    long seed;

    @Option(
            names = "--exact-seconds",
            defaultValue = "10",
            description =
                    "the exact step's time per community with grids out of bounds; 0 for none (default ${DEFAULT-VALUE})")
    double exactSeconds;

    @Option(
            names = "--show",
            defaultValue = "0",
            description = "print this many wrong and unmatched appeals with their answers (default ${DEFAULT-VALUE})")
    int show;

    /** How one appeal ended: the grid it should reach (null when no single grid is right), and the grid it reached. */
    private record Outcome(String style, boolean aboutTheCity, String expected, String got) {}

    @Override
    public Integer call() {
        Dataset city = CityGenerator.generate(households, seed);
        Delineation result = new Delineator(
                        Bounds.DEFAULT, RuralRule.DEFAULT, null, Duration.ofMillis(Math.round(exactSeconds * 1000)))
                .delineate(city);
        Map<String, String> gridOf = new HashMap<>(), communityOf = new HashMap<>();
        Map<String, Grid> grids = new HashMap<>();
        Map<String, java.util.Set<String>> unitGrids = new HashMap<>();
        result.grids().forEach(g -> grids.put(g.code(), g));
        for (Assignment a : result.assignments()) {
            gridOf.put(a.buildingKey(), a.gridCode());
            BuildingKey key = a.key();
            communityOf.putIfAbsent(key.buildingId(), grids.get(a.gridCode()).communityCode());
            if (key.isUnit())
                unitGrids
                        .computeIfAbsent(key.buildingId(), k -> new java.util.HashSet<>())
                        .add(a.gridCode());
        }
        long heap = LookupBenchCommand.usedHeap(), t = System.nanoTime();
        AddressMatcher matcher = new AddressMatcher(new Gazetteer(
                city.communities(),
                city.buildings(),
                city.aliases(),
                result.grids(),
                result.assignments(),
                city.barriers(),
                city.landmarks()));
        PointInGridIndex places = new PointInGridIndex(result.grids());
        double built = (System.nanoTime() - t) / 1e9;
        System.out.printf(
                "city: %,d households, %,d grids, %,d buildings; gazetteer built in %.2f s, %d MB%n",
                city.households(),
                result.grids().size(),
                city.buildings().size(),
                built,
                (LookupBenchCommand.usedHeap() - heap) >> 20);
        List<AppealWriter.Appeal> texts = new AppealWriter(city, communityOf, seed).write(appeals);

        List<String> plain = texts.stream().map(AppealWriter.Appeal::text).toList();
        SteadyRate rate = SteadyRate.of(plain, matcher::match);
        SteadyRate baseline = SteadyRate.of(plain, DictionaryScan.of(city)::scan);
        Outcome[] outcomes = new Outcome[texts.size()];
        for (int i = 0; i < texts.size(); i++) {
            AppealWriter.Appeal a = texts.get(i);
            outcomes[i] = new Outcome(
                    a.style(),
                    !a.nowhere(),
                    expected(a, gridOf, unitGrids, places, grids),
                    matcher.match(a.text()).gridCode());
        }
        int shown = 0;
        for (int i = 0; i < texts.size() && shown < show; i++) {
            Outcome o = outcomes[i];
            if (o.got() == null ? o.expected() == null : o.got().equals(o.expected())) continue;
            System.out.printf(
                    "%s [%s] %s%n  expected %s (building %s), got %s: %s%n",
                    o.got() == null ? "UNMATCHED" : "WRONG",
                    o.style(),
                    texts.get(i).text(),
                    o.expected(),
                    texts.get(i).buildingId(),
                    o.got(),
                    matcher.match(texts.get(i).text()));
            shown++;
        }

        Map<String, int[]> byStyle = new TreeMap<>();
        int right = 0, wrong = 0, onePlace = 0, about = 0, falseHits = 0, elsewhere = 0, several = 0;
        for (Outcome o : outcomes) {
            int[] c = byStyle.computeIfAbsent(o.style(), k -> new int[3]);
            if (!o.aboutTheCity()) {
                elsewhere++;
                if (o.got() != null) {
                    falseHits++;
                    c[1]++;
                } else c[2]++;
                continue;
            }
            about++;
            if (o.expected() == null) several++;
            else onePlace++;
            if (o.got() == null) c[2]++;
            else if (o.got().equals(o.expected())) {
                right++;
                c[0]++;
            } else {
                wrong++;
                c[1]++;
            }
        }
        System.out.printf("%-44s %7s %7s %9s%n", "way of writing", "right", "wrong", "no grid");
        byStyle.forEach((style, c) -> {
            int n = c[0] + c[1] + c[2];
            System.out.printf(
                    "%-44s %6.1f%% %6.1f%% %8.1f%%   (%d)%n",
                    style, 100.0 * c[0] / n, 100.0 * c[1] / n, 100.0 * c[2] / n, n);
        });
        System.out.printf(
                "appeals about the city with no single right grid (a building divided by unit without the unit, a crossing without its corner, a shared or doubtful name; any grid given counts wrong): %d%n",
                several);
        System.out.printf(
                "baseline: dictionary scan (normalise, then the longest name at each character) %,.0f addresses per second of CPU time  1.00x%n",
                baseline.perCpuSecond());
        System.out.printf(
                "address: %.1f%% right grid of %,d naming one place, %.2f%% wrong grid of %,d about the city, %.1f%% of %,d nowhere-addresses given no grid (%d given one); %,.0f addresses/s on one thread (%,.0f per second of its CPU time, %.2fx the baseline)%n",
                100.0 * right / onePlace,
                onePlace,
                100.0 * wrong / about,
                about,
                100.0 * (elsewhere - falseHits) / elsewhere,
                elsewhere,
                falseHits,
                rate.perSecond(),
                rate.perCpuSecond(),
                rate.perCpuSecond() / baseline.perCpuSecond());
        return 0;
    }

    /**
     * The grid of the unit the appeal names, else of the building (null when its units lie in
     * several grids and no unit is named); for a landmark's outline, the grid holding nearly all of
     * it; for a point (a landmark, a crossing's corner), the grid at it when no other grid is within
     * its spread.
     */
    private static String expected(
            AppealWriter.Appeal a,
            Map<String, String> gridOf,
            Map<String, java.util.Set<String>> unitGrids,
            PointInGridIndex places,
            Map<String, Grid> grids) {
        if (a.place() instanceof org.locationtech.jts.geom.Polygonal) {
            for (Grid g : grids.values())
                if (g.level() == org.gridatlas.engine.model.GridLevel.GRID
                        && g.geometry()
                                .getEnvelopeInternal()
                                .intersects(a.place().getEnvelopeInternal())
                        && g.geometry().intersection(a.place()).getArea()
                                >= 0.98 * a.place().getArea()) return g.code();
            return null;
        }
        if (a.place() != null) {
            org.locationtech.jts.geom.Coordinate at = a.place().getCoordinate();
            GridLocator.Lookup l = places.lookup(at.x, at.y, a.spread());
            return l.grid() == null || l.onBoundary() || !l.nearby().isEmpty()
                    ? null
                    : l.grid().code();
        }
        if (a.buildingId() == null) return null;
        String whole = gridOf.get(a.buildingId());
        if (whole != null) return whole;
        if (a.unit() != null)
            return gridOf.get(BuildingKey.unit(a.buildingId(), a.unit()).toString());
        java.util.Set<String> units = unitGrids.getOrDefault(a.buildingId(), java.util.Set.of());
        return units.size() == 1 ? units.iterator().next() : null;
    }
}
