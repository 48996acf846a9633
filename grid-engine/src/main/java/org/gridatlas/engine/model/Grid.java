package org.gridatlas.engine.model;

import java.util.List;
import org.locationtech.jts.geom.Geometry;

/** One delineated grid as DATA.md describes it; geometry in lon/lat. */
public record Grid(
        String code,
        GridLevel level,
        GridKind kind,
        String communityCode,
        String streetCode,
        int households,
        int buildings,
        double areaM2,
        String parentCode,
        List<GridFlag> flags,
        Geometry geometry) {

    public Grid {
        flags = List.copyOf(flags);
    }
}
