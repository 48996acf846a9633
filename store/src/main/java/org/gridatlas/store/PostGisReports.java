package org.gridatlas.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Citizens' reports and their events in PostGIS; each write announced to the other instances. */
final class PostGisReports implements ReportStore {
    private final Jdbc jdbc;
    private final PostGisChanges changes;

    PostGisReports(Jdbc jdbc, PostGisChanges changes) {
        this.jdbc = jdbc;
        this.changes = changes;
    }

    @Override
    public boolean addReport(Report r) {
        return jdbc.inTransaction("report " + r.id() + " not stored", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO reports (report_id, time, category, lon, lat, crs, text, grid_code, received_at, geom, address, address_match, "
                            + "source, status, status_at, escalated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ST_SetSRID(ST_MakePoint(?, ?), 4490), ?, ?::jsonb, ?, ?, ?, ?) "
                            + "ON CONFLICT (report_id) DO NOTHING")) {
                ps.setString(1, r.id());
                ps.setTimestamp(2, Timestamp.from(r.time()));
                ps.setString(3, r.category());
                ps.setObject(4, r.lon(), java.sql.Types.DOUBLE);
                ps.setObject(5, r.lat(), java.sql.Types.DOUBLE);
                ps.setString(6, r.crs());
                ps.setString(7, r.text());
                ps.setString(8, r.gridCode());
                ps.setTimestamp(9, Timestamp.from(r.receivedAt()));
                ps.setObject(10, r.lon(), java.sql.Types.DOUBLE);
                ps.setObject(11, r.lat(), java.sql.Types.DOUBLE);
                ps.setString(12, r.address());
                ps.setString(13, r.addressMatch());
                ps.setString(14, r.source().wireName());
                ps.setString(15, r.status().wireName());
                ps.setTimestamp(16, Timestamp.from(r.statusAt()));
                ps.setBoolean(17, r.escalated());
                boolean added = ps.executeUpdate() == 1;
                if (added) {
                    insertEvent(
                            c,
                            new ReportEvent(
                                    r.id(),
                                    r.status(),
                                    r.statusAt(),
                                    null,
                                    "received from " + r.source().wireName()));
                    changes.announce(c, new StoreChange(StoreChange.Kind.REPORT, r.id()));
                }
                return added;
            }
        });
    }

    @Override
    public java.util.Optional<Report> report(String id) {
        return jdbc.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(REPORT_COLUMNS + " WHERE report_id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? java.util.Optional.of(report(rs)) : java.util.Optional.empty();
                }
            }
        });
    }

    private static final String REPORT_COLUMNS =
            "SELECT report_id, time, category, lon, lat, crs, text, grid_code, received_at, address, "
                    + "address_match::text, source, status, status_at, escalated FROM reports";

    private static void insertEvent(Connection c, ReportEvent e) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO report_events VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, e.reportId());
            ps.setString(2, e.status().wireName());
            ps.setTimestamp(3, Timestamp.from(e.at()));
            ps.setString(4, e.actor());
            ps.setString(5, e.note());
            ps.executeUpdate();
        }
    }

    @Override
    public List<Report> reportsBetween(Instant from, Instant to) {
        return jdbc.read(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement(REPORT_COLUMNS + " WHERE time >= ? AND time < ? ORDER BY time")) {
                ps.setTimestamp(1, Timestamp.from(from));
                ps.setTimestamp(2, Timestamp.from(to));
                List<Report> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(report(rs));
                }
                return out;
            }
        });
    }

    @Override
    public java.util.Optional<Report> move(String id, ReportStatus to, Instant at, String actor, String note) {
        return jdbc.inTransaction("report " + id + " not moved", c -> {
            Report was;
            try (PreparedStatement ps = c.prepareStatement(REPORT_COLUMNS + " WHERE report_id = ? FOR UPDATE")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return java.util.Optional.<Report>empty();
                    was = report(rs);
                }
            }
            if (!was.status().next().contains(to)) throw new ReportStatus.IllegalMove(id, was.status(), to);
            Report moved = was.movedTo(to, at);
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE reports SET status = ?, status_at = ?, escalated = ? WHERE report_id = ?")) {
                ps.setString(1, to.wireName());
                ps.setTimestamp(2, Timestamp.from(at));
                ps.setBoolean(3, moved.escalated());
                ps.setString(4, id);
                ps.executeUpdate();
            }
            insertEvent(c, new ReportEvent(id, to, at, actor, note));
            changes.announce(c, new StoreChange(StoreChange.Kind.REPORT_MOVED, id));
            return java.util.Optional.of(moved);
        });
    }

    @Override
    public List<ReportEvent> events(String id) {
        return jdbc.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT status, at, actor, note FROM report_events WHERE report_id = ? ORDER BY at")) {
                ps.setString(1, id);
                List<ReportEvent> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next())
                        out.add(new ReportEvent(
                                id,
                                ReportStatus.parse(rs.getString(1)),
                                rs.getTimestamp(2).toInstant(),
                                rs.getString(3),
                                rs.getString(4)));
                }
                return out;
            }
        });
    }

    private static Report report(ResultSet rs) throws SQLException {
        return new Report(
                rs.getString(1),
                rs.getTimestamp(2).toInstant(),
                rs.getString(3),
                rs.getObject(4, Double.class),
                rs.getObject(5, Double.class),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getTimestamp(9).toInstant(),
                rs.getString(10),
                rs.getString(11),
                ReportSource.parse(rs.getString(12)),
                ReportStatus.parse(rs.getString(13)),
                rs.getTimestamp(14).toInstant(),
                rs.getBoolean(15));
    }

    @Override
    public List<Report> reports(String gridCode, Instant since, int limit) {
        String sql = REPORT_COLUMNS + " WHERE (?::text IS NULL OR grid_code = ?)"
                + " AND (?::timestamptz IS NULL OR time >= ?) ORDER BY time DESC LIMIT ?";
        return jdbc.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, gridCode);
                ps.setString(2, gridCode);
                Timestamp t = since == null ? null : Timestamp.from(since);
                ps.setTimestamp(3, t);
                ps.setTimestamp(4, t);
                ps.setInt(5, limit);
                List<Report> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(report(rs));
                }
                return out;
            }
        });
    }

    @Override
    public Map<String, Integer> reportCounts(Instant from, Instant to) {
        return jdbc.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT grid_code, count(*) FROM reports WHERE grid_code IS NOT NULL AND time >= ? AND time < ? GROUP BY grid_code")) {
                ps.setTimestamp(1, Timestamp.from(from));
                ps.setTimestamp(2, Timestamp.from(to));
                Map<String, Integer> out = new TreeMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.put(rs.getString(1), rs.getInt(2));
                }
                return out;
            }
        });
    }
}
