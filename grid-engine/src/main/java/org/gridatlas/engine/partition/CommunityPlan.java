package org.gridatlas.engine.partition;

import java.util.List;
import org.gridatlas.engine.model.Community;

/** The grids of one community and what the planner has to say about it. */
public record CommunityPlan(Community community, List<DraftGrid> grids, List<String> notes) {}
