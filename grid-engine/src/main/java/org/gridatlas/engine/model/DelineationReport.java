package org.gridatlas.engine.model;

import java.util.List;
import java.util.Map;

/**
 * report.json: the quality metrics of a run and every rule the result could not meet.
 * {@code verification} is what the independent validator found (empty map when every rule holds);
 * {@code repairs}, per input layer, the geometry the reader cleaned and where that changed a
 * feature's topology; {@code communityBounds}, per
 * community, its grids out of bounds and the fewest any division can have.
 */
public record DelineationReport(
        int minHouseholds,
        int maxHouseholds,
        int communities,
        int buildings,
        long households,
        int grids,
        int microGrids,
        int urbanGrids,
        int urbanInBounds,
        double shareInBounds,
        int flaggedGrids,
        Map<String, Integer> flags,
        double barrierAlignment,
        double meanPolsbyPopper,
        double runSeconds,
        String slowestCommunity,
        double slowestCommunitySeconds,
        List<GridIssue> issues,
        List<String> notes,
        Map<String, Integer> verification,
        Map<String, LayerRepairs> repairs,

        @com.fasterxml.jackson.annotation.JsonProperty("community_bounds")
        List<CommunityBounds> communityBounds) {

    /**
     * One layer's cleaned features: how many, how many of each repair, their ids (or feature
     * numbers), and where repair or cleaning changed a feature's topology.
     */
    public record LayerRepairs(
            int features, Map<String, Integer> byRepair, List<String> ids, List<TopologyChange> topology) {}

    /** The repairs of the reader's notes, per layer. */
    public static Map<String, LayerRepairs> repairs(List<InputNote> notes) {
        Map<String, java.util.TreeMap<String, Integer>> by = new java.util.TreeMap<>();
        Map<String, java.util.LinkedHashSet<String>> ids = new java.util.TreeMap<>();
        Map<String, List<TopologyChange>> topology = new java.util.TreeMap<>();
        for (InputNote n : notes) {
            if (n.repairs().isEmpty() && n.topology().isEmpty()) continue;
            java.util.TreeMap<String, Integer> counts = by.computeIfAbsent(n.file(), k -> new java.util.TreeMap<>());
            n.repairs().forEach(r -> counts.merge(r, 1, Integer::sum));
            ids.computeIfAbsent(n.file(), k -> new java.util.LinkedHashSet<>()).add(n.label());
            topology.computeIfAbsent(n.file(), k -> new java.util.ArrayList<>()).addAll(n.topology());
        }
        Map<String, LayerRepairs> out = new java.util.TreeMap<>();
        ids.forEach((layer, list) ->
                out.put(layer, new LayerRepairs(list.size(), by.get(layer), List.copyOf(list), topology.get(layer))));
        return out;
    }

    public DelineationReport withVerification(Map<String, Integer> v) {
        return new DelineationReport(
                minHouseholds,
                maxHouseholds,
                communities,
                buildings,
                households,
                grids,
                microGrids,
                urbanGrids,
                urbanInBounds,
                shareInBounds,
                flaggedGrids,
                flags,
                barrierAlignment,
                meanPolsbyPopper,
                runSeconds,
                slowestCommunity,
                slowestCommunitySeconds,
                issues,
                notes,
                v,
                repairs,
                communityBounds);
    }
}
