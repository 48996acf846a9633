package org.gridatlas.engine.model;

import java.util.List;

/** The output of a delineation run: grids, assignments and the report (DATA.md's result) with what verification found. */
public record Delineation(List<Grid> grids, List<Assignment> assignments, DelineationReport report) {

    /** Whether the independent verification found every rule kept. */
    public boolean verified() {
        return report.verification().values().stream().allMatch(n -> n == 0);
    }
}
