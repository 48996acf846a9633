package org.gridatlas.api.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.gridatlas.api.serving.AddressAnswers;
import org.gridatlas.api.serving.AddressLookup;
import org.gridatlas.api.serving.AppealRouting;
import org.gridatlas.api.serving.Json;
import org.gridatlas.api.serving.NotFound;
import org.gridatlas.api.serving.PointLookup;
import org.gridatlas.api.serving.ReportDeadlines;
import org.gridatlas.api.serving.ReportDesk;
import org.gridatlas.api.serving.ReportSummaries;
import org.gridatlas.api.serving.ReportWindow;
import org.gridatlas.api.serving.ServingState;
import org.gridatlas.engine.geom.ChinaCrs;
import org.gridatlas.engine.model.Grid;
import org.gridatlas.store.AccessStore;
import org.gridatlas.store.AuditEntry;
import org.gridatlas.store.Report;
import org.gridatlas.store.ReportSource;
import org.gridatlas.store.ReportStatus;
import org.gridatlas.store.ReportStore;

/**
 * /api/v1/reports: citizen reports stored with the grid they happened in, listed per grid and
 * time, counted per grid for the big screen, and pushed live to every /reports/stream client.
 */
final class ReportsResource implements ReportDesk {
    private final Supplier<ServingState> state;
    private final ReportStore store;
    private final AccessStore audit;
    private final ReportDeadlines deadlines;
    /** Who answers a report: the people of its category's department on its grid. */
    private final AppealRouting routing;
    /** The last days' reports in memory, for the summaries and the overdue list. */
    private final ReportWindow window;

    private final LiveStreams streams;
    private final java.util.function.Consumer<Report> onReport;
    /** The summaries' window in memory: two weeks, for this week against the last. */
    static final Duration WINDOW = Duration.ofDays(15);
    /**
     * However many reports the two weeks bring, the window keeps at most these (the newest, texts
     * and all: the overdue list answers them): past it the store answers the summaries.
     */
    static final int MAX_WINDOW = 100_000;
    /**
     * Heap allowed per report in the window: a report with the longest text (2,000 CJK characters)
     * holds about 5 KB, so a small heap gets a smaller window rather than a crash at start-up.
     */
    static final long HEAP_PER_REPORT = 12 * 1024;
    /** How far ahead of our clock a report's time may be (clocks differ a little; a report from 2199 is no report). */
    static final Duration AHEAD = Duration.ofMinutes(5);

    ReportsResource(
            Supplier<ServingState> state,
            ReportStore store,
            AccessStore audit,
            ReportDeadlines deadlines,
            java.util.function.Consumer<Report> onReport,
            AppealRouting routing,
            int streamBacklog) {
        this.streams = new LiveStreams(streamBacklog);
        this.routing = routing;
        this.state = state;
        this.store = store;
        this.audit = audit;
        this.deadlines = deadlines;
        this.window = new ReportWindow(
                store, WINDOW, windowCap(Runtime.getRuntime().maxMemory()), java.time.Clock.systemUTC());
        this.onReport = onReport;
    }

    void create(Context ctx) throws IOException {
        JsonNode body = RequestBodies.object(ctx, RequestBodies.REPORT_JSON);
        String id = text(body, "id", true, 100);
        String category = text(body, "category", true, 100);
        String text = text(body, "text", false, 2000);
        Instant time = body.hasNonNull("time")
                ? Params.instant("time", body.get("time").asText())
                : Instant.now();
        if (time.isAfter(Instant.now().plus(AHEAD)))
            throw ApiError.badRequest(
                    "time",
                    "time lies more than " + AHEAD.toMinutes() + " minutes ahead of the server's clock: " + time);
        ChinaCrs crs = body.hasNonNull("crs") ? Params.crs(body.get("crs").asText()) : ChinaCrs.WGS84;
        ReportSource source = source(body);
        Map<String, Object> received;
        if (body.hasNonNull("address")) {
            String address = Params.address(text(body, "address", true, AddressLookup.MAX_ADDRESS));
            boolean point = body.hasNonNull("lon") || body.hasNonNull("lat");
            received = atAddress(
                    id,
                    time,
                    category,
                    text,
                    source,
                    address,
                    point ? coordinate(body, "lon") : null,
                    point ? coordinate(body, "lat") : null,
                    crs);
        } else {
            received = atPoint(id, time, category, text, source, coordinate(body, "lon"), coordinate(body, "lat"), crs);
        }
        if (received == null) throw new ApiError(409, "id", "report " + id + " was already received");
        ctx.status(201).json(received);
    }

    @Override
    public boolean receiveAtPoint(
            String id, Instant time, String category, String text, ReportSource source, double lon, double lat) {
        return atPoint(id, time, category, text, source, lon, lat, ChinaCrs.WGS84) != null;
    }

    @Override
    public boolean receiveAtAddress(
            String id, Instant time, String category, String text, ReportSource source, String address) {
        return atAddress(id, time, category, text, source, address, null, null, ChinaCrs.WGS84) != null;
    }

    /** A report at a point: stored with its grid and published; null when its id was taken. */
    private Map<String, Object> atPoint(
            String id,
            Instant time,
            String category,
            String text,
            ReportSource source,
            double lon,
            double lat,
            ChinaCrs crs) {
        ServingState s = state.get();
        PointLookup.Resolved where = PointLookup.resolve(s, lon, lat, crs, PointLookup.DEFAULT_NEAR_M);
        Grid grid = where.lookup().grid();
        Instant received = Instant.now();
        Report r = new Report(
                id,
                time,
                category,
                where.wgsLon(),
                where.wgsLat(),
                crs.wireName(),
                text,
                grid == null ? null : grid.code(),
                received,
                null,
                null,
                source,
                ReportStatus.RECEIVED,
                received,
                false);
        return store.addReport(r) ? publish(r, s, where.lookup().outside()) : null;
    }

    /**
     * A report with an address (and perhaps a point too): stored with the grid that decided, the
     * match, and a point — its own, or the matched building's — so that it shows on the map; null
     * when its id was taken.
     */
    private Map<String, Object> atAddress(
            String id,
            Instant time,
            String category,
            String text,
            ReportSource source,
            String address,
            Double pointLon,
            Double pointLat,
            ChinaCrs crs) {
        ServingState s = state.get();
        AddressLookup l = AddressLookup.of(s, address, pointLon, pointLat, crs);
        Double lon = null, lat = null;
        if (l.point() != null) {
            lon = l.point().wgsLon();
            lat = l.point().wgsLat();
        } else if (l.match().buildingId() != null) {
            org.locationtech.jts.geom.Point at =
                    s.buildings.get(l.match().buildingId()).geometry().getInteriorPoint();
            lon = at.getX();
            lat = at.getY();
        }
        Map<String, Object> match = AddressAnswers.summary(l.match());
        match.put("decided_by", l.decidedBy());
        match.put("disagreement", l.disagreement());
        String matchJson;
        try {
            matchJson = Json.MAPPER.writeValueAsString(match);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Instant received = Instant.now();
        Report r = new Report(
                id,
                time,
                category,
                lon,
                lat,
                l.point() != null ? crs.wireName() : null,
                text,
                l.gridCode(),
                received,
                address,
                matchJson,
                source,
                ReportStatus.RECEIVED,
                received,
                false);
        return store.addReport(r)
                ? publish(r, s, l.point() != null && l.point().lookup().outside())
                : null;
    }

    /** A report that another instance received (told through the store): into this one's tiles and live stream. */
    void receivedElsewhere(String id) {
        store.report(id).ifPresent(r -> {
            ServingState s = state.get();
            publish(
                    r,
                    s,
                    r.located()
                            && PointLookup.resolve(s, r.lon(), r.lat(), ChinaCrs.WGS84, PointLookup.DEFAULT_NEAR_M)
                                    .lookup()
                                    .outside());
        });
    }

    /** A report that moved on at another instance (told through the store): into this one's window and live stream. */
    void movedElsewhere(String id) {
        store.report(id).ifPresent(r -> {
            window.put(r);
            broadcast("status", view(r));
        });
    }

    /** How many reports the summaries' window keeps in a heap of {@code maxHeap} bytes. */
    static int windowCap(long maxHeap) {
        return (int) Math.min(MAX_WINDOW, maxHeap / HEAP_PER_REPORT);
    }

    /** Reports in [since, until): from memory when the window holds them all. */
    private List<Report> between(Instant since, Instant until) {
        return window.covers(since) ? window.between(since, until) : store.reportsBetween(since, until);
    }

    int liveStreams() {
        return streams.size();
    }

    int windowSize() {
        return window.size();
    }

    private Map<String, Object> publish(Report r, ServingState s, boolean outside) {
        window.put(r);
        onReport.accept(r);
        Grid grid = r.gridCode() == null ? null : s.grids.get(r.gridCode());
        Map<String, Object> out = view(r);
        out.put(
                "hierarchy",
                grid == null ? null : r.located() ? s.hierarchy(grid, r.lon(), r.lat()) : s.hierarchy(grid));
        out.put("outside_coverage", outside);
        out.put("responsible", routing.responsible(s, r.gridCode(), r.category()));
        broadcast("report", out);
        return out;
    }

    void list(Context ctx) {
        String grid = ctx.queryParam("grid");
        if (grid != null && !state.get().grids.containsKey(grid))
            throw new ApiError(404, "grid", "grid " + grid + " not found");
        Instant since = Params.instant("since", ctx.queryParam("since"));
        int limit = Params.integer(ctx, "limit", 100, 1, 10_000);
        if ("true".equals(ctx.queryParam("overdue"))) {
            // still open past the category's deadline, oldest first (the map makes them pulse)
            Instant now = Instant.now();
            List<Report> overdue = between(since == null ? now.minus(Duration.ofDays(30)) : since, now).stream()
                    .filter(r -> !r.status().settled() && now.isAfter(r.time().plus(deadlines.of(r.category()))))
                    .filter(r -> grid == null || grid.equals(r.gridCode()))
                    .limit(limit)
                    .toList();
            ctx.json(Map.of(
                    "reports", overdue.stream().map(ReportsResource::view).toList()));
            return;
        }
        ctx.json(Map.of(
                "reports",
                store.reports(grid, since, limit).stream()
                        .map(ReportsResource::view)
                        .toList()));
    }

    /** Reports per grid in [since, until) (default: the last 24 hours), with the top 10. */
    void counts(Context ctx) {
        Instant until =
                ctx.queryParam("until") == null ? Instant.now() : Params.instant("until", ctx.queryParam("until"));
        Instant since = ctx.queryParam("since") == null
                ? until.minus(Duration.ofDays(1))
                : Params.instant("since", ctx.queryParam("since"));
        if (!since.isBefore(until)) throw ApiError.badRequest("since", "since must be before until");
        Map<String, Integer> counts = store.reportCounts(since, until);
        List<Map<String, Object>> top = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue()
                        .reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(10)
                .map(e -> Map.<String, Object>of("code", e.getKey(), "reports", e.getValue()))
                .toList();
        ctx.json(Map.of(
                "since",
                since.toString(),
                "until",
                until.toString(),
                "total",
                counts.values().stream().mapToInt(i -> i).sum(),
                "counts",
                counts,
                "top",
                top));
    }

    void stream(SseClient client) {
        streams.add(client);
    }

    /** Ends every live stream (at shutdown, so that they do not hold it up). */
    void closeStreams() {
        streams.close();
    }

    /** To every live stream, without waiting for any: "report" for a new report, "status" for one that moved on. */
    private void broadcast(String event, Map<String, Object> report) {
        streams.broadcast(event, report);
    }

    static Map<String, Object> view(Report r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("time", r.time().toString());
        m.put("category", r.category());
        m.put("lon", r.lon());
        m.put("lat", r.lat());
        m.put("crs", r.crs());
        m.put("text", r.text());
        m.put("grid_code", r.gridCode());
        m.put("received_at", r.receivedAt().toString());
        m.put("source", r.source().wireName());
        m.put("status", r.status().wireName());
        m.put("status_at", r.statusAt().toString());
        m.put("escalated", r.escalated());
        if (r.address() != null) {
            m.put("address", r.address());
            try {
                m.put("address_match", r.addressMatch() == null ? null : RequestBodies.JSON.readTree(r.addressMatch()));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return m;
    }

    /** GET /reports/{id}: the report with every step it took. */
    void one(Context ctx) {
        String id = ctx.pathParam("id");
        Report r = store.report(id).orElseThrow(() -> new NotFound("report " + id));
        Map<String, Object> out = view(r);
        out.put(
                "events",
                store.events(id).stream()
                        .map(e -> {
                            Map<String, Object> m = new LinkedHashMap<>();
                            m.put("status", e.status().wireName());
                            m.put("at", e.at().toString());
                            m.put("actor", e.actor());
                            m.put("note", e.note());
                            return m;
                        })
                        .toList());
        ctx.json(out);
    }

    /** PATCH /reports/{id} {"status", "note"}: moves the report on as its life allows (409 naming both states otherwise); audited. */
    void move(Context ctx) throws IOException {
        String id = ctx.pathParam("id");
        JsonNode body = RequestBodies.object(ctx, RequestBodies.REPORT_JSON);
        String wanted = text(body, "status", true, 20);
        ReportStatus to;
        try {
            to = ReportStatus.parse(wanted);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("status", e.getMessage());
        }
        String note = text(body, "note", false, 2000);
        String who = Access.caller(ctx).name();
        Report moved = moveOn(id, to, who, note).orElseThrow(() -> new NotFound("report " + id));
        ctx.json(view(moved));
    }

    /** Moves a report on as its life allows, audited, into the window and every live stream. */
    @Override
    public java.util.Optional<Report> moveOn(String id, ReportStatus to, String who, String note) {
        java.util.Optional<Report> moved;
        try {
            moved = store.move(id, to, Instant.now(), who, note);
        } catch (ReportStatus.IllegalMove e) {
            audit.audit(new AuditEntry(
                    Instant.now(), who, "report " + to.wireName(), null, "refused: " + e.getMessage(), id));
            throw e;
        }
        moved.ifPresent(r -> {
            audit.audit(new AuditEntry(Instant.now(), who, "report " + to.wireName(), null, "ok", id));
            window.put(r);
            broadcast("status", view(r));
        });
        return moved;
    }

    /** Reports in [since, until) (default: the last 7 days) summed by grid, community, street, category or source, with the totals. */
    void summary(Context ctx) {
        Instant until =
                ctx.queryParam("until") == null ? Instant.now() : Params.instant("until", ctx.queryParam("until"));
        Instant since = ctx.queryParam("since") == null
                ? until.minus(Duration.ofDays(7))
                : Params.instant("since", ctx.queryParam("since"));
        if (!since.isBefore(until)) throw ApiError.badRequest("since", "since must be before until");
        ReportSummaries.By by;
        try {
            by = ReportSummaries.By.parse(ctx.queryParam("by") == null ? "grid" : ctx.queryParam("by"));
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("by", e.getMessage());
        }
        String within = ctx.queryParam("within");
        if (within != null && !within.matches("\\d{9}|\\d{12}|\\d{15}"))
            throw ApiError.badRequest("within", "within is a street (9 digits), community (12) or grid (15) code");
        List<ReportSummaries.Row> rows = ReportSummaries.of(
                ReportSummaries.within(between(since, until), within), by, state.get(), deadlines, Instant.now());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("since", since.toString());
        out.put("until", until.toString());
        out.put("by", by.name().toLowerCase(java.util.Locale.ROOT));
        out.put("within", within);
        out.put("total", ReportSummaries.total(rows));
        out.put("rows", rows);
        ctx.json(out);
    }

    private static ReportSource source(JsonNode body) {
        if (!body.hasNonNull("source")) return ReportSource.OTHER;
        try {
            return ReportSource.parse(body.get("source").asText());
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("source", e.getMessage());
        }
    }

    private static String text(JsonNode n, String field, boolean required, int max) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            if (required) throw ApiError.badRequest(field, "missing " + field);
            return null;
        }
        if (!v.isTextual() && !v.isNumber()) throw ApiError.badRequest(field, field + " must be a string");
        String s = Params.plainText(field, v.asText(), max);
        if (required && s.isBlank()) throw ApiError.badRequest(field, field + " is blank");
        return s;
    }

    private static double coordinate(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) throw ApiError.badRequest(field, "missing " + field);
        if (v.isTextual()) return Params.finite(field, v.asText());
        if (!v.isNumber()) throw ApiError.badRequest(field, field + " must be a number");
        return Params.finite(field, v.asText());
    }
}
