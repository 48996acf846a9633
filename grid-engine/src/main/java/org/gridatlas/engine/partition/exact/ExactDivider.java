package org.gridatlas.engine.partition.exact;

import com.google.ortools.Loader;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.LinearExpr;
import java.time.Duration;
import java.util.Optional;

/**
 * Solves a community's division exactly with CP-SAT, starting from the heuristic's plan: first the
 * fewest grids out of bounds, then their least distance from the bounds, then the least boundary
 * off roads and rivers, each with the earlier ones held. The limit is CP-SAT's deterministic time
 * (about seconds on an idle core) with one worker, so that the same input gives the same plan on
 * every run, however busy the machine (a wall-time limit did not: DeterminismTest failed with it
 * under load). Communities are solved in parallel by the caller.
 */
public final class ExactDivider {
    /** Default time limit per community. */
    public static final Duration DEFAULT_LIMIT = Duration.ofSeconds(10);
    /** The share of the limit each of the later phases (distance, then boundary) may take at most. */
    private static final double POLISH_SHARE = 0.2;

    private final double seconds;

    public ExactDivider(Duration limit) {
        this.seconds = limit.toMillis() / 1000.0;
    }

    /**
     * The better of the heuristic's division ({@code label} into {@code grids} grids) and the solver's,
     * with the grids over the maximum trimmed where that shortens the distance ({@link Trimming}).
     */
    public Division improve(DivisionProblem p, int[] label, int grids) {
        Division d = solve(p, label, grids);
        if (seconds <= 0) return d;
        int[] trimmed = Trimming.of(p, d.label());
        int trimmedGrids = count(trimmed);
        Score score = Score.of(p, trimmed, trimmedGrids);
        if (score.compareTo(d.score()) >= 0) return d;
        return new Division(
                trimmed,
                trimmedGrids,
                score,
                d.lowerBound(),
                score.outOfBounds() == d.lowerBound() ? Proof.OPTIMAL : d.proof());
    }

    private Division solve(DivisionProblem p, int[] label, int grids) {
        Score heuristic = Score.of(p, label, grids);
        int sure = LowerBound.of(p);
        // the arithmetic alone proves the heuristic's count: the distance is not worth a solve
        if (heuristic.outOfBounds() <= sure)
            return new Division(label, grids, heuristic, heuristic.outOfBounds(), Proof.OPTIMAL);
        if (seconds <= 0) return new Division(label, grids, heuristic, sure, Proof.HEURISTIC);
        NativeLibrary.load();
        DivisionModel m = new DivisionModel(p);
        // only a division with no more grids out than the heuristic's is of interest, and none has fewer than sure
        m.model.addLinearConstraint(m.outCount, sure, heuristic.outOfBounds());
        Optional<Phase> found = solve(m, m.outCount, label, seconds);
        if (found.isEmpty()) return new Division(label, grids, heuristic, sure, Proof.HEURISTIC);
        Phase first = found.get();
        int lower = Math.max(sure, first.optimal ? (int) first.value : (int) Math.ceil(first.bound - 1e-6));
        if (first.value >= heuristic.outOfBounds()) {
            // no fewer grids out than the heuristic's: its plan stays, and the search ends here
            int proven = Math.min(lower, heuristic.outOfBounds());
            return new Division(
                    label, grids, heuristic, proven, proven == heuristic.outOfBounds() ? Proof.OPTIMAL : Proof.BOUNDED);
        }
        int[] best = first.label;
        double left = seconds - first.time;
        m.model.addLessOrEqual(m.outCount, first.value);
        // with every grid within the bounds there is no distance to shorten
        Optional<Phase> second =
                first.value == 0 ? Optional.empty() : solve(m, m.totalDeviation, best, Math.min(left, polish()));
        if (second.isPresent()) {
            best = second.get().label;
            left -= second.get().time;
            m.model.addLessOrEqual(m.totalDeviation, second.get().value);
        }
        if (first.value == 0 || second.isPresent()) {
            int[] start = best;
            best = solve(m, m.boundary, start, Math.min(left, polish()))
                    .map(Phase::label)
                    .orElse(start);
        }
        int bestGrids = count(best);
        Score exact = Score.of(p, best, bestGrids);
        int proven = Math.min(lower, exact.outOfBounds());
        return new Division(
                best, bestGrids, exact, proven, proven == exact.outOfBounds() ? Proof.OPTIMAL : Proof.BOUNDED);
    }

    /** The most each later phase (distance, then boundary) may take: the count out of bounds matters most. */
    private double polish() {
        return POLISH_SHARE * seconds;
    }

    private record Phase(int[] label, long value, double bound, boolean optimal, double time) {}

    /** Minimises {@code objective} from the hinted labelling; empty when the solver found no solution in time. */
    private static Optional<Phase> solve(DivisionModel m, LinearExpr objective, int[] hint, double seconds) {
        if (seconds <= 0) return Optional.empty();
        m.hint(hint);
        m.model.minimize(objective);
        CpSolver solver = new CpSolver();
        // deterministic time, not wall time, so that a run is reproducible however busy the machine
        solver.getParameters().setNumWorkers(1).setMaxDeterministicTime(seconds);
        CpSolverStatus status = solver.solve(m.model);
        if (status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE) return Optional.empty();
        int[] label = new int[m.problem.size()];
        for (int u = 0; u < label.length; u++) label[u] = (int) solver.value(m.label[u]);
        return Optional.of(new Phase(
                compact(label),
                Math.round(solver.objectiveValue()),
                solver.bestObjectiveBound(),
                status == CpSolverStatus.OPTIMAL,
                solver.response().getDeterministicTime()));
    }

    private static int[] compact(int[] label) {
        int[] map = new int[label.length + 1];
        java.util.Arrays.fill(map, -1);
        int next = 0;
        int[] out = new int[label.length];
        for (int u = 0; u < label.length; u++) {
            if (map[label[u]] < 0) map[label[u]] = next++;
            out[u] = map[label[u]];
        }
        return out;
    }

    private static int count(int[] label) {
        int max = -1;
        for (int l : label) max = Math.max(max, l);
        return max + 1;
    }

    /** OR-Tools' native library, loaded once per JVM. */
    private static final class NativeLibrary {
        private static boolean loaded;

        static synchronized void load() {
            if (loaded) return;
            Loader.loadNativeLibraries();
            loaded = true;
        }
    }
}
