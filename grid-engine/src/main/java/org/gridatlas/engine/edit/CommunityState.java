package org.gridatlas.engine.edit;

import java.util.List;
import org.gridatlas.engine.model.Assignment;
import org.gridatlas.engine.model.Barrier;
import org.gridatlas.engine.model.Building;
import org.gridatlas.engine.model.Community;
import org.gridatlas.engine.model.Grid;

/** One community as it stands: its buildings and the barriers near it, its grids (level grid) and their assignments. */
public record CommunityState(
        Community community,
        List<Building> buildings,
        List<Barrier> barriers,
        List<Grid> grids,
        List<Assignment> assignments) {
    public CommunityState {
        buildings = List.copyOf(buildings);
        barriers = List.copyOf(barriers);
        grids = List.copyOf(grids);
        assignments = List.copyOf(assignments);
    }
}
