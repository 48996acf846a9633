package org.gridatlas.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.gridatlas.engine.Delineator;
import org.gridatlas.engine.lookup.address.AddressMatch;
import org.gridatlas.engine.lookup.address.AddressMatcher;
import org.gridatlas.engine.lookup.address.Gazetteer;
import org.gridatlas.engine.model.Assignment;
import org.gridatlas.engine.model.BuildingKey;
import org.gridatlas.engine.model.Dataset;
import org.gridatlas.engine.model.Delineation;
import org.gridatlas.engine.model.Grid;
import org.gridatlas.engine.partition.Bounds;
import org.gridatlas.fixtures.AppealWriter;
import org.gridatlas.fixtures.CityGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Free-text addresses on a generated city: appeals written the ways residents and operators write
 * them, each sent to a grid or left unmatched; the share sent to the right grid, to a wrong one,
 * and unmatched, by way of writing; and addresses matched per second on one thread.
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
            names = "--show",
            defaultValue = "0",
            description = "print this many wrong and unmatched appeals with their answers (default ${DEFAULT-VALUE})")
    int show;

    /** How one appeal ended: the grid it should reach, and the grid it reached. */
    private record Outcome(String style, boolean aboutTheCity, String expected, String got) {}

    @Override
    public Integer call() {
        Dataset city = CityGenerator.generate(households, seed);
        Delineation result = new Delineator(Bounds.DEFAULT).delineate(city);
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
                city.communities(), city.buildings(), city.aliases(), result.grids(), result.assignments()));
        double built = (System.nanoTime() - t) / 1e9;
        System.out.printf(
                "city: %,d households, %,d grids, %,d buildings; gazetteer built in %.2f s, %d MB%n",
                city.households(),
                result.grids().size(),
                city.buildings().size(),
                built,
                (LookupBenchCommand.usedHeap() - heap) >> 20);
        List<AppealWriter.Appeal> texts = new AppealWriter(city, communityOf, seed).write(appeals);

        for (AppealWriter.Appeal a : texts.subList(0, Math.min(texts.size(), 5000))) matcher.match(a.text()); // warm-up
        Outcome[] outcomes = new Outcome[texts.size()];
        t = System.nanoTime();
        for (int i = 0; i < texts.size(); i++) {
            AppealWriter.Appeal a = texts.get(i);
            AddressMatch m = matcher.match(a.text());
            outcomes[i] = new Outcome(a.style(), a.buildingId() != null, expected(a, gridOf, unitGrids), m.gridCode());
        }
        double perSecond = texts.size() / ((System.nanoTime() - t) / 1e9);
        int shown = 0;
        for (int i = 0; i < texts.size() && shown < show; i++) {
            Outcome o = outcomes[i];
            if (o.got() != null && o.got().equals(o.expected()) || !o.aboutTheCity() && o.got() == null) continue;
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
        int right = 0, wrong = 0, unmatched = 0, about = 0, falseHits = 0, elsewhere = 0, divided = 0;
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
            if (o.expected() == null) divided++;
            if (o.got() == null) {
                unmatched++;
                c[2]++;
            } else if (o.got().equals(o.expected())) {
                right++;
                c[0]++;
            } else {
                wrong++;
                c[1]++;
            }
        }
        System.out.printf("%-34s %7s %7s %9s%n", "way of writing", "right", "wrong", "unmatched");
        byStyle.forEach((style, c) -> {
            int n = c[0] + c[1] + c[2];
            System.out.printf(
                    "%-34s %6.1f%% %6.1f%% %8.1f%%   (%d)%n",
                    style, 100.0 * c[0] / n, 100.0 * c[1] / n, 100.0 * c[2] / n, n);
        });
        System.out.printf("addresses not in the city: %d of %d left unmatched%n", elsewhere - falseHits, elsewhere);
        System.out.printf(
                "appeals naming a building divided between grids by unit without the unit (no single right grid; counted unmatched when answered with candidates): %d%n",
                divided);
        System.out.printf(
                "address: %.1f%% right grid, %.1f%% wrong grid, %.1f%% unmatched of %,d appeals about the city; %,.0f addresses/s on one thread%n",
                100.0 * right / about, 100.0 * wrong / about, 100.0 * unmatched / about, about, perSecond);
        return 0;
    }

    /** The grid of the unit the appeal names, else of the building (null when its units lie in several grids and no unit is named). */
    private static String expected(
            AppealWriter.Appeal a, Map<String, String> gridOf, Map<String, java.util.Set<String>> unitGrids) {
        if (a.buildingId() == null) return null;
        String whole = gridOf.get(a.buildingId());
        if (whole != null) return whole;
        if (a.unit() != null)
            return gridOf.get(BuildingKey.unit(a.buildingId(), a.unit()).toString());
        java.util.Set<String> units = unitGrids.getOrDefault(a.buildingId(), java.util.Set.of());
        return units.size() == 1 ? units.iterator().next() : null;
    }
}
