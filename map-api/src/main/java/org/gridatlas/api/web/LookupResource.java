package org.gridatlas.api.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.gridatlas.engine.geom.ChinaCrs;
import org.gridatlas.engine.lookup.PointInGridIndex;
import org.gridatlas.engine.model.Building;
import org.gridatlas.engine.model.Grid;

/**
 * /api/v1/lookup: which grid an incoming report's point lies in, with its whole hierarchy, the
 * other grids within a few metres, and outside coverage the nearest grid. Points may come in
 * WGS84/CGCS2000, GCJ-02 or BD-09. The batch form streams: each record is answered as it is read.
 */
final class LookupResource {
    static final double DEFAULT_NEAR_M = 10;
    private final Supplier<ServingState> state;

    LookupResource(Supplier<ServingState> state) {
        this.state = state;
    }

    /** The answer for one point, as JSON-ready map; a point outside the service area is refused. */
    static Map<String, Object> answer(ServingState s, double lon, double lat, ChinaCrs crs, double near) {
        double[] w = crs.toWgs84(lon, lat);
        if (!s.serviceArea.contains(w[0], w[1])) {
            String swapped = s.serviceArea.contains(lat, lon) ? " (lon and lat look swapped)" : "";
            throw new ApiError(422, "lon", String.format("point (%s, %s) is outside the service area%s", lon, lat, swapped));
        }
        PointInGridIndex.Lookup l = s.index.lookup(w[0], w[1], near);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("query", Map.of("lon", lon, "lat", lat, "crs", crs.wireName(), "wgs84", List.of(w[0], w[1])));
        m.put("grid", l.grid() == null ? null : GridsResource.properties(l.grid()));
        m.put("hierarchy", l.grid() == null ? null : s.hierarchy(l.grid()));
        m.put("on_boundary", l.onBoundary());
        List<Map<String, Object>> candidates = new ArrayList<>();
        for (PointInGridIndex.Candidate c : l.nearby()) candidates.add(Map.of("code", c.grid().code(), "distance_m", round(c.metres())));
        m.put("candidates", candidates);
        m.put("outside_coverage", l.outside());
        m.put("nearest", l.nearest() == null ? null : Map.of("code", l.nearest().code(), "distance_m", round(l.nearestMetres())));
        return m;
    }

    void one(Context ctx) {
        ServingState s = state.get();
        double near = ctx.queryParam("near") == null ? DEFAULT_NEAR_M : Params.number(ctx, "near");
        if (near < 0 || near > 1000) throw ApiError.badRequest("near", "near must be between 0 and 1000 metres");
        if (ctx.queryParam("building") != null) {
            ctx.json(byBuildings(s, List.of(building(s, ctx.queryParam("building")))));
            return;
        }
        if (ctx.queryParam("address") != null) {
            List<Building> found = s.buildingsByAddress.get(ctx.queryParam("address").trim());
            if (found == null) throw new ApiError(404, "address", "no building at address '" + ctx.queryParam("address") + "'");
            ctx.json(byBuildings(s, found));
            return;
        }
        ChinaCrs crs = Params.crs(ctx.queryParam("crs"));
        ctx.json(answer(s, Params.number(ctx, "lon"), Params.number(ctx, "lat"), crs, near));
    }

    private static Building building(ServingState s, String id) {
        Building b = s.buildings.get(id.trim());
        if (b == null) throw new ApiError(404, "building", "building " + id + " not found");
        return b;
    }

    private static Map<String, Object> byBuildings(ServingState s, List<Building> buildings) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Building b : buildings) {
            Grid g = s.grids.get(s.gridOfBuilding.get(b.id()));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("building", Map.of("id", b.id(), "households", b.households(), "address", String.valueOf(b.address())));
            m.put("grid", g == null ? null : GridsResource.properties(g));
            m.put("hierarchy", g == null ? null : s.hierarchy(g));
            out.add(m);
        }
        return Map.of("matches", out);
    }

    /** POST: text/csv (id,lon,lat), application/x-ndjson, or a GeoJSON FeatureCollection of points. */
    void batch(Context ctx) throws IOException {
        ServingState s = state.get();
        ChinaCrs crs = Params.crs(ctx.queryParam("crs"));
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase();
        if (type.startsWith("text/csv")) {
            ctx.contentType("text/csv; charset=utf-8");
            csv(s, crs, ctx);
        } else if (type.startsWith("application/x-ndjson")) {
            ctx.contentType("application/x-ndjson");
            ndjson(s, crs, ctx);
        } else if (type.startsWith("application/geo+json") || type.startsWith("application/json")) {
            ctx.contentType("application/x-ndjson");
            geojson(s, crs, ctx);
        } else {
            throw new ApiError(415, "Content-Type", "send text/csv (id,lon,lat), application/x-ndjson or application/geo+json, not '" + type + "'");
        }
    }

    private void csv(ServingState s, ChinaCrs crs, Context ctx) throws IOException {
        try (BufferedReader in = reader(ctx); Writer out = writer(ctx)) {
            String header = in.readLine();
            if (header == null || !header.trim().replace(" ", "").toLowerCase().startsWith("id,lon,lat")) {
                throw ApiError.badRequest("body", "CSV must start with the header id,lon,lat");
            }
            out.write("id,grid_code,community_code,street_code,on_boundary,candidates,nearest_code,nearest_m,error\n");
            int line = 1;
            for (String row = in.readLine(); row != null; row = in.readLine()) {
                line++;
                if (row.isBlank()) continue;
                String[] f = row.split(",", -1);
                String id = f[0].trim();
                try {
                    if (f.length < 3) throw ApiError.badRequest("body", "line " + line + ": expected id,lon,lat");
                    Map<String, Object> a = answer(s, Params.finite("lon", f[1]), Params.finite("lat", f[2]), crs, DEFAULT_NEAR_M);
                    out.write(csvRow(id, a));
                } catch (ApiError e) {
                    out.write(id + ",,,,,,,," + csvText(e.getMessage()) + "\n");
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static String csvRow(String id, Map<String, Object> a) {
        Map<String, Object> g = (Map<String, Object>) a.get("grid");
        Map<String, Object> n = (Map<String, Object>) a.get("nearest");
        StringBuilder cand = new StringBuilder();
        for (Map<String, Object> c : (List<Map<String, Object>>) a.get("candidates")) cand.append(cand.length() == 0 ? "" : " ").append(c.get("code"));
        return id + "," + (g == null ? "" : g.get("code")) + "," + (g == null ? "" : g.get("community_code")) + ","
                + (g == null ? "" : g.get("street_code")) + "," + a.get("on_boundary") + "," + cand + ","
                + (n == null ? "" : n.get("code")) + "," + (n == null ? "" : n.get("distance_m")) + ",\n";
    }

    private static String csvText(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    private void ndjson(ServingState s, ChinaCrs crs, Context ctx) throws IOException {
        try (BufferedReader in = reader(ctx); Writer out = writer(ctx)) {
            int line = 0;
            for (String row = in.readLine(); row != null; row = in.readLine()) {
                line++;
                if (row.isBlank()) continue;
                Object id = null;
                try {
                    JsonNode n;
                    try {
                        n = GeoJsonOut.JSON.readTree(row);
                    } catch (IOException e) {
                        throw ApiError.badRequest("body", "line " + line + " is not JSON");
                    }
                    id = n.hasNonNull("id") ? n.get("id").asText() : null;
                    out.write(record(s, id, n.path("lon"), n.path("lat"), n.hasNonNull("crs") ? Params.crs(n.get("crs").asText()) : crs));
                } catch (ApiError e) {
                    out.write(error(id, e));
                }
            }
        }
    }

    private void geojson(ServingState s, ChinaCrs crs, Context ctx) throws IOException {
        try (JsonParser p = GeoJsonOut.JSON.getFactory().createParser(ctx.bodyInputStream()); Writer out = writer(ctx)) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw ApiError.badRequest("body", "expected a GeoJSON FeatureCollection");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if (!"features".equals(field)) { p.skipChildren(); continue; }
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    JsonNode f = p.readValueAsTree();
                    Object id = f.hasNonNull("id") ? f.get("id").asText() : f.path("properties").path("id").asText(null);
                    JsonNode c = f.path("geometry").path("coordinates");
                    try {
                        if (!"Point".equals(f.path("geometry").path("type").asText())) throw ApiError.badRequest("geometry", "feature " + id + " is not a Point");
                        out.write(record(s, id, c.path(0), c.path(1), crs));
                    } catch (ApiError e) {
                        out.write(error(id, e));
                    }
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ApiError.badRequest("body", "malformed GeoJSON: " + e.getOriginalMessage());
        }
    }

    private static String record(ServingState s, Object id, JsonNode lon, JsonNode lat, ChinaCrs crs) throws IOException {
        if (!lon.isNumber()) throw ApiError.badRequest("lon", "lon must be a number");
        if (!lat.isNumber()) throw ApiError.badRequest("lat", "lat must be a number");
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("id", id);
        a.putAll(answer(s, lon.asDouble(), lat.asDouble(), crs, DEFAULT_NEAR_M));
        return GeoJsonOut.JSON.writeValueAsString(a) + "\n";
    }

    private static String error(Object id, ApiError e) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("error", Map.of("status", e.status(), "field", String.valueOf(e.field()), "message", e.getMessage()));
        return GeoJsonOut.JSON.writeValueAsString(m) + "\n";
    }

    private static BufferedReader reader(Context ctx) throws IOException {
        return new BufferedReader(new InputStreamReader(ctx.bodyInputStream(), StandardCharsets.UTF_8), 1 << 16);
    }

    private static Writer writer(Context ctx) throws IOException {
        return new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8), 1 << 16);
    }

    private static double round(double m) {
        return Math.round(m * 100) / 100.0;
    }
}
