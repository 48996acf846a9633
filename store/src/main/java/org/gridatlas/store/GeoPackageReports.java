package org.gridatlas.store;

import static org.gridatlas.engine.io.FieldType.INTEGER;
import static org.gridatlas.engine.io.FieldType.REAL;
import static org.gridatlas.engine.io.FieldType.TEXT;
import static org.gridatlas.store.GeoPackageTables.row;
import static org.gridatlas.store.GeoPackageTables.str;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gridatlas.engine.io.Feature;
import org.gridatlas.engine.io.LayerSchema;

/**
 * Citizens' reports and their events in the GeoPackage. Unsynchronised:
 * {@link GeoPackageGridStore} serialises every call.
 */
final class GeoPackageReports implements ReportStore {
    static final LayerSchema REPORTS = LayerSchema.attributes(
            "reports",
            "report_id",
            TEXT,
            "time",
            TEXT,
            "category",
            TEXT,
            "lon",
            REAL,
            "lat",
            REAL,
            "crs",
            TEXT,
            "text",
            TEXT,
            "grid_code",
            TEXT,
            "received_at",
            TEXT,
            "address",
            TEXT,
            "address_match",
            TEXT,
            "source",
            TEXT,
            "status",
            TEXT,
            "status_at",
            TEXT,
            "escalated",
            INTEGER);
    static final LayerSchema REPORT_EVENTS = LayerSchema.attributes(
            "report_events", "report_id", TEXT, "status", TEXT, "at", TEXT, "actor", TEXT, "note", TEXT);

    private final GeoPackageTables file;

    GeoPackageReports(GeoPackageTables file) {
        this.file = file;
        // a report is looked up by id on every POST (is it there already?) and move: no table scan each time
        for (String index : List.of(
                REPORTS_BY_SECOND,
                "CREATE INDEX IF NOT EXISTS reports_by_id ON reports (report_id)",
                "CREATE INDEX IF NOT EXISTS report_events_by_report ON report_events (report_id)")) file.execute(index);
    }

    @Override
    public boolean addReport(Report r) {
        if (file.count(REPORTS, "report_id = ?", r.id()) > 0) return false;
        file.inTransaction(() -> {
            file.table(REPORTS).insert(List.of(reportRow(r)));
            file.table(REPORT_EVENTS)
                    .insert(List.of(row(
                            "report_id",
                            r.id(),
                            "status",
                            r.status().wireName(),
                            "at",
                            r.statusAt().toString(),
                            "actor",
                            null,
                            "note",
                            "received from " + r.source().wireName())));
        });
        return true;
    }

    private static Feature reportRow(Report r) {
        return row(
                "report_id",
                r.id(),
                "time",
                r.time().toString(),
                "category",
                r.category(),
                "lon",
                r.lon(),
                "lat",
                r.lat(),
                "crs",
                r.crs(),
                "text",
                r.text(),
                "grid_code",
                r.gridCode(),
                "received_at",
                r.receivedAt().toString(),
                "address",
                r.address(),
                "address_match",
                r.addressMatch(),
                "source",
                r.source().wireName(),
                "status",
                r.status().wireName(),
                "status_at",
                r.statusAt().toString(),
                "escalated",
                r.escalated() ? 1 : 0);
    }

    @Override
    public List<Report> reportsBetween(Instant from, Instant to) {
        List<Report> out = new ArrayList<>();
        for (Feature f : file.read(REPORTS)) {
            Report r = report(f.properties());
            if (!r.time().isBefore(from) && r.time().isBefore(to)) out.add(r);
        }
        out.sort(Comparator.comparing(Report::time));
        return out;
    }

    @Override
    public java.util.Optional<Report> move(String id, ReportStatus to, Instant at, String actor, String note) {
        java.util.Optional<Report> now = report(id);
        if (now.isEmpty()) return now;
        Report was = now.get();
        if (!was.status().next().contains(to)) throw new ReportStatus.IllegalMove(id, was.status(), to);
        Report moved = was.movedTo(to, at);
        try {
            file.inTransaction(() -> {
                file.table(REPORTS).delete("report_id = ?", id);
                file.table(REPORTS).insert(List.of(reportRow(moved)));
                file.table(REPORT_EVENTS)
                        .insert(List.of(row(
                                "report_id",
                                id,
                                "status",
                                to.wireName(),
                                "at",
                                at.toString(),
                                "actor",
                                actor,
                                "note",
                                note)));
            });
        } catch (RuntimeException e) {
            throw new StoreException("report " + id + " not moved, store unchanged: " + e.getMessage(), e);
        }
        return java.util.Optional.of(moved);
    }

    @Override
    public List<ReportEvent> events(String id) {
        List<ReportEvent> out = new ArrayList<>();
        file.read(
                REPORT_EVENTS,
                "report_id = ?",
                new String[] {id},
                null,
                f -> out.add(new ReportEvent(
                        id,
                        ReportStatus.parse(str(f, "status")),
                        Instant.parse(str(f, "at")),
                        str(f, "actor"),
                        str(f, "note"))));
        out.sort(Comparator.comparing(ReportEvent::at));
        return out;
    }

    @Override
    public java.util.Optional<Report> report(String id) {
        List<Report> found = new ArrayList<>(1);
        file.read(REPORTS, "report_id = ?", new String[] {id}, null, f -> {
            found.add(report(f.properties()));
            return false;
        });
        return found.stream().findFirst();
    }

    /**
     * Reads newest first and stops past the limit, so that a start-up reads what its windows hold and
     * not the whole table. Times are ISO text with a fraction of varying length, which sorts right only
     * to the second ({@link #SECOND}); within a second the order is set here.
     */
    @Override
    public List<Report> reports(String gridCode, Instant since, int limit) {
        List<Report> out = new ArrayList<>();
        if (limit <= 0) return out;
        List<String> where = new ArrayList<>(), args = new ArrayList<>();
        if (gridCode != null) {
            where.add("grid_code = ?");
            args.add(gridCode);
        }
        if (since != null) {
            where.add(SECOND + " >= ?");
            args.add(second(since));
        }
        file.read(
                REPORTS,
                where.isEmpty() ? null : String.join(" AND ", where),
                args.toArray(String[]::new),
                SECOND + " DESC",
                f -> {
                    String second = str(f, "time").substring(0, 19);
                    if (out.size() >= limit
                            && second.compareTo(second(out.get(limit - 1).time())) < 0) return false;
                    Report r = report(f.properties());
                    if (since == null || !r.time().isBefore(since)) out.add(r);
                    return true;
                });
        out.sort(Comparator.comparing(Report::time).reversed());
        return out.size() > limit ? new ArrayList<>(out.subList(0, limit)) : out;
    }

    /** A report's time to the second, as stored text sorts (and as {@link #REPORTS_BY_SECOND} indexes it). */
    private static final String SECOND = "substr(time, 1, 19)";

    private static final String REPORTS_BY_SECOND =
            "CREATE INDEX IF NOT EXISTS reports_by_second ON reports (" + SECOND + ")";

    private static String second(Instant t) {
        return t.toString().substring(0, 19);
    }

    @Override
    public Map<String, Integer> reportCounts(Instant from, Instant to) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Feature f : file.read(REPORTS)) {
            Report r = report(f.properties());
            if (r.gridCode() != null && !r.time().isBefore(from) && r.time().isBefore(to))
                counts.merge(r.gridCode(), 1, Integer::sum);
        }
        return counts;
    }

    private static Report report(Map<String, Object> p) {
        return new Report(
                (String) p.get("report_id"),
                Instant.parse((String) p.get("time")),
                (String) p.get("category"),
                p.get("lon") == null ? null : ((Number) p.get("lon")).doubleValue(),
                p.get("lat") == null ? null : ((Number) p.get("lat")).doubleValue(),
                (String) p.get("crs"),
                (String) p.get("text"),
                (String) p.get("grid_code"),
                Instant.parse((String) p.get("received_at")),
                (String) p.get("address"),
                (String) p.get("address_match"),
                p.get("source") == null ? ReportSource.OTHER : ReportSource.parse((String) p.get("source")),
                p.get("status") == null ? ReportStatus.RECEIVED : ReportStatus.parse((String) p.get("status")),
                Instant.parse((String) (p.get("status_at") == null ? p.get("received_at") : p.get("status_at"))),
                p.get("escalated") != null && ((Number) p.get("escalated")).intValue() != 0);
    }
}
