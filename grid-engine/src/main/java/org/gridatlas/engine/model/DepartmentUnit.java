package org.gridatlas.engine.model;

import org.locationtech.jts.geom.Geometry;

/** One unit of another department's own network (a police beat, a 城管 or 综治 grid), in lon/lat. */
public record DepartmentUnit(String id, String name, String department, Geometry geometry) {}
