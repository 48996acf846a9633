package org.gridatlas.engine.geom;

import java.util.Locale;
import org.gridatlas.engine.errors.InputException;

/**
 * The coordinate systems reports arrive in. WGS84 and CGCS2000 are taken as the same datum
 * (DATA.md). GCJ-02 is the obfuscated system Amap, Tencent and WeChat use inside China (a few
 * hundred metres off WGS84); BD-09 is Baidu's further shift of GCJ-02. Neither has an exact
 * closed-form inverse: inverses are found by fixed-point iteration to well under a millimetre.
 */
public enum ChinaCrs {
    WGS84,
    CGCS2000,
    GCJ02,
    BD09;

    private static final double A = 6378245.0;
    private static final double EE = 0.00669342162296594323;
    private static final double X_PI = Math.PI * 3000.0 / 180.0;

    public static ChinaCrs parse(String s) {
        if (s == null || s.isBlank()) return WGS84;
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT).replace("-", ""));
        } catch (IllegalArgumentException e) {
            throw new InputException("crs", "'" + s + "' is not one of wgs84, cgcs2000, gcj02 or bd09");
        }
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {lon, lat} in WGS84 for a point given in this system. */
    public double[] toWgs84(double lon, double lat) {
        return switch (this) {
            case WGS84, CGCS2000 -> new double[] {lon, lat};
            case GCJ02 -> gcjToWgs(lon, lat);
            case BD09 -> {
                double[] g = bdToGcj(lon, lat);
                yield gcjToWgs(g[0], g[1]);
            }
        };
    }

    /** {lon, lat} in this system for a WGS84 point. */
    public double[] fromWgs84(double lon, double lat) {
        return switch (this) {
            case WGS84, CGCS2000 -> new double[] {lon, lat};
            case GCJ02 -> wgsToGcj(lon, lat);
            case BD09 -> {
                double[] g = wgsToGcj(lon, lat);
                yield gcjToBd(g[0], g[1]);
            }
        };
    }

    /** A WGS84 geometry in this system: a moved copy, or the geometry itself where nothing moves (do not modify it). */
    public org.locationtech.jts.geom.Geometry fromWgs84(org.locationtech.jts.geom.Geometry wgs84) {
        if (this == WGS84 || this == CGCS2000) return wgs84;
        return Geoms.mapVertices(wgs84.copy(), (x, y, out) -> {
            double[] p = fromWgs84(x, y);
            out[0] = p[0];
            out[1] = p[1];
        });
    }

    static boolean outsideChina(double lon, double lat) {
        return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
    }

    static double[] wgsToGcj(double lon, double lat) {
        if (outsideChina(lon, lat)) return new double[] {lon, lat};
        double dLat = shiftLat(lon - 105.0, lat - 35.0);
        double dLon = shiftLon(lon - 105.0, lat - 35.0);
        double radLat = lat / 180.0 * Math.PI;
        double magic = Math.sin(radLat);
        magic = 1 - EE * magic * magic;
        double sqrtMagic = Math.sqrt(magic);
        dLat = (dLat * 180.0) / ((A * (1 - EE)) / (magic * sqrtMagic) * Math.PI);
        dLon = (dLon * 180.0) / (A / sqrtMagic * Math.cos(radLat) * Math.PI);
        return new double[] {lon + dLon, lat + dLat};
    }

    static double[] gcjToWgs(double lon, double lat) {
        if (outsideChina(lon, lat)) return new double[] {lon, lat};
        double wLon = lon, wLat = lat;
        for (int i = 0; i < 30; i++) {
            double[] g = wgsToGcj(wLon, wLat);
            double eLon = g[0] - lon, eLat = g[1] - lat;
            wLon -= eLon;
            wLat -= eLat;
            if (Math.abs(eLon) < 1e-10 && Math.abs(eLat) < 1e-10) break;
        }
        return new double[] {wLon, wLat};
    }

    static double[] gcjToBd(double lon, double lat) {
        double z = Math.sqrt(lon * lon + lat * lat) + 0.00002 * Math.sin(lat * X_PI);
        double theta = Math.atan2(lat, lon) + 0.000003 * Math.cos(lon * X_PI);
        return new double[] {z * Math.cos(theta) + 0.0065, z * Math.sin(theta) + 0.006};
    }

    /** The usual closed form is off by centimetres; refined by iteration against {@link #gcjToBd}. */
    static double[] bdToGcj(double lon, double lat) {
        double x = lon - 0.0065, y = lat - 0.006;
        double z = Math.sqrt(x * x + y * y) - 0.00002 * Math.sin(y * X_PI);
        double theta = Math.atan2(y, x) - 0.000003 * Math.cos(x * X_PI);
        double gLon = z * Math.cos(theta), gLat = z * Math.sin(theta);
        for (int i = 0; i < 10; i++) {
            double[] b = gcjToBd(gLon, gLat);
            gLon -= b[0] - lon;
            gLat -= b[1] - lat;
            if (Math.abs(b[0] - lon) < 1e-11 && Math.abs(b[1] - lat) < 1e-11) break;
        }
        return new double[] {gLon, gLat};
    }

    private static double shiftLat(double x, double y) {
        double r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
        r += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        r += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
        r += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        return r;
    }

    private static double shiftLon(double x, double y) {
        double r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
        r += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        r += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
        r += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        return r;
    }
}
