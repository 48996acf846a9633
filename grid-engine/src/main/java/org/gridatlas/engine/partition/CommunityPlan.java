package org.gridatlas.engine.partition;

import java.util.List;
import org.gridatlas.engine.model.Community;
import org.gridatlas.engine.model.CommunityBounds;

/**
 * The grids of one community, what the planner has to say about it, and how long it took;
 * {@code micro} holds each grid's micro grids, in the order of {@code grids} (empty lists when none);
 * {@code bounds} how many of its grids are out of bounds and how few can be.
 */
public record CommunityPlan(
        Community community,
        List<DraftGrid> grids,
        List<String> notes,
        double seconds,
        List<List<DraftGrid>> micro,
        CommunityBounds bounds) {

    public CommunityPlan withMicro(List<List<DraftGrid>> micro) {
        return new CommunityPlan(community, grids, notes, seconds, micro, bounds);
    }
}
