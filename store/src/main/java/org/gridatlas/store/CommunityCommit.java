package org.gridatlas.store;

import java.util.List;
import org.gridatlas.engine.model.Assignment;
import org.gridatlas.engine.model.Grid;

/**
 * A planner's change to one community, to be stored as its next version: every grid of the
 * community (both levels) and their assignments after the change, who made it and why, and the
 * change itself as JSON (the diff shown in the preview). It applies only over {@code expectedVersion}.
 */
public record CommunityCommit(
        String communityCode,
        long expectedVersion,
        List<Grid> grids,
        List<Assignment> assignments,
        String author,
        String reason,
        String changeJson) {
    public CommunityCommit {
        grids = List.copyOf(grids);
        assignments = List.copyOf(assignments);
    }
}
