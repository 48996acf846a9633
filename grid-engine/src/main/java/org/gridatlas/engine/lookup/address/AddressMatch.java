package org.gridatlas.engine.lookup.address;

import java.util.List;

/**
 * What an address text was matched to. {@code gridCode} is set only when the match leads to one
 * grid; otherwise {@code candidates} lists the grids it could be (a community's or street's grids, a
 * compound's when the building is not named) and {@code reason} says why there is no grid. {@code
 * alternatives} are other places the text could mean.
 */
public record AddressMatch(
        MatchLevel level,
        double confidence,
        String gridCode,
        List<String> candidates,
        ParsedAddress parsed,
        String buildingId,
        String communityCode,
        List<Alternative> alternatives,
        List<String> notes,
        String reason) {

    /** Another reading of the text: a place of the gazetteer with the community it lies in (null for a road or street). */
    public record Alternative(String kind, String name, String communityCode) {}

    public AddressMatch {
        candidates = List.copyOf(candidates);
        alternatives = List.copyOf(alternatives);
        notes = List.copyOf(notes);
    }
}
