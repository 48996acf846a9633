package org.gridatlas.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;

/** Previewed changes in PostGIS until they expire, for any instance to commit. */
final class PostGisPreviews {
    private final Jdbc jdbc;

    PostGisPreviews(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    void putPreview(StoredPreview p) {
        jdbc.inTransaction("preview not stored", c -> {
            try (PreparedStatement expired = c.prepareStatement("DELETE FROM previews WHERE expires < now()");
                    PreparedStatement ps =
                            c.prepareStatement("INSERT INTO previews VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                expired.executeUpdate();
                ps.setString(1, p.id());
                ps.setString(2, p.communityCode());
                ps.setLong(3, p.baseVersion());
                ps.setString(4, p.author());
                ps.setString(5, p.reason());
                ps.setTimestamp(6, Timestamp.from(p.made()));
                ps.setTimestamp(7, Timestamp.from(p.expires()));
                ps.setString(8, p.changeJson());
                ps.setString(9, p.verificationJson());
                ps.setString(10, VersionSnapshots.write(p.grids(), p.assignments()));
                ps.executeUpdate();
                return null;
            }
        });
    }

    java.util.Optional<StoredPreview> preview(String id) {
        return jdbc.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT community_code, base_version, author, reason, made, expires, change_json, verification_json, snapshot FROM previews"
                            + " WHERE preview_id = ? AND expires >= now()")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return java.util.Optional.empty();
                    VersionSnapshots.Snapshot snap = VersionSnapshots.read(rs.getString(9));
                    return java.util.Optional.of(new StoredPreview(
                            id,
                            rs.getString(1),
                            rs.getLong(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getTimestamp(5).toInstant(),
                            rs.getTimestamp(6).toInstant(),
                            snap.grids(),
                            snap.assignments(),
                            rs.getString(7),
                            rs.getString(8)));
                }
            }
        });
    }

    void removePreview(String id) {
        jdbc.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM previews WHERE preview_id = ?")) {
                ps.setString(1, id);
                ps.executeUpdate();
            }
            return null;
        });
    }
}
