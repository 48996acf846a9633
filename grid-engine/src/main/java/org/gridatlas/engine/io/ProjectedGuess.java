package org.gridatlas.engine.io;

/**
 * What projected coordinates given without a coordinate system most likely are, for the error
 * message: Chinese Gauss–Krüger eastings carry the zone number in front (millions) when written
 * with it; a 6-degree zone is 13–23, a 3-degree zone 25–45.
 */
final class ProjectedGuess {
    private ProjectedGuess() {}

    static String describe(double x, double y) {
        if (Math.abs(x) <= 1000 && Math.abs(y) <= 1000) return "";
        int zone = (int) Math.floor(x / 1_000_000);
        boolean northing = y > 1_000_000 && y < 6_000_000;
        if (northing && zone >= 25 && zone <= 45) {
            return String.format(
                    " (looks like CGCS2000 3-degree Gauss-Kruger zone %d with the zone number: EPSG:%d; give the crs as EPSG:%d or a .prj)",
                    zone, 4513 + zone - 25, 4513 + zone - 25);
        }
        if (northing && zone >= 13 && zone <= 23) {
            return String.format(
                    " (looks like CGCS2000 6-degree Gauss-Kruger zone %d with the zone number: EPSG:%d; give the crs as EPSG:%d or a .prj)",
                    zone, 4491 + zone - 13, 4491 + zone - 13);
        }
        if (northing && x > 100_000 && x < 900_000) {
            return " (looks like Gauss-Kruger or UTM metres without a zone number: CGCS2000 3-degree zones are EPSG:4534-4554 by central meridian;"
                    + " give the crs as EPSG:n or a .prj)";
        }
        return " (looks like projected metres: give the coordinate system)";
    }
}
