package org.gridatlas.engine.partition;

import org.gridatlas.engine.model.Building;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/**
 * A building, or one unit (单元) of a building split by unit, as one line of assignments.csv.
 * {@code footprint} is in metres (the unit's slice for a unit piece); {@code anchor} a point inside it.
 */
public record Piece(String key, Building building, int households, Geometry footprint, Coordinate anchor) {}
