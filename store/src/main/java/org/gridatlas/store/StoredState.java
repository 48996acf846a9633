package org.gridatlas.store;

import java.util.List;
import org.gridatlas.engine.model.Alias;
import org.gridatlas.engine.model.Assignment;
import org.gridatlas.engine.model.Barrier;
import org.gridatlas.engine.model.Building;
import org.gridatlas.engine.model.Community;
import org.gridatlas.engine.model.Dataset;
import org.gridatlas.engine.model.Grid;
import org.gridatlas.engine.model.Poi;

/**
 * What a store holds now: the dataset's communities, buildings, barriers, aliases and landmarks
 * (its pois and its campuses, {@link Dataset#landmarks()}), the grids and assignments, and the run.
 */
public record StoredState(
        List<Community> communities,
        List<Building> buildings,
        List<Barrier> barriers,
        List<Alias> aliases,
        List<Grid> grids,
        List<Assignment> assignments,
        RunInfo run,
        List<Poi> pois) {

    public StoredState {
        pois = List.copyOf(pois);
    }

    /** A state without landmarks. */
    public StoredState(
            List<Community> communities,
            List<Building> buildings,
            List<Barrier> barriers,
            List<Alias> aliases,
            List<Grid> grids,
            List<Assignment> assignments,
            RunInfo run) {
        this(communities, buildings, barriers, aliases, grids, assignments, run, List.of());
    }

    public static StoredState empty() {
        return new StoredState(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null);
    }
}
