package org.gridatlas.engine.model;

import org.locationtech.jts.geom.Geometry;

/** A road, river, railway or wall line that grid boundaries should follow. */
public record Barrier(BarrierKind kind, BarrierClass barrierClass, Geometry geometry) {}
