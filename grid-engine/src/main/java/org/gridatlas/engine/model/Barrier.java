package org.gridatlas.engine.model;

import org.locationtech.jts.geom.Geometry;

/** A road, river, railway or wall line that grid boundaries should follow; {@code name} (文化路, 汤河) may be null. */
public record Barrier(BarrierKind kind, BarrierClass barrierClass, String name, Geometry geometry) {

    public Barrier(BarrierKind kind, BarrierClass barrierClass, Geometry geometry) {
        this(kind, barrierClass, null, geometry);
    }
}
