package org.gridatlas.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** What a PostGIS store tells the other processes: each committed change, by NOTIFY, tagged with who made it. */
final class PostGisChanges {
    /** Tags this store object's NOTIFY payloads, so that its own listener skips them. */
    private final String origin = java.util.UUID.randomUUID().toString();

    String origin() {
        return origin;
    }

    /** Queued in the caller's transaction: PostgreSQL delivers it to the listeners only if that commits. */
    void announce(Connection c, StoreChange change) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_notify(?, ?)")) {
            ps.setString(1, PgChangeListener.CHANNEL);
            ps.setString(2, change.payload(origin));
            ps.execute();
        }
    }
}
