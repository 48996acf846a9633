package org.gridatlas.engine.model;

import java.util.List;
import java.util.Map;

/**
 * report.json: the quality metrics of a run and every rule the result could not meet.
 * {@code verification} is what the independent validator found (empty map when every rule holds).
 */
public record DelineationReport(
        int minHouseholds, int maxHouseholds, int communities, int buildings, long households,
        int grids, int microGrids, int urbanGrids, int urbanInBounds, double shareInBounds, int flaggedGrids,
        Map<String, Integer> flags, double barrierAlignment, double meanPolsbyPopper, double runSeconds,
        String slowestCommunity, double slowestCommunitySeconds,
        List<GridIssue> issues, List<String> notes, Map<String, Integer> verification) {

    public DelineationReport withVerification(Map<String, Integer> v) {
        return new DelineationReport(minHouseholds, maxHouseholds, communities, buildings, households, grids, microGrids, urbanGrids,
                urbanInBounds, shareInBounds, flaggedGrids, flags, barrierAlignment, meanPolsbyPopper, runSeconds,
                slowestCommunity, slowestCommunitySeconds, issues, notes, v);
    }
}
