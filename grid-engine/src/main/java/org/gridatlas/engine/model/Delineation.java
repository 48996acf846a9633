package org.gridatlas.engine.model;

import java.util.List;

/** The output of a delineation run: grids, assignments and the report (DATA.md's result). */
public record Delineation(List<Grid> grids, List<Assignment> assignments, DelineationReport report) {}
