package org.gridatlas.api.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.gridatlas.api.serving.AddressAnswers;
import org.gridatlas.api.serving.AddressLookup;
import org.gridatlas.api.serving.AppealRouting;
import org.gridatlas.api.serving.FeatureCatalog;
import org.gridatlas.api.serving.Json;
import org.gridatlas.api.serving.PointLookup;
import org.gridatlas.api.serving.ServingState;
import org.gridatlas.engine.geom.ChinaCrs;
import org.gridatlas.engine.io.CsvLayers;
import org.gridatlas.engine.lookup.GridLocator;
import org.gridatlas.engine.model.Building;
import org.gridatlas.engine.model.Grid;

/**
 * /api/v1/lookup: which grid an incoming report's point lies in, with its whole hierarchy, the
 * other grids within a few metres, and outside coverage the nearest grid. Points may come in
 * WGS84/CGCS2000, GCJ-02 or BD-09. The batch form streams: each record is answered as it is read.
 */
final class LookupResource {
    private final Supplier<ServingState> state;
    private final AppealRouting routing;

    LookupResource(Supplier<ServingState> state, AppealRouting routing) {
        this.routing = routing;
        this.state = state;
    }

    /** The full answer for one point, as a JSON-ready map with the whole hierarchy. */
    static LookupAnswers.Point answer(ServingState s, double lon, double lat, ChinaCrs crs, double near) {
        return LookupAnswers.point(s, PointLookup.resolve(s, lon, lat, crs, near));
    }

    void one(Context ctx) {
        ServingState s = state.get();
        double near = ctx.queryParam("near") == null ? PointLookup.DEFAULT_NEAR_M : Params.number(ctx, "near");
        if (near < 0 || near > 1000) throw ApiError.badRequest("near", "near must be between 0 and 1000 metres");
        if (ctx.queryParam("building") != null) {
            ctx.json(byBuildings(s, List.of(building(s, ctx.queryParam("building")))));
            return;
        }
        if (ctx.queryParam("address") != null) {
            ctx.json(byAddress(s, ctx));
            return;
        }
        ChinaCrs crs = Params.crs(ctx.queryParam("crs"));
        LookupAnswers.Point answer = answer(s, Params.number(ctx, "lon"), Params.number(ctx, "lat"), crs, near);
        String category = ctx.queryParam("category");
        if (category == null) {
            ctx.json(answer);
            return;
        }
        // an appeal's lookup: the grid, and who answers this category there
        Params.plainText("category", category, 40);
        com.fasterxml.jackson.databind.node.ObjectNode out = Json.MAPPER.valueToTree(answer);
        out.set(
                "responsible",
                Json.MAPPER.valueToTree(routing.responsible(
                        s, answer.grid() == null ? null : (String) answer.grid().get("code"), category)));
        ctx.json(out);
    }

    /** ?address=, and with lon and lat too: the address's match, and the point's grid deciding inside coverage. */
    private static Map<String, Object> byAddress(ServingState s, Context ctx) {
        String address = ctx.queryParam("address");
        boolean point = ctx.queryParam("lon") != null || ctx.queryParam("lat") != null;
        ChinaCrs crs = Params.crs(ctx.queryParam("crs"));
        AddressLookup l = AddressLookup.of(
                s,
                Params.address(address),
                point ? Params.number(ctx, "lon") : null,
                point ? Params.number(ctx, "lat") : null,
                crs);
        Map<String, Object> out = AddressAnswers.answer(s, address, l.match());
        if (point) {
            out.put("point", LookupAnswers.point(s, l.point()));
            out.put("decided_by", l.decidedBy());
            out.put("grid_code", l.gridCode());
            out.put("disagreement", l.disagreement());
        }
        return out;
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
            // the five-level chain street – community – grid – building – unit
            Map<String, Object> building = new LinkedHashMap<>();
            building.put("id", b.id());
            building.put("households", b.households());
            AddressAnswers.putAddress(building, b.address());
            building.put("units", b.units());
            m.put("building", building);
            m.put("grid", g == null ? null : FeatureCatalog.grid(g));
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
            throw new ApiError(
                    415,
                    "Content-Type",
                    "send text/csv (id,lon,lat), application/x-ndjson or application/geo+json, not '" + type + "'");
        }
    }

    private void csv(ServingState s, ChinaCrs crs, Context ctx) throws IOException {
        try (LineReader in = RequestBodies.lines(ctx, RequestBodies.BATCH, RequestBodies.BATCH_LINE)) {
            String header;
            try {
                header = in.next();
            } catch (LineReader.TooLong e) {
                throw new ApiError(413, "body", "the header " + e.getMessage());
            }
            String columns =
                    header == null ? "" : header.trim().replace(" ", "").toLowerCase();
            if (columns.startsWith("\uFEFF")) columns = columns.substring(1);
            if (columns.startsWith("id,address")) {
                addressCsv(s, crs, in, columns, ctx);
                return;
            }
            if (!columns.startsWith("id,lon,lat")) {
                throw ApiError.badRequest(
                        "body",
                        "CSV must start with the header id,lon,lat (points) or id,address (addresses, optionally then lon,lat)");
            }
            try (Writer out = writer(ctx)) {
                out.write(
                        "id,grid_code,community_code,street_code,on_boundary,candidates,nearest_code,nearest_m,error\n");
                // the reading thread only reads lines: splitting and parsing run with the lookups, on every core
                inChunks(
                        in,
                        out,
                        (row, at) -> row.isBlank()
                                ? ""
                                : (Supplier<String>) () -> {
                                    String[] f;
                                    try {
                                        f = Params.csvFields(row, at);
                                    } catch (ApiError e) {
                                        return ",,,,,,,," + csvText(e.getMessage()) + "\n";
                                    }
                                    String id = csvId(f[0].trim());
                                    try {
                                        if (f.length < 3)
                                            throw ApiError.badRequest("body", "line " + at + ": expected id,lon,lat");
                                        return csvRow(
                                                id,
                                                PointLookup.resolve(
                                                                s,
                                                                Params.finite("lon", f[1]),
                                                                Params.finite("lat", f[2]),
                                                                crs,
                                                                PointLookup.DEFAULT_NEAR_M)
                                                        .lookup());
                                    } catch (RuntimeException e) {
                                        return id + ",,,,,,,,"
                                                + csvText(
                                                        ErrorMapping.ofRecord(e).getMessage()) + "\n";
                                    }
                                },
                        (at, why) -> ",,,,,,,," + csvText(why) + "\n");
            }
        }
    }

    /** CSV records id,address[,lon,lat] (fields quoted as RFC 4180 allows): each address matched, the point deciding when given. */
    private static void addressCsv(ServingState s, ChinaCrs crs, LineReader in, String header, Context ctx)
            throws IOException {
        boolean withPoint = header.startsWith("id,address,lon,lat");
        try (Writer out = writer(ctx)) {
            out.write(withPoint ? AddressAnswers.csvHeader("decided_by", "disagreement") : AddressAnswers.csvHeader());
            String empty = withPoint ? ",,,,,,,,,," : ",,,,,,,,";
            inChunks(
                    in,
                    out,
                    (row, at) -> row.isBlank()
                            ? ""
                            : (Supplier<String>) () -> {
                                List<String> f;
                                try {
                                    f = List.of(Params.csvFields(row, at));
                                } catch (ApiError e) {
                                    return empty + csvText(e.getMessage()) + "\n";
                                }
                                String id = csvId(f.get(0).trim());
                                try {
                                    if (f.size() < 2)
                                        throw ApiError.badRequest("body", "line " + at + ": expected id,address");
                                    boolean point = withPoint
                                            && f.size() >= 4
                                            && !f.get(2).isBlank()
                                            && !f.get(3).isBlank();
                                    AddressLookup l = AddressLookup.of(
                                            s,
                                            Params.address(f.get(1)),
                                            point ? Params.finite("lon", f.get(2)) : null,
                                            point ? Params.finite("lat", f.get(3)) : null,
                                            crs);
                                    return withPoint
                                            ? AddressAnswers.csvRow(
                                                    id, l.gridCode(), l.match(), l.decidedBy(), l.disagreement())
                                            : AddressAnswers.csvRow(id, l.gridCode(), l.match());
                                } catch (RuntimeException e) {
                                    return id + empty
                                            + csvText(ErrorMapping.ofRecord(e).getMessage()) + "\n";
                                }
                            },
                    (at, why) -> empty + csvText(why) + "\n");
        }
    }

    /** An id as it goes back out: through the one CSV cell writer (quoted, a formula neutralised). */
    private static String csvId(String id) {
        return CsvLayers.quoted(id);
    }

    /**
     * How many records are read ahead and answered in parallel; answers keep the input's order. With
     * the record limit this bounds a batch's memory (three chunks of 1,024 lines of at most 1 KB, kept
     * as text until answered: a few MB), and the cap on batches at once bounds them all.
     */
    private static final int CHUNK = 1024;

    /** One input line (with its number) turned into a ready answer (a String) or a task (a Supplier) answered in parallel. */
    private interface LineTask {
        Object apply(String row, int line);
    }

    /** The answer for a line that cannot be read (too long, or the body ends over its limit). */
    private interface Unreadable {
        String answer(int line, String why);
    }

    /**
     * A reader thread reads lines and turns each into a task (or a ready answer), a chunk at a time;
     * this thread answers each chunk on every core while the next one is read, and writes the answers
     * in input order. At most three chunks are in memory, each bounded by the chunk size and the line
     * limit. A line over the limit is answered with an error and skipped; a body over its limit ends
     * the answer with an error line (the status has long been sent).
     */
    private static void inChunks(LineReader in, Writer out, LineTask task, Unreadable unreadable) throws IOException {
        java.util.concurrent.BlockingQueue<List<Object>> chunks = new java.util.concurrent.ArrayBlockingQueue<>(2);
        List<Object> end = new ArrayList<>(0);
        java.util.concurrent.atomic.AtomicReference<Throwable> failed =
                new java.util.concurrent.atomic.AtomicReference<>();
        Thread reader = new Thread(
                () -> {
                    try {
                        boolean done = false;
                        while (!done) {
                            List<Object> chunk = new ArrayList<>(CHUNK);
                            while (chunk.size() < CHUNK && !done) {
                                try {
                                    String row = in.next();
                                    if (row == null) done = true;
                                    else chunk.add(task.apply(row, in.line()));
                                } catch (LineReader.TooLong e) {
                                    chunk.add(unreadable.answer(e.line, e.getMessage()));
                                } catch (ApiError e) {
                                    chunk.add(unreadable.answer(in.line() + 1, e.getMessage()));
                                    done = true;
                                }
                            }
                            if (!chunk.isEmpty()) chunks.put(chunk);
                        }
                    } catch (InterruptedException e) {
                        return; // the answer was abandoned
                    } catch (IOException | RuntimeException | Error e) {
                        failed.set(e);
                    }
                    try {
                        chunks.put(end); // always: the answering side waits for it
                    } catch (InterruptedException e) {
                        // the answer was abandoned
                    }
                },
                "gridatlas-batch-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            for (List<Object> chunk = chunks.take(); chunk != end; chunk = chunks.take()) write(out, answers(chunk));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while answering a batch", e);
        } finally {
            reader.interrupt();
        }
        Throwable t = failed.get();
        if (t instanceof IOException io) throw io;
        if (t instanceof RuntimeException r) throw r;
        if (t instanceof Error err) throw err;
    }

    private static String[] answers(List<Object> chunk) {
        String[] answers = new String[chunk.size()];
        java.util.stream.IntStream.range(0, chunk.size())
                .parallel()
                .forEach(i -> answers[i] = chunk.get(i) instanceof String str
                        ? str
                        : ((Supplier<?>) chunk.get(i)).get().toString());
        return answers;
    }

    private static void write(Writer out, String[] answers) throws IOException {
        for (String a : answers) out.write(a);
    }

    private static String csvRow(String id, GridLocator.Lookup l) {
        StringBuilder sb = new StringBuilder(96).append(id).append(',');
        Grid g = l.grid();
        if (g != null)
            sb.append(g.code())
                    .append(',')
                    .append(g.communityCode())
                    .append(',')
                    .append(g.streetCode());
        else sb.append(",,");
        sb.append(',').append(l.onBoundary()).append(',');
        for (int i = 0; i < l.nearby().size(); i++)
            sb.append(i == 0 ? "" : " ").append(l.nearby().get(i).grid().code());
        sb.append(',');
        if (l.nearest() != null) sb.append(l.nearest().code()).append(',').append(round(l.nearestMetres()));
        else sb.append(',');
        return sb.append(",\n").toString();
    }

    private static String csvText(String s) {
        return CsvLayers.quoted(s);
    }

    private void ndjson(ServingState s, ChinaCrs crs, Context ctx) throws IOException {
        try (LineReader in = RequestBodies.lines(ctx, RequestBodies.BATCH, RequestBodies.BATCH_LINE);
                Writer out = writer(ctx)) {
            inChunks(
                    in,
                    out,
                    // parsed with its answer, not ahead of it: a parsed tree is many times the line's size
                    (row, line) -> row.isBlank() ? "" : (Supplier<String>) () -> ndjsonRecord(s, crs, row, line),
                    (line, why) -> error(null, new ApiError(413, "body", why)));
        }
    }

    /** One NDJSON record answered: its answer line, or its own error line. */
    private static String ndjsonRecord(ServingState s, ChinaCrs crs, String row, int line) {
        JsonNode n;
        try {
            n = RequestBodies.JSON.readTree(row);
        } catch (IOException e) {
            return error(null, ApiError.badRequest("body", "line " + line + " is not JSON"));
        }
        Object id = n.hasNonNull("id") ? n.get("id").asText() : null;
        try {
            ChinaCrs from = n.hasNonNull("crs") ? Params.crs(n.get("crs").asText()) : crs;
            if (n.has("address")) return addressRecord(s, id, n, from);
            return record(s, id, n.path("lon"), n.path("lat"), from);
        } catch (RuntimeException e) {
            return error(id, ErrorMapping.ofRecord(e));
        }
    }

    private void geojson(ServingState s, ChinaCrs crs, Context ctx) throws IOException {
        BoundedInput body = RequestBodies.records(ctx, RequestBodies.BATCH, RequestBodies.BATCH_FEATURE, "feature");
        try (JsonParser p = RequestBodies.JSON.getFactory().createParser(body);
                Writer out = writer(ctx)) {
            try {
                if (p.nextToken() != JsonToken.START_OBJECT)
                    throw ApiError.badRequest("body", "expected a GeoJSON FeatureCollection");
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    p.nextToken();
                    if (!"features".equals(field)) {
                        p.skipChildren();
                        continue;
                    }
                    body.startRecord();
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        JsonNode f = p.readValueAsTree();
                        body.startRecord();
                        Object id = f.hasNonNull("id")
                                ? f.get("id").asText()
                                : f.path("properties").path("id").asText(null);
                        JsonNode c = f.path("geometry").path("coordinates");
                        try {
                            if (!"Point".equals(f.path("geometry").path("type").asText()))
                                throw ApiError.badRequest("geometry", "feature " + id + " is not a Point");
                            out.write(record(s, id, c.path(0), c.path(1), crs));
                        } catch (RuntimeException e) {
                            out.write(error(id, ErrorMapping.ofRecord(e)));
                        }
                    }
                }
            } catch (ApiError e) {
                // over a limit after answers went out: the last line says why the answer ends there
                out.write(error(null, e));
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ApiError.badRequest("body", "malformed GeoJSON: " + e.getOriginalMessage());
        }
    }

    /** One NDJSON answer line for {"id","address"} (with "lon","lat" the point decides inside coverage). */
    private static String addressRecord(ServingState s, Object id, JsonNode n, ChinaCrs crs) {
        if (!n.get("address").isTextual()) throw ApiError.badRequest("address", "address must be a string");
        boolean point = n.hasNonNull("lon") || n.hasNonNull("lat");
        if (point && (!n.path("lon").isNumber() || !n.path("lat").isNumber()))
            throw ApiError.badRequest("lon", "lon and lat must be numbers");
        AddressLookup l = AddressLookup.of(
                s,
                Params.address(n.get("address").asText()),
                point ? n.get("lon").asDouble() : null,
                point ? n.get("lat").asDouble() : null,
                crs);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.putAll(AddressAnswers.summary(l.match()));
        if (point) {
            m.put("grid_code", l.gridCode());
            m.put("decided_by", l.decidedBy());
            m.put("disagreement", l.disagreement());
        }
        try {
            return Json.MAPPER.writeValueAsString(m) + "\n";
        } catch (IOException x) {
            throw new java.io.UncheckedIOException(x);
        }
    }

    /** One batch answer line: the grid and its community and street codes, candidates, nearest grid outside coverage. */
    private static String record(ServingState s, Object id, JsonNode lon, JsonNode lat, ChinaCrs crs) {
        if (!lon.isNumber()) throw ApiError.badRequest("lon", "lon must be a number");
        if (!lat.isNumber()) throw ApiError.badRequest("lat", "lat must be a number");
        GridLocator.Lookup l = PointLookup.resolve(s, lon.asDouble(), lat.asDouble(), crs, PointLookup.DEFAULT_NEAR_M)
                .lookup();
        return Json.write(LookupAnswers.line(id, l)) + "\n";
    }

    private static String error(Object id, ApiError e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("status", e.status());
        error.put("field", String.valueOf(e.field()));
        error.put("message", e.getMessage());
        m.put("error", error);
        try {
            return Json.MAPPER.writeValueAsString(m) + "\n";
        } catch (IOException x) {
            throw new java.io.UncheckedIOException(x);
        }
    }

    private static Writer writer(Context ctx) throws IOException {
        return new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8), 1 << 16);
    }

    private static double round(double m) {
        return Math.round(m * 100) / 100.0;
    }
}
