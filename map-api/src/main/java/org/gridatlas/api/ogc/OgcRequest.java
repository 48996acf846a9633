package org.gridatlas.api.ogc;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.gridatlas.engine.errors.InputException;
import org.gridatlas.engine.geom.Geoms;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * The query parameters of an OGC request, read as OGC API Features states them: a parameter the
 * operation does not define is 400 (/req/core/query-param-unknown), and so is a value its schema does
 * not allow (/req/core/query-param-invalid), naming the parameter.
 */
final class OgcRequest {
    static final int DEFAULT_LIMIT = 10, MAX_LIMIT = 10_000;
    /** Far past any city's features, and far from overflowing offset + limit. */
    static final int MAX_OFFSET = 100_000_000;

    private static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z"),
            LATEST = Instant.parse("2200-01-01T00:00:00Z");
    /** Vertices along each side of a bbox given in a projected system, so that its outline in lon/lat is close. */
    private static final int BBOX_SIDE_POINTS = 16;

    private final Context ctx;

    /** The request, whose parameters must all be among {@code allowed}. */
    OgcRequest(Context ctx, Set<String> allowed) {
        this.ctx = ctx;
        for (String name : ctx.queryParamMap().keySet()) {
            if (!allowed.contains(name))
                throw new InputException(
                        name,
                        "unknown parameter; this operation takes "
                                + allowed.stream().sorted().toList());
        }
        for (var e : ctx.queryParamMap().entrySet()) {
            if (e.getValue().size() > 1) throw new InputException(e.getKey(), "given more than once");
        }
    }

    /** Whether the answer is HTML: asked by f=html, or (without f) by an Accept that names text/html before JSON. */
    boolean html() {
        String f = ctx.queryParam("f");
        if (f != null) {
            if (f.equals("html")) return true;
            if (f.equals("json")) return false;
            throw new InputException("f", "is json or html, got '" + shown(f) + "'");
        }
        String accept = ctx.header("Accept");
        if (accept == null) return false;
        int html = accept.indexOf("text/html"), json = accept.indexOf("json");
        return html >= 0 && (json < 0 || html < json);
    }

    int limit() {
        return integer("limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
    }

    int offset() {
        return integer("offset", 0, 0, MAX_OFFSET);
    }

    private int integer(String name, int dflt, int min, int max) {
        String v = ctx.queryParam(name);
        if (v == null) return dflt;
        try {
            int i = Integer.parseInt(v.strip());
            if (i < min || i > max)
                throw new InputException(name, "must be between " + min + " and " + max + ", got " + i);
            return i;
        } catch (NumberFormatException e) {
            throw new InputException(name, "must be an integer, got '" + shown(v) + "'");
        }
    }

    OgcCrs crs() {
        return OgcCrs.parse("crs", ctx.queryParam("crs"));
    }

    /**
     * The bbox as an area in lon/lat, or null: four or six numbers (heights are ignored) in the axis
     * order of bbox-crs (CRS84 when absent). A geographic box whose west edge lies east of its east
     * edge crosses the antimeridian.
     */
    Geometry bbox() {
        String v = ctx.queryParam("bbox");
        String crsName = ctx.queryParam("bbox-crs");
        if (v == null) {
            if (crsName != null) throw new InputException("bbox-crs", "is given without bbox");
            return null;
        }
        OgcCrs crs = OgcCrs.parse("bbox-crs", crsName);
        String[] p = v.split(",", -1);
        if (p.length != 4 && p.length != 6)
            throw new InputException("bbox", "takes four or six numbers, got '" + shown(v) + "'");
        double[] d = new double[p.length];
        for (int i = 0; i < p.length; i++) d[i] = number("bbox", p[i]);
        int half = p.length / 2;
        // lower corner (a0, a1), upper corner (b0, b1), in the system's axis order
        double a0 = d[0], a1 = d[1], b0 = d[half], b1 = d[half + 1];
        int lonAxis = crs.projected() ? -1 : crs.eastingFirst() ? 0 : 1;
        if ((lonAxis != 0 && a0 > b0) || (lonAxis != 1 && a1 > b1))
            throw new InputException("bbox", "lower corner exceeds its upper corner: '" + shown(v) + "'");
        if (lonAxis == 0 && a0 > b0)
            return Geoms.LONLAT.createMultiPolygon(
                    new Polygon[] {box(crs, a0, a1, 180, b1), box(crs, -180, a1, b0, b1)});
        if (lonAxis == 1 && a1 > b1)
            return Geoms.LONLAT.createMultiPolygon(
                    new Polygon[] {box(crs, a0, a1, b0, 180), box(crs, a0, -180, b0, b1)});
        return box(crs, a0, a1, b0, b1);
    }

    /** The rectangle [a0, b0] × [a1, b1] of {@code crs} as a polygon in lon/lat. */
    private static Polygon box(OgcCrs crs, double a0, double a1, double b0, double b1) {
        List<Coordinate> ring = new ArrayList<>();
        double[][] corners = {{a0, a1}, {b0, a1}, {b0, b1}, {a0, b1}};
        for (int c = 0; c < 4; c++) {
            double[] from = corners[c], to = corners[(c + 1) % 4];
            for (int i = 0; i < BBOX_SIDE_POINTS; i++) {
                double t = (double) i / BBOX_SIDE_POINTS;
                ring.add(new Coordinate(from[0] + (to[0] - from[0]) * t, from[1] + (to[1] - from[1]) * t));
            }
        }
        ring.add(new Coordinate(a0, a1));
        Polygon p = Geoms.LONLAT.createPolygon(ring.toArray(Coordinate[]::new));
        return (Polygon) crs.toLonLat(p);
    }

    /**
     * The datetime parameter as [from, to] (null ends are open), or null when not given: an instant
     * or a date (the whole day, UTC), or an interval of two with ".." or nothing for an open end.
     */
    Instant[] datetime() {
        String v = ctx.queryParam("datetime");
        if (v == null) return null;
        String[] p = v.split("/", -1);
        if (p.length > 2)
            throw new InputException("datetime", "is one time or an interval a/b, got '" + shown(v) + "'");
        if (p.length == 1) {
            Instant[] one = time(p[0], true);
            return new Instant[] {one[0], one[1]};
        }
        Instant from = open(p[0]) ? null : time(p[0], false)[0];
        Instant to = open(p[1]) ? null : time(p[1], false)[1];
        if (from == null && to == null && p[0].equals("..") && p[1].equals(".."))
            throw new InputException("datetime", "'../..' leaves both ends open");
        if (from != null && to != null && from.isAfter(to))
            throw new InputException("datetime", "starts after it ends: '" + shown(v) + "'");
        return new Instant[] {from, to};
    }

    private static boolean open(String end) {
        return end.isEmpty() || end.equals("..");
    }

    /** A date-time (from = to) or a date (its first and last instant, UTC), kept within 1900–2200. */
    private static Instant[] time(String v, boolean single) {
        try {
            if (v.length() == 10) {
                LocalDate d = LocalDate.parse(v);
                return new Instant[] {
                    clamp(d.atStartOfDay(ZoneOffset.UTC).toInstant()),
                    clamp(d.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1))
                };
            }
            Instant t = clamp(OffsetDateTime.parse(v).toInstant());
            return new Instant[] {t, t};
        } catch (DateTimeParseException e) {
            throw new InputException(
                    "datetime",
                    "takes RFC 3339 times like 2026-11-23T08:00:00Z or dates like 2026-11-23"
                            + (single ? "" : ", '..' for an open end") + ", got '" + shown(v) + "'");
        }
    }

    private static double number(String name, String v) {
        try {
            double d = Double.parseDouble(v.strip());
            if (Double.isFinite(d)) return d;
        } catch (NumberFormatException e) {
            // said below
        }
        throw new InputException(name, "takes finite numbers, got '" + shown(v) + "'");
    }

    /** A value quoted back in a message: cut short, so an answer never echoes a large input. */
    static String shown(String v) {
        return v.length() <= 60 ? v : v.substring(0, 60) + "…";
    }

    private static Instant clamp(Instant t) {
        return t.isBefore(EARLIEST) ? EARLIEST : t.isAfter(LATEST) ? LATEST : t;
    }
}
