package org.gridatlas.engine.edit;

import java.util.List;

/**
 * What an edit changes: each building (or unit) that changes grid with its households, the total
 * households moved, and which codes are kept, retired (never to be used again) or new.
 */
public record ChangeSummary(
        List<Move> moves,
        int householdsMoved,
        int householdsInCommunity,
        List<String> kept,
        List<String> retired,
        List<String> added) {

    public record Move(String buildingKey, String fromGrid, String toGrid, int households) {}
}
