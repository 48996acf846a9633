package org.gridatlas.tiles;

import org.locationtech.jts.geom.Envelope;

/** An XYZ tile (Web Mercator, y down from the north) and its bounds. */
public record TileId(int z, int x, int y) {
    static final double HALF_WORLD = 20037508.342789244;

    public TileId {
        if (z < 0 || z > 24) throw new IllegalArgumentException("zoom must be 0..24, got " + z);
        int n = 1 << z;
        if (x < 0 || x >= n || y < 0 || y >= n)
            throw new IllegalArgumentException("tile " + z + "/" + x + "/" + y + " does not exist");
    }

    /** Bounds in EPSG:3857 metres. */
    public Envelope mercator() {
        double size = 2 * HALF_WORLD / (1 << z);
        double minX = -HALF_WORLD + x * size, maxY = HALF_WORLD - y * size;
        return new Envelope(minX, minX + size, maxY - size, maxY);
    }

    /** Bounds in lon/lat. */
    public Envelope lonLat() {
        Envelope m = mercator();
        return new Envelope(
                WebMercator.lon(m.getMinX()),
                WebMercator.lon(m.getMaxX()),
                WebMercator.lat(m.getMinY()),
                WebMercator.lat(m.getMaxY()));
    }

    /** The tiles of zoom z that cover a lon/lat envelope. */
    public static java.util.List<TileId> covering(Envelope lonLat, int z) {
        int n = 1 << z;
        int x0 = clamp((int) Math.floor((lonLat.getMinX() + 180) / 360 * n), n),
                x1 = clamp((int) Math.floor((lonLat.getMaxX() + 180) / 360 * n), n);
        int y0 = clamp(row(lonLat.getMaxY(), n), n), y1 = clamp(row(lonLat.getMinY(), n), n);
        java.util.List<TileId> out = new java.util.ArrayList<>();
        for (int x = x0; x <= x1; x++) for (int y = y0; y <= y1; y++) out.add(new TileId(z, x, y));
        return out;
    }

    private static int row(double lat, int n) {
        double r = Math.toRadians(Math.max(-85.0511, Math.min(85.0511, lat)));
        return (int) Math.floor((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 * n);
    }

    private static int clamp(int v, int n) {
        return Math.max(0, Math.min(n - 1, v));
    }

    @Override
    public String toString() {
        return z + "/" + x + "/" + y;
    }
}
