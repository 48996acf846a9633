package org.gridatlas.api.web;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.gridatlas.api.serving.AddressLookup;
import org.gridatlas.engine.errors.InputException;
import org.gridatlas.engine.geom.ChinaCrs;

/** Query parameters read strictly: a bad value is a 400 naming the parameter. */
final class Params {
    private Params() {}

    static double number(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null) throw ApiError.badRequest(name, "missing " + name);
        return finite(name, v);
    }

    static double finite(String name, String v) {
        try {
            double d = ch.randelshofer.fastdoubleparser.JavaDoubleParser.parseDouble(v.trim());
            if (!Double.isFinite(d))
                throw ApiError.badRequest(name, name + " must be a finite number, got " + shown(v));
            return d;
        } catch (NumberFormatException e) {
            throw ApiError.badRequest(name, name + " must be a number, got '" + shown(v) + "'");
        }
    }

    static int integer(Context ctx, String name, int dflt, int min, int max) {
        String v = ctx.queryParam(name);
        if (v == null) return dflt;
        try {
            int i = Integer.parseInt(v.trim());
            if (i < min || i > max)
                throw ApiError.badRequest(name, name + " must be between " + min + " and " + max + ", got " + i);
            return i;
        } catch (NumberFormatException e) {
            throw ApiError.badRequest(name, name + " must be an integer, got '" + shown(v) + "'");
        }
    }

    /** The times a governance record can carry; outside them a value is a typo or an attack, and no store need agree on it. */
    static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");

    static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");

    static Instant instant(String name, String v) {
        if (v == null) return null;
        Instant t;
        try {
            t = Instant.parse(v.trim());
        } catch (DateTimeParseException e) {
            throw ApiError.badRequest(
                    name, name + " must be an ISO-8601 instant like 2026-11-23T08:00:00Z, got '" + shown(v) + "'");
        }
        if (t.isBefore(EARLIEST) || !t.isBefore(LATEST))
            throw ApiError.badRequest(
                    name, name + " must lie between " + EARLIEST + " and " + LATEST + ", got " + shown(v));
        return t;
    }

    /**
     * Text a person typed: at most {@code max} characters and no control characters but tab and line
     * breaks (a NUL cannot be stored in PostgreSQL text; the GeoPackage would take it, and the stores must agree).
     */
    static String plainText(String name, String v, int max) {
        if (v.length() > max) throw ApiError.badRequest(name, name + " longer than " + max + " characters");
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                throw ApiError.badRequest(
                        name,
                        name + " contains the control character U+" + String.format("%04X", (int) c) + " at position "
                                + i);
            }
            // half of a surrogate pair is no character: a store would keep it as '?'
            if (Character.isHighSurrogate(c) && i + 1 < v.length() && Character.isLowSurrogate(v.charAt(i + 1))) i++;
            else if (Character.isSurrogate(c))
                throw ApiError.badRequest(
                        name,
                        name + " contains half of a surrogate pair (U+" + String.format("%04X", (int) c)
                                + ") at position " + i);
        }
        return v;
    }

    /** One CSV record of a request body (RFC 4180 quoting); a quote left open is refused naming the line. */
    static String[] csvFields(String row, int line) {
        try {
            return org.gridatlas.engine.io.CsvLayers.fields(row).toArray(String[]::new);
        } catch (InputException e) {
            throw ApiError.badRequest("body", "line " + line + ": " + e.getMessage());
        }
    }

    /** A free-text address: plain text of at most {@link AddressLookup#MAX_ADDRESS} characters. */
    static String address(String v) {
        return plainText("address", v, AddressLookup.MAX_ADDRESS);
    }

    /** A value quoted back in a message: cut short, so an answer never echoes a large input. */
    static String shown(String v) {
        return v.length() <= 60 ? v : v.substring(0, 60) + "…";
    }

    /** An export's coordinate system, EPSG:n; null (lon/lat) when not given. */
    static org.gridatlas.engine.io.InputCrs epsg(String v) {
        if (v == null || v.isBlank()) return null;
        return org.gridatlas.engine.io.InputCrs.of(v, null);
    }

    static ChinaCrs crs(String v) {
        try {
            return ChinaCrs.parse(v);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("crs", e.getMessage());
        }
    }
}
