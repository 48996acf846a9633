package org.gridatlas.engine.partition;

import java.util.List;
import org.gridatlas.engine.model.Campus;
import org.gridatlas.engine.model.Community;
import org.gridatlas.engine.partition.AtomBuilder.PlacedBuilding;
import org.locationtech.jts.geom.Geometry;

/**
 * One community in metres with what lies in it: its buildings, nearby barriers and campuses, its
 * hamlets; {@code given} is its shape as the input file gives it (in metres), whose parts are the
 * parts DATA.md rule 3 lets a grid span.
 */
public record PlanInput(
        Community community,
        Geometry polygon,
        List<PlacedBuilding> buildings,
        List<PlacedBarrier> barriers,
        List<PlacedCampus> campuses,
        List<Geometry> hamlets,
        Geometry given) {

    /** A community whose shape is as given. */
    public PlanInput(
            Community community,
            Geometry polygon,
            List<PlacedBuilding> buildings,
            List<PlacedBarrier> barriers,
            List<PlacedCampus> campuses,
            List<Geometry> hamlets) {
        this(community, polygon, buildings, barriers, campuses, hamlets, polygon);
    }

    public record PlacedBarrier(Geometry line, EdgeTag tag) {
        /** Barrier lines in metres, split into parts and indexed, each tagged with its class. */
        public static org.locationtech.jts.index.strtree.STRtree index(
                java.util.List<org.gridatlas.engine.model.Barrier> barriers,
                org.gridatlas.engine.geom.LocalProjection proj) {
            org.locationtech.jts.index.strtree.STRtree index = new org.locationtech.jts.index.strtree.STRtree();
            for (org.gridatlas.engine.model.Barrier b : barriers) {
                Geometry m = proj.toMetres(b.geometry());
                for (int i = 0; i < m.getNumGeometries(); i++) {
                    org.locationtech.jts.geom.LineString l = (org.locationtech.jts.geom.LineString) m.getGeometryN(i);
                    if (l.getLength() > 0)
                        index.insert(l.getEnvelopeInternal(), new PlacedBarrier(l, EdgeTag.of(b.barrierClass())));
                }
            }
            index.build();
            return index;
        }
    }

    public record PlacedCampus(Campus campus, Geometry polygon) {}
}
