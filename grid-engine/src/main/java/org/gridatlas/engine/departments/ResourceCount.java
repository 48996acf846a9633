package org.gridatlas.engine.departments;

/** How many resources of a type and department an area holds; {@code level}: grid, community, street or district. */
public record ResourceCount(String level, String code, String type, String department, int count) {}
