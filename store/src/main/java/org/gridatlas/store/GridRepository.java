package org.gridatlas.store;

import java.util.List;
import org.gridatlas.engine.model.Dataset;
import org.gridatlas.engine.model.Delineation;

/** The dataset and its grids: replaced whole by an import, loaded whole by the server. */
public interface GridRepository {
    /** Replaces communities, buildings, grids and assignments with a new import and its delineation; returns the run id. */
    long replace(Dataset dataset, Delineation delineation, String source);

    StoredState load();

    List<RunInfo> runs();

    /** Whether the store answers (for readiness). */
    boolean reachable();
}
