package org.gridatlas.api.serving;

import org.gridatlas.engine.geom.ChinaCrs;
import org.gridatlas.engine.lookup.GridLocator;

/** A point in WGS84/CGCS2000, GCJ-02 or BD-09 located among the grids; a point outside the service area is refused. */
public final class PointLookup {
    public static final double DEFAULT_NEAR_M = 10;

    private PointLookup() {}

    /** A point as given and in WGS84, with what the index found. */
    public record Resolved(
            double lon, double lat, ChinaCrs crs, double wgsLon, double wgsLat, GridLocator.Lookup lookup) {}

    /** The point lies outside the communities' extent (by {@link ServingState#SERVICE_MARGIN_DEG}); perhaps lon and lat are swapped. */
    public static final class OutsideServiceArea extends RuntimeException {
        OutsideServiceArea(double lon, double lat, boolean swapped) {
            super(String.format(
                    "point (%s, %s) is outside the service area%s",
                    lon, lat, swapped ? " (lon and lat look swapped)" : ""));
        }
    }

    public static Resolved resolve(ServingState s, double lon, double lat, ChinaCrs crs, double near) {
        double[] w = crs.toWgs84(lon, lat);
        if (!s.serviceArea.contains(w[0], w[1]))
            throw new OutsideServiceArea(lon, lat, s.serviceArea.contains(lat, lon));
        return new Resolved(lon, lat, crs, w[0], w[1], s.index.lookup(w[0], w[1], near));
    }
}
