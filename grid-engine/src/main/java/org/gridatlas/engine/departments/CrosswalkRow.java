package org.gridatlas.engine.departments;

/**
 * One line of crosswalk.csv: the share of a grid's area, and of its households (by its
 * buildings), that lies in a department's unit. {@code householdShare} is NaN for a grid without
 * households.
 */
public record CrosswalkRow(String gridCode, String unitId, double areaShare, double householdShare) {}
