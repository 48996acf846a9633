package org.gridatlas.engine.partition;

import org.locationtech.jts.geom.Coordinate;

/** An undirected segment between two snapped coordinates, usable as a hash key. */
record SegmentKey(double x0, double y0, double x1, double y1) {

    static SegmentKey of(Coordinate a, Coordinate b) {
        boolean swap = a.x > b.x || (a.x == b.x && a.y > b.y);
        return swap ? new SegmentKey(b.x, b.y, a.x, a.y) : new SegmentKey(a.x, a.y, b.x, b.y);
    }

    double length() {
        return Math.hypot(x1 - x0, y1 - y0);
    }

    Coordinate[] coordinates() {
        return new Coordinate[] {new Coordinate(x0, y0), new Coordinate(x1, y1)};
    }
}
