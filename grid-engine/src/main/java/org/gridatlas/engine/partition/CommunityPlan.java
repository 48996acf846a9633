package org.gridatlas.engine.partition;

import java.util.List;
import org.gridatlas.engine.model.Community;

/** The grids of one community, what the planner has to say about it, and how long it took. */
public record CommunityPlan(Community community, List<DraftGrid> grids, List<String> notes, double seconds) {}
