package org.gridatlas.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/** The audit trail in PostGIS: who did what, appended. */
final class PostGisAudit {
    private final Jdbc jdbc;

    PostGisAudit(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    void audit(AuditEntry e) {
        jdbc.inTransaction("audit entry not stored", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setTimestamp(1, Timestamp.from(e.time()));
                ps.setString(2, e.actor());
                ps.setString(3, e.action());
                ps.setString(4, e.communityCode());
                ps.setString(5, e.outcome());
                ps.setString(6, e.detail());
                ps.executeUpdate();
            }
            return null;
        });
    }

    List<AuditEntry> audit(int limit) {
        List<AuditEntry> out = new ArrayList<>();
        return jdbc.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT time, actor, action, community_code, outcome, detail FROM audit ORDER BY time DESC LIMIT ?")) {
                ps.setInt(1, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next())
                        out.add(new AuditEntry(
                                rs.getTimestamp(1).toInstant(),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getString(6)));
                }
                return out;
            }
        });
    }
}
