package org.gridatlas.engine.model;

import org.locationtech.jts.geom.Geometry;

/**
 * A 社区 or 村 with its 12-digit statistical code; geometry in lon/lat, cleaned to the working
 * precision. {@code given} is its shape as the input file gives it (before any repair or cleaning):
 * what DATA.md rule 3 counts a community's parts by, as the independent checker reads the file.
 */
public record Community(
        String code,
        String name,
        CommunityKind kind,
        String streetCode,
        String streetName,
        String districtCode,
        String districtName,
        Geometry geometry,
        Geometry given) {

    /** A community whose shape needed no cleaning: given as it is. */
    public Community(
            String code,
            String name,
            CommunityKind kind,
            String streetCode,
            String streetName,
            String districtCode,
            String districtName,
            Geometry geometry) {
        this(code, name, kind, streetCode, streetName, districtCode, districtName, geometry, geometry);
    }
}
