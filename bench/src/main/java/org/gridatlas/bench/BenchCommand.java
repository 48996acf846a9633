package org.gridatlas.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.gridatlas.engine.Delineator;
import org.gridatlas.engine.io.DatasetReader;
import org.gridatlas.engine.io.DatasetWriter;
import org.gridatlas.engine.model.CommunityBounds;
import org.gridatlas.engine.model.Dataset;
import org.gridatlas.engine.model.Delineation;
import org.gridatlas.engine.partition.Bounds;
import org.gridatlas.engine.partition.RuralRule;
import org.gridatlas.fixtures.CityGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Delineation benchmark on a generated city. Machines here are shared and noisy, so beside the
 * seconds it reports each stage as a ratio to a baseline measured in the same run: reading and
 * validating the same dataset from disk.
 */
@Command(
        name = "bench-delineate",
        mixinStandardHelpOptions = true,
        description = "Benchmark: generate a city, then time reading it (baseline) and delineating it.")
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--households", defaultValue = "1000000", description = "city size (default ${DEFAULT-VALUE})")
    int households;

    @Option(names = "--seed", defaultValue = "1")
    long seed;

    @Option(
            names = "--runs",
            defaultValue = "2",
            description = "delineation runs; the best counts (default ${DEFAULT-VALUE})")
    int runs;

    @Option(
            names = "--exact-seconds",
            defaultValue = "10",
            description = "the exact step's time in the district, shared by the communities with grids out of bounds in"
                    + " doubt; 0 for none (default ${DEFAULT-VALUE})")
    double exactSeconds;

    @Override
    public Integer call() throws Exception {
        long t = System.nanoTime();
        Dataset city = CityGenerator.generate(households, seed);
        double generate = seconds(t);
        Path dir = Files.createTempDirectory("gridatlas-bench-");
        try {
            DatasetWriter.write(city, dir);
            t = System.nanoTime();
            Dataset read = DatasetReader.read(dir);
            double baseline = seconds(t);
            double best = Double.MAX_VALUE;
            Delineation result = null;
            for (int i = 0; i < runs; i++) {
                System.gc();
                t = System.nanoTime();
                result = new Delineator(
                                Bounds.DEFAULT,
                                RuralRule.DEFAULT,
                                null,
                                Duration.ofMillis(Math.round(exactSeconds * 1000)))
                        .delineate(read);
                best = Math.min(best, seconds(t));
            }
            boolean passed = result.verified();
            double planning = result.report().runSeconds();
            long heapMb =
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted() >> 20;
            System.out.printf(
                    "city: %d households, %d buildings, %d communities (generated in %.1f s)%n",
                    read.households(),
                    read.buildings().size(),
                    read.communities().size(),
                    generate);
            System.out.printf("baseline  read+validate   %6.2f s  1.00x%n", baseline);
            System.out.printf(
                    "delineate (best of %d)    %6.2f s  %.2fx baseline  %,.0f households/s  %d grids, %.1f%% in bounds%n",
                    runs,
                    best,
                    best / baseline,
                    read.households() / best,
                    result.grids().size(),
                    100 * result.report().shareInBounds());
            System.out.printf(
                    "  of which plan+number    %6.2f s  %.2fx baseline; verify %.2f s  %s%n",
                    planning,
                    planning / baseline,
                    best - planning,
                    passed ? "PASS" : "FAIL " + result.report().verification());
            String slowest = result.report().slowestCommunity();
            System.out.printf(
                    "slowest community %s: %.3f s (%d households)%n",
                    slowest,
                    result.report().slowestCommunitySeconds(),
                    result.grids().stream()
                            .filter(g -> g.communityCode().equals(slowest))
                            .mapToInt(g -> g.households())
                            .sum());
            // how far the exact step got: communities with grids out whose count is proven, bounded, or only planned
            Map<String, Long> proofs = result.report().communityBounds().stream()
                    .filter(b -> b.outOfBounds() > 0)
                    .collect(Collectors.groupingBy(CommunityBounds::proof, TreeMap::new, Collectors.counting()));
            System.out.printf("communities with grids out of bounds, by proof: %s%n", proofs);
            System.out.printf(
                    "heap committed %d MB of max %d MB%n",
                    heapMb, Runtime.getRuntime().maxMemory() >> 20);
            return passed ? 0 : 1;
        } finally {
            try (var walk = Files.walk(dir)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
