package org.gridatlas.store;

import java.time.Instant;
import java.util.List;
import org.gridatlas.engine.model.Assignment;
import org.gridatlas.engine.model.Grid;

/**
 * A planner's previewed change, kept in the store until it is committed or {@code expires}, so that
 * whichever instance receives the commit finds it: the grids and assignments it would store, the
 * version it was made on, who made it and why, and the diff and rule check shown (as JSON).
 */
public record StoredPreview(
        String id,
        String communityCode,
        long baseVersion,
        String author,
        String reason,
        Instant made,
        Instant expires,
        List<Grid> grids,
        List<Assignment> assignments,
        String changeJson,
        String verificationJson) {
    public StoredPreview {
        grids = List.copyOf(grids);
        assignments = List.copyOf(assignments);
    }
}
