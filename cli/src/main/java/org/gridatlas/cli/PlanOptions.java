package org.gridatlas.cli;

import java.time.Duration;
import org.gridatlas.engine.Delineator;
import org.gridatlas.engine.partition.Bounds;
import org.gridatlas.engine.partition.RuralRule;
import picocli.CommandLine.Option;

/** How communities are divided: urban bounds, rural thresholds (rule 7), micro grids. */
final class PlanOptions {
    @Option(
            names = "--min",
            defaultValue = "300",
            description = "minimum households per urban grid (default ${DEFAULT-VALUE})")
    int min;

    @Option(
            names = "--max",
            defaultValue = "500",
            description = "maximum households per urban grid (default ${DEFAULT-VALUE})")
    int max;

    @Option(names = "--micro", description = "also divide every grid into micro grids (微网格)")
    boolean micro;

    @Option(
            names = "--micro-min",
            defaultValue = "20",
            description = "minimum households per micro grid (default ${DEFAULT-VALUE})")
    int microMin;

    @Option(
            names = "--micro-max",
            defaultValue = "50",
            description = "maximum households per micro grid (default ${DEFAULT-VALUE})")
    int microMax;

    @Option(
            names = "--rural-large-km2",
            defaultValue = "2",
            description = "a village this large (km²) is large (default ${DEFAULT-VALUE})")
    double ruralLargeKm2;

    @Option(
            names = "--rural-large-households",
            defaultValue = "600",
            description = "a village with this many households is large (default ${DEFAULT-VALUE})")
    int ruralLargeHouseholds;

    @Option(
            names = "--rural-households-per-grid",
            defaultValue = "400",
            description = "households a rural grid is sized for (default ${DEFAULT-VALUE})")
    int ruralHouseholdsPerGrid;

    @Option(
            names = "--rural-km2-per-grid",
            defaultValue = "1.5",
            description = "area (km²) a rural grid is sized for (default ${DEFAULT-VALUE})")
    double ruralKm2PerGrid;

    @Option(
            names = "--exact-seconds",
            defaultValue = "10",
            description =
                    "time the exact solver (CP-SAT, deterministic time: about seconds on an idle core) may take in a"
                            + " district: all of it for one community whose plan has grids out of bounds the arithmetic does"
                            + " not prove unavoidable, shared when several have; 0 for none (default ${DEFAULT-VALUE})")
    double exactSeconds;

    Bounds bounds() {
        return new Bounds(min, max);
    }

    RuralRule ruralRule() {
        return new RuralRule(ruralLargeKm2 * 1e6, ruralLargeHouseholds, ruralHouseholdsPerGrid, ruralKm2PerGrid * 1e6);
    }

    Bounds microBounds() {
        return new Bounds(microMin, microMax);
    }

    Delineator delineator() {
        return new Delineator(
                bounds(),
                ruralRule(),
                micro ? microBounds() : null,
                Duration.ofMillis(Math.round(exactSeconds * 1000)));
    }
}
