package org.gridatlas.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.gridatlas.engine.io.DataContract;
import org.gridatlas.engine.io.DatasetAssembler;
import org.gridatlas.engine.io.Feature;
import org.gridatlas.engine.io.LayerSchema;
import org.gridatlas.engine.io.ResultReader;
import org.gridatlas.engine.io.ResultWriter;
import org.gridatlas.engine.model.Alias;
import org.gridatlas.engine.model.Assignment;
import org.gridatlas.engine.model.Building;
import org.gridatlas.engine.model.Community;
import org.gridatlas.engine.model.Dataset;
import org.gridatlas.engine.model.Delineation;
import org.gridatlas.engine.model.DepartmentResource;
import org.gridatlas.engine.model.DepartmentUnit;
import org.gridatlas.engine.model.Grid;
import org.gridatlas.engine.model.StreetAddress;
import org.locationtech.jts.io.WKBWriter;

/**
 * The production store: PostgreSQL + PostGIS, schema by Flyway, geometry in EPSG:4490 (CGCS2000,
 * taken as the same datum as WGS84, DATA.md) with GiST indexes, connections from a HikariCP pool.
 * Every write is one transaction.
 */
public final class PostGisGridStore implements GridStore {
    private static final ObjectMapper JSON = PostGisRows.JSON;
    private final HikariDataSource pool;
    private final Jdbc jdbc;
    private final PostGisDepartmentLayers departments;
    private final PostGisReports reports;
    private final PostGisStaff staff;
    private final String jdbcUrl;
    private final PostGisChanges changes = new PostGisChanges();

    private PostGisGridStore(HikariDataSource pool, String jdbcUrl) {
        this.pool = pool;
        this.jdbc = new Jdbc(pool);
        this.departments = new PostGisDepartmentLayers(jdbc);
        this.reports = new PostGisReports(jdbc, changes);
        this.staff = new PostGisStaff(jdbc, changes);
        this.jdbcUrl = jdbcUrl;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    @Override
    public java.util.Optional<String> postGisUrl() {
        return java.util.Optional.of(jdbcUrl);
    }

    /** Connects (JDBC URL, user and password may be in the URL) and migrates the schema. */
    public static PostGisGridStore open(String jdbcUrl) {
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(jdbcUrl);
        if (!jdbcUrl.contains("user=")) cfg.setUsername("postgres");
        // a burst of reports (a hotline's 200 a second on a loaded machine) should queue briefly, not fail
        cfg.setMaximumPoolSize(16);
        cfg.setPoolName("gridatlas");
        cfg.setInitializationFailTimeout(10_000);
        // when PostgreSQL is down a write fails within seconds (503) instead of hanging for Hikari's default 30 s
        cfg.setConnectionTimeout(5_000);
        cfg.setValidationTimeout(1_000);
        HikariDataSource pool = new HikariDataSource(cfg);
        try {
            Flyway.configure().dataSource(pool).load().migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw new StoreException("cannot migrate " + jdbcUrl + ": " + e.getMessage(), e);
        }
        return new PostGisGridStore(pool, jdbcUrl);
    }

    @Override
    public long replace(Dataset dataset, Delineation delineation, String source) {
        return jdbc.inTransaction("import failed", c -> {
            long id;
            try (Statement s = c.createStatement()) {
                s.execute("LOCK TABLE runs IN EXCLUSIVE MODE");
                try (ResultSet rs = s.executeQuery("SELECT coalesce(max(run_id), 0) + 1 FROM runs")) {
                    rs.next();
                    id = rs.getLong(1);
                }
                s.execute(
                        "DELETE FROM assignments; DELETE FROM grids; DELETE FROM buildings; DELETE FROM communities; DELETE FROM barriers; DELETE FROM aliases; DELETE FROM pois");
            }
            insertCommunities(c, dataset.communities());
            insertBuildings(c, dataset.buildings());
            insertBarriers(c, dataset.barriers());
            insertPois(c, dataset.landmarks()); // campuses among the landmarks
            insertAliases(c, dataset.aliases());
            insertGrids(c, ResultWriter.gridFeatures(delineation.grids()));
            insertAssignments(c, delineation.assignments());
            // an import is a new version of every community (previews made before it are stale) and its codes are used
            try (PreparedStatement v = c.prepareStatement("INSERT INTO community_versions VALUES (?, 1) "
                    + "ON CONFLICT (community_code) DO UPDATE SET version = community_versions.version + 1")) {
                for (org.gridatlas.engine.model.Community x : dataset.communities()) {
                    v.setString(1, x.code());
                    v.addBatch();
                }
                v.executeBatch();
            }
            insertUsedCodes(c, delineation.grids());
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO runs VALUES (?, ?, ?, ?, ?)")) {
                ps.setLong(1, id);
                ps.setString(2, source);
                ps.setTimestamp(3, Timestamp.from(Instant.now()));
                ps.setInt(4, delineation.grids().size());
                ps.setString(5, ResultWriter.reportJson(delineation.report()));
                ps.executeUpdate();
            }
            try (Statement s = c.createStatement()) {
                s.execute("REFRESH MATERIALIZED VIEW street_areas"); // GeoServer's streets layer (V4)
            }
            changes.announce(c, new StoreChange(StoreChange.Kind.GRIDS, Long.toString(id)));
            return id;
        });
    }

    private static void insertCommunities(Connection c, List<Community> communities) throws SQLException {
        WKBWriter wkb = new WKBWriter();
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO communities VALUES (?, ?, ?, ?, ?, ?, ?, ST_GeomFromWKB(?, 4490))")) {
            for (Community x : communities) {
                ps.setString(1, x.code());
                ps.setString(2, x.name());
                ps.setString(3, x.kind().wireName());
                ps.setString(4, x.streetCode());
                ps.setString(5, x.streetName());
                ps.setString(6, x.districtCode());
                ps.setString(7, x.districtName());
                ps.setBytes(8, wkb.write(x.geometry()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void insertBarriers(Connection c, List<org.gridatlas.engine.model.Barrier> barriers)
            throws SQLException {
        WKBWriter wkb = new WKBWriter();
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO barriers (kind, class, geom, name) VALUES (?, ?, ST_GeomFromWKB(?, 4490), ?)")) {
            for (org.gridatlas.engine.model.Barrier b : barriers) {
                ps.setString(1, b.kind().wireName());
                ps.setString(2, b.barrierClass().wireName());
                ps.setBytes(3, wkb.write(b.geometry()));
                ps.setString(4, b.name());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void insertPois(Connection c, List<org.gridatlas.engine.model.Poi> pois) throws SQLException {
        WKBWriter wkb = new WKBWriter();
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO pois (id, name, kind, aliases, geom) VALUES (?, ?, ?, ?, ST_GeomFromWKB(?, 4490))")) {
            for (org.gridatlas.engine.model.Poi p : pois) {
                ps.setString(1, p.id());
                ps.setString(2, p.name());
                ps.setString(3, p.kind());
                ps.setString(4, p.aliases().isEmpty() ? null : String.join(";", p.aliases()));
                ps.setBytes(5, wkb.write(p.geometry()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void insertAliases(Connection c, List<Alias> aliases) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO aliases VALUES (?, ?, ?)")) {
            for (Alias a : aliases) {
                ps.setString(1, a.alias());
                ps.setString(2, a.kind().wireName());
                ps.setString(3, a.canonical());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void insertBuildings(Connection c, List<Building> buildings) throws SQLException, IOException {
        WKBWriter wkb = new WKBWriter();
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO buildings (id, households, use, compound_id, floors, address, units, geom, "
                        + "road, house_number, compound_name, building_no) VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ST_GeomFromWKB(?, 4490), ?, ?, ?, ?)")) {
            for (Building b : buildings) {
                StreetAddress a = b.address() == null ? new StreetAddress(null, null, null, null, null) : b.address();
                ps.setString(1, b.id());
                if (b.householdsMissing()) ps.setNull(2, java.sql.Types.INTEGER);
                else ps.setInt(2, b.households());
                ps.setString(3, b.use().wireName());
                ps.setString(4, b.compoundId());
                if (b.floors() == null) ps.setNull(5, java.sql.Types.INTEGER);
                else ps.setInt(5, b.floors());
                ps.setString(6, a.full());
                ps.setString(7, b.hasUnits() ? JSON.writeValueAsString(b.units()) : null);
                ps.setBytes(8, wkb.write(b.geometry()));
                ps.setString(9, a.road());
                ps.setString(10, a.houseNumber());
                ps.setString(11, a.compoundName());
                ps.setString(12, a.buildingNo());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void insertGrids(Connection c, List<Feature> grids) throws SQLException, IOException {
        WKBWriter wkb = new WKBWriter();
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO grids VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ST_GeomFromWKB(?, 4490))")) {
            for (Feature f : grids) {
                Map<String, Object> p = f.properties();
                ps.setString(1, (String) p.get("code"));
                ps.setString(2, (String) p.get("level"));
                ps.setString(3, (String) p.get("kind"));
                ps.setString(4, (String) p.get("community_code"));
                ps.setString(5, (String) p.get("street_code"));
                ps.setInt(6, ((Number) p.get("households")).intValue());
                ps.setInt(7, ((Number) p.get("buildings")).intValue());
                ps.setDouble(8, ((Number) p.get("area_m2")).doubleValue());
                ps.setString(9, (String) p.get("parent_code"));
                ps.setString(10, JSON.writeValueAsString(p.get("flags")));
                ps.setBytes(11, wkb.write(f.geometry()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void insertAssignments(Connection c, List<Assignment> assignments) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO assignments VALUES (?, ?)")) {
            for (Assignment a : assignments) {
                ps.setString(1, a.buildingKey());
                ps.setString(2, a.gridCode());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void insertUsedCodes(Connection c, List<Grid> grids) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO used_codes VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            for (Grid g : grids) {
                ps.setString(1, g.communityCode());
                ps.setString(2, g.code());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    @Override
    public long communityVersion(String community) {
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

    @Override
    public long commit(CommunityCommit commit) {
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
            return sql(c -> PostGisGridStore.hasVersion(c, community, version));
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
                insertGrids(c, ResultWriter.gridFeatures(grids));
                insertAssignments(c, assignments);
                return null;
            });
        }

        @Override
        public void addUsedCodes(List<Grid> grids) {
            sql(c -> {
                insertUsedCodes(c, grids);
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

    @Override
    public List<CommunityVersion> versions(String community) {
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

    @Override
    public java.util.Set<String> codesEverUsed(String community) {
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

    @Override
    public void putToken(AccessToken t) {
        jdbc.inTransaction("token " + t.name() + " not stored", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO tokens VALUES (?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET role = EXCLUDED.role, sha256 = EXCLUDED.sha256, created_at = EXCLUDED.created_at")) {
                ps.setString(1, t.name());
                ps.setString(2, t.role());
                ps.setString(3, t.sha256());
                ps.setTimestamp(4, Timestamp.from(t.created()));
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<AccessToken> tokens() {
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

    @Override
    public void putPreview(StoredPreview p) {
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

    @Override
    public java.util.Optional<StoredPreview> preview(String id) {
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

    @Override
    public void removePreview(String id) {
        jdbc.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM previews WHERE preview_id = ?")) {
                ps.setString(1, id);
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void audit(AuditEntry e) {
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

    @Override
    public List<AuditEntry> audit(int limit) {
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

    @Override
    public StoredState load() {
        return jdbc.read(c -> {
            c.setAutoCommit(false); // one snapshot of every table
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            Map<LayerSchema, List<Feature>> layers = new LinkedHashMap<>();
            layers.put(
                    DataContract.COMMUNITIES,
                    PostGisRows.features(
                            c,
                            "SELECT code, name, kind, street_code, street_name, district_code, district_name, ST_AsBinary(geom) FROM communities ORDER BY code",
                            DataContract.COMMUNITIES));
            layers.put(
                    DataContract.BUILDINGS,
                    PostGisRows.features(
                            c,
                            "SELECT id, households, use, compound_id, floors, address, units::text, road, house_number, compound_name, building_no, "
                                    + "ST_AsBinary(geom) FROM buildings ORDER BY id",
                            DataContract.BUILDINGS));
            layers.put(
                    DataContract.BARRIERS,
                    PostGisRows.features(
                            c, "SELECT kind, class, name, ST_AsBinary(geom) FROM barriers", DataContract.BARRIERS));
            layers.put(
                    DataContract.POIS,
                    PostGisRows.features(
                            c,
                            "SELECT id, name, kind, aliases, ST_AsBinary(geom) FROM pois ORDER BY id",
                            DataContract.POIS));
            layers.put(
                    DataContract.ALIASES,
                    PostGisRows.features(
                            c,
                            "SELECT alias, kind, canonical FROM aliases ORDER BY alias, kind, canonical",
                            DataContract.ALIASES));
            List<Feature> grids = PostGisRows.features(
                    c,
                    "SELECT code, level, kind, community_code, street_code, households, buildings, area_m2, parent_code, flags::text, ST_AsBinary(geom) FROM grids ORDER BY code",
                    DataContract.GRIDS);
            List<Feature> assignments = PostGisRows.features(
                    c,
                    "SELECT building_key, grid_code FROM assignments ORDER BY building_key",
                    DataContract.ASSIGNMENTS);
            c.commit();
            List<RunInfo> runs = runs();
            if (layers.get(DataContract.COMMUNITIES).isEmpty()) return StoredState.empty();
            Dataset d = new DatasetAssembler().assemble(layers);
            return new StoredState(
                    d.communities(),
                    d.buildings(),
                    d.barriers(),
                    d.aliases(),
                    grids.stream().map(ResultReader::grid).toList(),
                    assignments.stream().map(ResultReader::assignment).toList(),
                    runs.isEmpty() ? null : runs.get(runs.size() - 1),
                    d.pois());
        });
    }

    @Override
    public List<RunInfo> runs() {
        List<RunInfo> out = new ArrayList<>();
        return jdbc.read(c -> {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(
                            "SELECT run_id, source, created_at, grids, report_json FROM runs ORDER BY run_id")) {
                while (rs.next())
                    out.add(new RunInfo(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getTimestamp(3).toInstant(),
                            rs.getInt(4),
                            rs.getString(5)));
                return out;
            }
        });
    }

    @Override
    public boolean addReport(Report r) {
        return reports.addReport(r);
    }

    @Override
    public java.util.Optional<Report> report(String id) {
        return reports.report(id);
    }

    @Override
    public List<Report> reports(String gridCode, Instant since, int limit) {
        return reports.reports(gridCode, since, limit);
    }

    @Override
    public Map<String, Integer> reportCounts(Instant from, Instant to) {
        return reports.reportCounts(from, to);
    }

    @Override
    public List<Report> reportsBetween(Instant from, Instant to) {
        return reports.reportsBetween(from, to);
    }

    @Override
    public java.util.Optional<Report> move(String id, ReportStatus to, Instant at, String actor, String note) {
        return reports.move(id, to, at, actor, note);
    }

    @Override
    public List<ReportEvent> events(String id) {
        return reports.events(id);
    }

    @Override
    public AutoCloseable watch(java.util.function.Consumer<StoreChange> listener) {
        java.util.Properties credentials = new java.util.Properties();
        if (pool.getUsername() != null) credentials.setProperty("user", pool.getUsername());
        return new PgChangeListener(jdbcUrl, credentials, changes.origin(), listener);
    }

    @Override
    public void replaceStaff(List<StaffMember> staff) {
        this.staff.replaceStaff(staff);
    }

    @Override
    public List<StaffMember> staff() {
        return staff.staff();
    }

    @Override
    public void replaceZones(List<Zone> zones) {
        staff.replaceZones(zones);
    }

    @Override
    public List<Zone> zones() {
        return staff.zones();
    }

    @Override
    public DepartmentLayerInfo replaceUnits(String name, List<DepartmentUnit> units, String source) {
        return departments.replaceUnits(name, units, source);
    }

    @Override
    public DepartmentLayerInfo replaceResources(String name, List<DepartmentResource> resources, String source) {
        return departments.replaceResources(name, resources, source);
    }

    @Override
    public List<DepartmentLayerInfo> departmentLayers() {
        return departments.departmentLayers();
    }

    @Override
    public List<DepartmentUnit> units(String name) {
        return departments.units(name);
    }

    @Override
    public List<DepartmentResource> resources(String name) {
        return departments.resources(name);
    }

    @Override
    public boolean reachable() {
        try (Connection c = pool.getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
