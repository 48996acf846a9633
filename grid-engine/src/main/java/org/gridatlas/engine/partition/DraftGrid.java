package org.gridatlas.engine.partition;

import java.util.List;
import org.gridatlas.engine.model.GridFlag;
import org.gridatlas.engine.model.GridKind;
import org.locationtech.jts.geom.Geometry;

/**
 * A grid before it has a code: its polygon in metres, the pieces assigned to it, its flags and,
 * when flagged, why. {@code campusId} is set for dedicated grids.
 */
public record DraftGrid(
        GridKind kind,
        Geometry polygon,
        List<Piece> pieces,
        int households,
        List<GridFlag> flags,
        String why,
        String campusId) {

    public int buildings() {
        return (int) pieces.stream().map(p -> p.building().id()).distinct().count();
    }
}
