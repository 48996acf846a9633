package org.gridatlas.engine.model;

import org.locationtech.jts.geom.Geometry;

/** An enterprise, school or institution that gets a dedicated grid (专属网格). */
public record Campus(String id, String name, CampusKind kind, Geometry geometry) {}
