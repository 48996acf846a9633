package org.gridatlas.engine.model;

import java.util.List;

/** A rule a grid could not meet, with why (one entry of report.json's issues). */
public record GridIssue(String grid, String community, List<GridFlag> flags, String why) {}
