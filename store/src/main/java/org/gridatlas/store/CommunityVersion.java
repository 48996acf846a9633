package org.gridatlas.store;

import java.time.Instant;
import java.util.List;
import org.gridatlas.engine.model.Assignment;
import org.gridatlas.engine.model.Grid;

/**
 * One version of a community's grids: version 0 is the delineation before the first edit, each
 * commit adds the next. {@code grids}/{@code assignments} are the state after it (for "as of" and revert).
 */
public record CommunityVersion(
        String communityCode,
        long version,
        String author,
        String reason,
        Instant time,
        String changeJson,
        List<Grid> grids,
        List<Assignment> assignments) {}
