package org.gridatlas.tiles;

import org.gridatlas.engine.geom.ChinaCrs;
import org.gridatlas.engine.geom.Geoms;
import org.locationtech.jts.geom.Geometry;

/**
 * Spherical Web Mercator (EPSG:3857), optionally after shifting WGS84 into GCJ-02 or BD-09 so that
 * overlays line up with Amap/Tencent or Baidu base maps.
 */
public final class WebMercator {
    private static final double R = 6378137.0;

    private WebMercator() {}

    public static double x(double lon) {
        return Math.toRadians(lon) * R;
    }

    public static double y(double lat) {
        double l = Math.max(-85.0511287798, Math.min(85.0511287798, lat));
        return Math.log(Math.tan(Math.PI / 4 + Math.toRadians(l) / 2)) * R;
    }

    public static double lon(double x) {
        return Math.toDegrees(x / R);
    }

    public static double lat(double y) {
        return Math.toDegrees(2 * Math.atan(Math.exp(y / R)) - Math.PI / 2);
    }

    /** A projected copy of a lon/lat geometry, shifted into {@code crs} first. */
    public static Geometry project(Geometry lonLat, ChinaCrs crs) {
        return Geoms.mapVertices(lonLat.copy(), (lon, lat, out) -> {
            double[] p = crs.fromWgs84(lon, lat);
            out[0] = x(p[0]);
            out[1] = y(p[1]);
        });
    }
}
