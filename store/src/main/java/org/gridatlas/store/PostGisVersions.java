package org.gridatlas.store;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.gridatlas.engine.io.DataContract;
import org.gridatlas.engine.io.ResultReader;
import org.gridatlas.engine.io.ResultWriter;
import org.gridatlas.engine.model.Assignment;
import org.gridatlas.engine.model.Grid;

/** Communities' versions in PostGIS: commits under a row lock ({@link CommunityVersioning}), their snapshots, the codes used. */
final class PostGisVersions {
    private final Jdbc jdbc;
    private final PostGisChanges changes;

    PostGisVersions(Jdbc jdbc, PostGisChanges changes) {
        this.jdbc = jdbc;
        this.changes = changes;
    }

    long communityVersion(String community) {
        return jdbc.read(c -> {
            return version(c, community, false);
        });
    }

    private static long version(Connection c, String community, boolean lock) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT version FROM community_versions WHERE community_code = ?" + (lock ? " FOR UPDATE" : ""))) {
            ps.setString(1, community);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    long commit(CommunityCommit commit) {
        return jdbc.inTransaction("commit failed", c -> {
            long next = CommunityVersioning.commit(new Steps(c), commit);
            changes.announce(c, new StoreChange(StoreChange.Kind.GRIDS, commit.communityCode()));
            return next;
        });
    }

    /** The versioning policy's steps on one connection, inside its transaction. */
    private final class Steps implements CommunityVersioning.Steps {
        private final Connection c;

        Steps(Connection c) {
            this.c = c;
        }

        private <T> T sql(Jdbc.Work<T> work) {
            try {
                return work.run(c);
            } catch (SQLException e) {
                throw new Jdbc.Failed(e);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public long lockVersion(String community) {
            return sql(c -> {
                try (PreparedStatement ps =
                        c.prepareStatement("INSERT INTO community_versions VALUES (?, 0) ON CONFLICT DO NOTHING")) {
                    ps.setString(1, community);
                    ps.executeUpdate();
                }
                return version(c, community, true); // the row lock serialises commits of one community
            });
        }

        @Override
        public boolean hasVersion(String community, long version) {
            return sql(c -> PostGisVersions.hasVersion(c, community, version));
        }

        @Override
        public List<Grid> grids(String community) {
            return sql(c -> PostGisRows.features(
                            c,
                            "SELECT code, level, kind, community_code, street_code, households, buildings, area_m2, parent_code, flags::text, "
                                    + "ST_AsBinary(geom) FROM grids WHERE community_code = ?",
                            DataContract.GRIDS,
                            community)
                    .stream()
                    .map(ResultReader::grid)
                    .toList());
        }

        @Override
        public List<Assignment> assignments(String community) {
            return sql(c -> PostGisRows.features(
                            c,
                            "SELECT a.building_key, a.grid_code FROM assignments a JOIN grids g ON g.code = a.grid_code "
                                    + "WHERE g.community_code = ?",
                            DataContract.ASSIGNMENTS,
                            community)
                    .stream()
                    .map(ResultReader::assignment)
                    .toList());
        }

        @Override
        public void recordVersion(
                String community, long version, String author, String reason, String changeJson, String snapshot) {
            sql(c -> {
                insertVersion(c, community, version, author, reason, changeJson, snapshot);
                return null;
            });
        }

        @Override
        public void replaceGrids(String community, List<Grid> grids, List<Assignment> assignments) {
            sql(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                                "DELETE FROM assignments WHERE grid_code IN (SELECT code FROM grids WHERE community_code = ?)");
                        PreparedStatement gs = c.prepareStatement("DELETE FROM grids WHERE community_code = ?")) {
                    ps.setString(1, community);
                    ps.executeUpdate();
                    gs.setString(1, community);
                    gs.executeUpdate();
                }
                PostGisGridWrites.insertGrids(c, ResultWriter.gridFeatures(grids));
                PostGisGridWrites.insertAssignments(c, assignments);
                return null;
            });
        }

        @Override
        public void addUsedCodes(List<Grid> grids) {
            sql(c -> {
                PostGisGridWrites.insertUsedCodes(c, grids);
                return null;
            });
        }

        @Override
        public void setVersion(String community, long version) {
            sql(c -> {
                try (PreparedStatement ps =
                        c.prepareStatement("UPDATE community_versions SET version = ? WHERE community_code = ?")) {
                    ps.setLong(1, version);
                    ps.setString(2, community);
                    ps.executeUpdate();
                }
                return null;
            });
        }
    }

    private static boolean hasVersion(Connection c, String community, long version) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT 1 FROM versions WHERE community_code = ? AND version = ?")) {
            ps.setString(1, community);
            ps.setLong(2, version);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void insertVersion(
            Connection c, String community, long version, String author, String reason, String change, String snapshot)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO versions VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, community);
            ps.setLong(2, version);
            ps.setString(3, author);
            ps.setString(4, reason);
            ps.setTimestamp(5, Timestamp.from(Instant.now()));
            ps.setString(6, change);
            ps.setString(7, snapshot);
            ps.executeUpdate();
        }
    }

    List<CommunityVersion> versions(String community) {
        List<CommunityVersion> out = new ArrayList<>();
        return jdbc.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT version, author, reason, created_at, change_json, snapshot FROM versions WHERE community_code = ? ORDER BY version")) {
                ps.setString(1, community);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        VersionSnapshots.Snapshot snap = VersionSnapshots.read(rs.getString(6));
                        out.add(new CommunityVersion(
                                community,
                                rs.getLong(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getTimestamp(4).toInstant(),
                                rs.getString(5),
                                snap.grids(),
                                snap.assignments()));
                    }
                }
                return out;
            }
        });
    }

    java.util.Set<String> codesEverUsed(String community) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        return jdbc.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT code FROM used_codes WHERE community_code = ?")) {
                ps.setString(1, community);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(rs.getString(1));
                }
                return out;
            }
        });
    }
}
