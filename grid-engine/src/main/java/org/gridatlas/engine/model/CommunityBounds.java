package org.gridatlas.engine.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * report.json's word on one community's household bounds: how many of its urban grids are out of
 * bounds, the fewest any contiguous division of its units can have as far as proven, and how that
 * is known ({@code optimal}: proven equal; {@code bounded}: proven a lower bound only;
 * {@code heuristic}: only the planner's plan is known).
 */
public record CommunityBounds(
        String community,
        @JsonProperty("out_of_bounds") int outOfBounds,
        @JsonProperty("lower_bound") int lowerBound,
        String proof) {}
