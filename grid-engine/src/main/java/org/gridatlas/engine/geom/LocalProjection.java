package org.gridatlas.engine.geom;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
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
        Geometry g = Geoms.METRIC.createGeometry(lonLat);
        g.apply(new Affine(-lon0, -lat0, mPerDegX, mPerDegY, 0, 0, true));
        g.geometryChanged();
        return g;
    }

    public Geometry toLonLat(Geometry metres) {
        // built by the floating lon/lat factory, never the metric one (its 1 mm grid would be 0.001°)
        Geometry g = Geoms.LONLAT.createGeometry(metres);
        g.apply(new Affine(0, 0, 1 / mPerDegX, 1 / mPerDegY, lon0, lat0, false));
        g.geometryChanged();
        return g;
    }

    public double metresPerDegreeX() { return mPerDegX; }

    public double centreLon() { return lon0; }

    public double centreLat() { return lat0; }

    public double metresPerDegreeY() { return mPerDegY; }

    private record Affine(double dx, double dy, double sx, double sy, double ox, double oy, boolean snap)
            implements CoordinateSequenceFilter {
        @Override
        public void filter(CoordinateSequence seq, int i) {
            double x = (seq.getX(i) + dx) * sx + ox;
            double y = (seq.getY(i) + dy) * sy + oy;
            if (snap) {
                x = Geoms.PRECISION.makePrecise(x);
                y = Geoms.PRECISION.makePrecise(y);
            }
            seq.setOrdinate(i, 0, x);
            seq.setOrdinate(i, 1, y);
        }

        @Override
        public boolean isDone() { return false; }

        @Override
        public boolean isGeometryChanged() { return true; }
    }
}
