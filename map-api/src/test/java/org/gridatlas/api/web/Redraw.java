package org.gridatlas.api.web;

import org.gridatlas.engine.Delineator;
import org.gridatlas.engine.model.Dataset;
import org.gridatlas.engine.model.Delineation;
import org.gridatlas.engine.model.Grid;
import org.gridatlas.engine.partition.Bounds;
import org.gridatlas.fixtures.EdgeCases;
import org.locationtech.jts.geom.Coordinate;

/**
 * Two versions of one small dataset for tests that watch a change propagate: {@code before} (two
 * grids of 400) and {@code after} (smaller grids), and a point whose grid differs between them.
 */
record Redraw(Dataset data, Delineation before, Delineation after, Grid changed, Coordinate point) {
    static Redraw twoBlocks() {
        Dataset d = EdgeCases.twoBlocksAlongARoad();
        Delineation after = new Delineator(new Bounds(150, 250)).delineate(d);
        Grid changed = after.grids().get(0);
        return new Redraw(
                d,
                new Delineator(Bounds.DEFAULT).delineate(d),
                after,
                changed,
                changed.geometry().getInteriorPoint().getCoordinate());
    }

    String lookupPath() {
        return "/api/v1/lookup?lon=" + point.x + "&lat=" + point.y;
    }

    /** Whether the server answers the point with the changed grid's households (it has the redraw). */
    boolean servedBy(ApiServer server) throws Exception {
        return TestHttp.json(TestHttp.get(server, lookupPath()))
                        .path("grid")
                        .path("households")
                        .asInt()
                == changed.households();
    }
}
