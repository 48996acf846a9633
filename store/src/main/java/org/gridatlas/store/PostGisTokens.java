package org.gridatlas.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/** API tokens (their digests) in PostGIS, by name; a change is announced, so that every instance rereads them at once. */
final class PostGisTokens {
    private final Jdbc jdbc;
    private final PostGisChanges changes;

    PostGisTokens(Jdbc jdbc, PostGisChanges changes) {
        this.jdbc = jdbc;
        this.changes = changes;
    }

    void putToken(AccessToken t) {
        jdbc.inTransaction("token " + t.name() + " not stored", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO tokens VALUES (?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET role = EXCLUDED.role, sha256 = EXCLUDED.sha256, created_at = EXCLUDED.created_at")) {
                ps.setString(1, t.name());
                ps.setString(2, t.role());
                ps.setString(3, t.sha256());
                ps.setTimestamp(4, Timestamp.from(t.created()));
                ps.executeUpdate();
            }
            changes.announce(c, new StoreChange(StoreChange.Kind.TOKENS, t.name()));
            return null;
        });
    }

    List<AccessToken> tokens() {
        List<AccessToken> out = new ArrayList<>();
        return jdbc.read(c -> {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT name, role, sha256, created_at FROM tokens ORDER BY name")) {
                while (rs.next())
                    out.add(new AccessToken(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getTimestamp(4).toInstant()));
                return out;
            }
        });
    }
}
