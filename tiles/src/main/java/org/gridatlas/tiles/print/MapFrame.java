package org.gridatlas.tiles.print;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

/**
 * Where lon/lat falls on the page: the area around the subject fitted into the map's rectangle at
 * one scale in both directions (metres east and north of the area's centre, to points), so
 * distances read true and the scale bar holds everywhere on a grid's few hundred metres.
 */
record MapFrame(float x, float y, float width, float height, double lon0, double lat0, double pointsPerMetre) {
    private static final double METRES_PER_DEGREE = 111_320;
    /** How much of the map is the subject: the rest shows what is around it. */
    private static final double MARGIN = 0.12;

    static MapFrame fit(Envelope subject, float x, float y, float width, float height) {
        double lat0 = subject.centre().y, lon0 = subject.centre().x;
        double kx = Math.cos(Math.toRadians(lat0)) * METRES_PER_DEGREE;
        double w = Math.max(subject.getWidth() * kx, 1), h = Math.max(subject.getHeight() * METRES_PER_DEGREE, 1);
        double scale = Math.min(width / (w * (1 + 2 * MARGIN)), height / (h * (1 + 2 * MARGIN)));
        return new MapFrame(x, y, width, height, lon0, lat0, scale);
    }

    float px(double lon) {
        return (float)
                (x + width / 2 + (lon - lon0) * Math.cos(Math.toRadians(lat0)) * METRES_PER_DEGREE * pointsPerMetre);
    }

    float py(double lat) {
        return (float) (y + height / 2 + (lat - lat0) * METRES_PER_DEGREE * pointsPerMetre);
    }

    float px(Coordinate c) {
        return px(c.x);
    }

    float py(Coordinate c) {
        return py(c.y);
    }

    /** The lon/lat the map shows, to leave out what falls outside it. */
    Envelope view() {
        double kx = Math.cos(Math.toRadians(lat0)) * METRES_PER_DEGREE;
        double halfW = width / 2 / pointsPerMetre, halfH = height / 2 / pointsPerMetre;
        return new Envelope(
                lon0 - halfW / kx,
                lon0 + halfW / kx,
                lat0 - halfH / METRES_PER_DEGREE,
                lat0 + halfH / METRES_PER_DEGREE);
    }

    boolean inside(float px, float py) {
        return px >= x && px <= x + width && py >= y && py <= y + height;
    }

    /** The map's scale as 1:N (a point is 1/72 inch). */
    long scaleDenominator() {
        return Math.round(1 / pointsPerMetre * 72 / 0.0254);
    }

    /** The longest round distance (1, 2 or 5 times a power of ten, in metres) at most {@code points} long. */
    double roundMetres(float points) {
        double m = points / pointsPerMetre;
        double p = Math.pow(10, Math.floor(Math.log10(m)));
        for (double f : new double[] {5, 2, 1}) if (f * p <= m) return f * p;
        return p;
    }
}
