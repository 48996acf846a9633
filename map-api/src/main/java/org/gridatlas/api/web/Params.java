package org.gridatlas.api.web;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeParseException;
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
            double d = Double.parseDouble(v.trim());
            if (!Double.isFinite(d)) throw ApiError.badRequest(name, name + " must be a finite number, got " + v);
            return d;
        } catch (NumberFormatException e) {
            throw ApiError.badRequest(name, name + " must be a number, got '" + v + "'");
        }
    }

    static int integer(Context ctx, String name, int dflt, int min, int max) {
        String v = ctx.queryParam(name);
        if (v == null) return dflt;
        try {
            int i = Integer.parseInt(v.trim());
            if (i < min || i > max) throw ApiError.badRequest(name, name + " must be between " + min + " and " + max + ", got " + i);
            return i;
        } catch (NumberFormatException e) {
            throw ApiError.badRequest(name, name + " must be an integer, got '" + v + "'");
        }
    }

    static Instant instant(String name, String v) {
        if (v == null) return null;
        try {
            return Instant.parse(v.trim());
        } catch (DateTimeParseException e) {
            throw ApiError.badRequest(name, name + " must be an ISO-8601 instant like 2026-11-23T08:00:00Z, got '" + v + "'");
        }
    }

    static ChinaCrs crs(String v) {
        try {
            return ChinaCrs.parse(v);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("crs", e.getMessage());
        }
    }
}
