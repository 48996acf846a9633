package org.gridatlas.engine.partition;

import java.util.List;
import org.gridatlas.engine.model.Campus;
import org.gridatlas.engine.model.Community;
import org.gridatlas.engine.partition.AtomBuilder.PlacedBuilding;
import org.locationtech.jts.geom.Geometry;

/** One community in metres with what lies in it: its buildings, nearby barriers and campuses, its hamlets. */
public record PlanInput(Community community, Geometry polygon, List<PlacedBuilding> buildings,
                        List<PlacedBarrier> barriers, List<PlacedCampus> campuses, List<Geometry> hamlets) {

    public record PlacedBarrier(Geometry line, EdgeTag tag) {}

    public record PlacedCampus(Campus campus, Geometry polygon) {}
}
