package org.gridatlas.engine.geom;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * Equirectangular projection around a centre: lon/lat degrees to local metres and back.
 * It is affine, so it keeps topology and round-trips exactly up to floating point; over one
 * city district (tens of km) its scale error is well under 1%, which is what areas and the
 * 15 m barrier distance need.
 */
public final class LocalProjection {
    private static final double EARTH_RADIUS_M = 6371008.8;

    private final double lon0;
    private final double lat0;
    private final double mPerDegX;
    private final double mPerDegY;

    public LocalProjection(double lon0, double lat0) {
        this.lon0 = lon0;
        this.lat0 = lat0;
        this.mPerDegY = Math.PI / 180 * EARTH_RADIUS_M;
        this.mPerDegX = mPerDegY * Math.cos(Math.toRadians(lat0));
    }

    public static LocalProjection around(Envelope lonLat) {
        return new LocalProjection(lonLat.centre().x, lonLat.centre().y);
    }

    /** A projected copy, snapped to {@link Geoms#PRECISION} (1 mm). */
    public Geometry toMetres(Geometry lonLat) {
        // built by the metric factory: operations on it then work at its 1 mm precision
        return Geoms.mapVertices(Geoms.METRIC.createGeometry(lonLat), (x, y, out) -> {
            out[0] = Geoms.PRECISION.makePrecise((x - lon0) * mPerDegX);
            out[1] = Geoms.PRECISION.makePrecise((y - lat0) * mPerDegY);
        });
    }

    /** Projects and snaps; a polygon that snapping made invalid (a sliver collapsing) is repaired. */
    public Geometry toValidMetres(Geometry lonLat) {
        Geometry g = toMetres(lonLat);
        if (g.getDimension() == 2 && !g.isValid())
            g = Geoms.polygonal(org.locationtech.jts.geom.util.GeometryFixer.fix(g));
        return g;
    }

    /** A projected copy at full floating precision: for measuring what is finer than the working precision. */
    public Geometry toFloatingMetres(Geometry lonLat) {
        return Geoms.mapVertices(Geoms.LONLAT.createGeometry(lonLat), (x, y, out) -> {
            out[0] = (x - lon0) * mPerDegX;
            out[1] = (y - lat0) * mPerDegY;
        });
    }

    /** One point in metres, in lon/lat. */
    public org.locationtech.jts.geom.Coordinate toLonLat(org.locationtech.jts.geom.Coordinate metres) {
        return new org.locationtech.jts.geom.Coordinate(metres.x / mPerDegX + lon0, metres.y / mPerDegY + lat0);
    }

    public Geometry toLonLat(Geometry metres) {
        // built by the floating lon/lat factory, never the metric one (its 1 mm grid would be 0.001°)
        return Geoms.mapVertices(Geoms.LONLAT.createGeometry(metres), (x, y, out) -> {
            out[0] = x / mPerDegX + lon0;
            out[1] = y / mPerDegY + lat0;
        });
    }

    public double metresPerDegreeX() {
        return mPerDegX;
    }

    public double centreLon() {
        return lon0;
    }

    public double centreLat() {
        return lat0;
    }

    public double metresPerDegreeY() {
        return mPerDegY;
    }
}
