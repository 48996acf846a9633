package org.gridatlas.engine.partition;

import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.gridatlas.engine.model.CommunityBounds;
import org.gridatlas.engine.partition.exact.Proof;

/**
 * How a district shares the exact step's time (CP-SAT's deterministic time). Only the communities
 * the heuristic leaves in doubt (grids out of bounds that arithmetic does not prove unavoidable) get
 * any, and together at most {@code limit}, so that a district's exact step costs about the same
 * however many communities it has: one community in doubt has the whole limit, several share it
 * equally, and when there are too many for each to have {@link #LEAST} the first get that much and
 * the rest none — most to gain first (the most grids above the proven fewest, then the most out of
 * bounds, then by code). The shares depend on the input alone, never on how the communities are
 * scheduled, so the same input gets the same plans on every run.
 */
public record ExactBudget(Duration limit) {
    /** The least share worth a solve: below it, most solves end before they find anything. */
    static final Duration LEAST = Duration.ofMillis(100);

    /**
     * The share of each community that gets one, by its index in {@code heuristic} (what the heuristic
     * alone left in each community of the district), in the order they are funded.
     */
    public Map<Integer, Duration> shares(List<CommunityBounds> heuristic) {
        List<Integer> doubtful = IntStream.range(0, heuristic.size())
                .filter(i -> heuristic.get(i).proof().equals(Proof.HEURISTIC.wireName))
                .boxed()
                .sorted(Comparator.<Integer>comparingInt(i ->
                                heuristic.get(i).lowerBound() - heuristic.get(i).outOfBounds())
                        .thenComparingInt(i -> -heuristic.get(i).outOfBounds())
                        .thenComparing(i -> heuristic.get(i).community()))
                .toList();
        Map<Integer, Duration> out = new LinkedHashMap<>();
        long total = limit.toMillis();
        if (total <= 0 || doubtful.isEmpty()) return out;
        long each = Math.max(total / doubtful.size(), Math.min(total, LEAST.toMillis()));
        for (int k = 0; k < doubtful.size() && k < total / each; k++) out.put(doubtful.get(k), Duration.ofMillis(each));
        return out;
    }
}
