package org.gridatlas.engine.departments;

import org.locationtech.jts.geom.Geometry;

/**
 * One line of conflicts.csv, with where it is (lon/lat) for the map: the unit boundary inside the
 * grid for a split or cut, the uncovered part for a gap, the shared part for an overlap, the part
 * outside for a unit outside coverage. {@code gridCode} or {@code unitId} is null where the kind
 * has none.
 */
public record CrosswalkConflict(ConflictKind kind, String gridCode, String unitId, String detail, Geometry where) {}
