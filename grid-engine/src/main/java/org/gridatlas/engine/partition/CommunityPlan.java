package org.gridatlas.engine.partition;

import java.util.List;
import org.gridatlas.engine.model.Community;

/**
 * The grids of one community, what the planner has to say about it, and how long it took;
 * {@code micro} holds each grid's micro grids, in the order of {@code grids} (empty lists when none).
 */
public record CommunityPlan(
        Community community, List<DraftGrid> grids, List<String> notes, double seconds, List<List<DraftGrid>> micro) {

    public CommunityPlan withMicro(List<List<DraftGrid>> micro) {
        return new CommunityPlan(community, grids, notes, seconds, micro);
    }
}
