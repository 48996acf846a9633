package org.gridatlas.engine.model;

import org.locationtech.jts.geom.Geometry;

/** A 社区 or 村 with its 12-digit statistical code; geometry in lon/lat. */
public record Community(
        String code,
        String name,
        CommunityKind kind,
        String streetCode,
        String streetName,
        String districtCode,
        String districtName,
        Geometry geometry) {}
