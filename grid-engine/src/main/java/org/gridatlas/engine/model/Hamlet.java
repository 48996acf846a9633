package org.gridatlas.engine.model;

import org.locationtech.jts.geom.Geometry;

/** A natural village or villager group (自然村 / 村民小组) inside a rural village. */
public record Hamlet(String id, String name, int households, String communityCode, Geometry geometry) {}
