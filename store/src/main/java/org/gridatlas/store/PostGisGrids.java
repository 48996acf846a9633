package org.gridatlas.store;

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
import org.gridatlas.engine.io.DataContract;
import org.gridatlas.engine.io.DatasetAssembler;
import org.gridatlas.engine.io.Feature;
import org.gridatlas.engine.io.LayerSchema;
import org.gridatlas.engine.io.ResultReader;
import org.gridatlas.engine.io.ResultWriter;
import org.gridatlas.engine.model.Alias;
import org.gridatlas.engine.model.Building;
import org.gridatlas.engine.model.Community;
import org.gridatlas.engine.model.Dataset;
import org.gridatlas.engine.model.Delineation;
import org.gridatlas.engine.model.StreetAddress;
import org.locationtech.jts.io.WKBWriter;

/** The imported dataset, its grids and the runs in PostGIS: an import replaces them whole, in one transaction. */
final class PostGisGrids implements GridRepository {
    private final Jdbc jdbc;
    private final PostGisChanges changes;

    PostGisGrids(Jdbc jdbc, PostGisChanges changes) {
        this.jdbc = jdbc;
        this.changes = changes;
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
                        "DELETE FROM assignments; DELETE FROM grids; DELETE FROM buildings; DELETE FROM communities; DELETE FROM community_given_shapes; DELETE FROM barriers; DELETE FROM aliases; DELETE FROM pois");
            }
            insertCommunities(c, dataset.communities());
            insertBuildings(c, dataset.buildings());
            insertBarriers(c, dataset.barriers());
            insertPois(c, dataset.landmarks()); // campuses among the landmarks
            insertAliases(c, dataset.aliases());
            PostGisGridWrites.insertGrids(c, ResultWriter.gridFeatures(delineation.grids()));
            PostGisGridWrites.insertAssignments(c, delineation.assignments());
            // an import is a new version of every community (previews made before it are stale) and its codes are used
            PostGisRows.insertAll(
                    c,
                    "INSERT INTO community_versions VALUES (?, 1) "
                            + "ON CONFLICT (community_code) DO UPDATE SET version = community_versions.version + 1",
                    dataset.communities(),
                    (ps, community) -> ps.setString(1, community.code()));
            PostGisGridWrites.insertUsedCodes(c, delineation.grids());
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

    private static void insertCommunities(Connection c, List<Community> communities) throws SQLException, IOException {
        WKBWriter wkb = new WKBWriter();
        PostGisRows.insertAll(
                c,
                "INSERT INTO communities VALUES (?, ?, ?, ?, ?, ?, ?, ST_GeomFromWKB(?, 4490))",
                communities,
                (ps, x) -> {
                    ps.setString(1, x.code());
                    ps.setString(2, x.name());
                    ps.setString(3, x.kind().wireName());
                    ps.setString(4, x.streetCode());
                    ps.setString(5, x.streetName());
                    ps.setString(6, x.districtCode());
                    ps.setString(7, x.districtName());
                    ps.setBytes(8, wkb.write(x.geometry()));
                });
        PostGisRows.insertAll(
                c,
                "INSERT INTO community_given_shapes VALUES (?, ST_GeomFromWKB(?, 4490))",
                GivenShapes.rows(communities),
                (ps, row) -> {
                    ps.setString(1, (String) row.properties().get("code"));
                    ps.setBytes(2, wkb.write(row.geometry()));
                });
    }

    private static void insertBarriers(Connection c, List<org.gridatlas.engine.model.Barrier> barriers)
            throws SQLException, IOException {
        WKBWriter wkb = new WKBWriter();
        PostGisRows.insertAll(
                c,
                "INSERT INTO barriers (kind, class, geom, name) VALUES (?, ?, ST_GeomFromWKB(?, 4490), ?)",
                barriers,
                (ps, b) -> {
                    ps.setString(1, b.kind().wireName());
                    ps.setString(2, b.barrierClass().wireName());
                    ps.setBytes(3, wkb.write(b.geometry()));
                    ps.setString(4, b.name());
                });
    }

    private static void insertPois(Connection c, List<org.gridatlas.engine.model.Poi> pois)
            throws SQLException, IOException {
        WKBWriter wkb = new WKBWriter();
        PostGisRows.insertAll(
                c,
                "INSERT INTO pois (id, name, kind, aliases, geom) VALUES (?, ?, ?, ?, ST_GeomFromWKB(?, 4490))",
                pois,
                (ps, p) -> {
                    ps.setString(1, p.id());
                    ps.setString(2, p.name());
                    ps.setString(3, p.kind());
                    ps.setString(4, p.aliases().isEmpty() ? null : String.join(";", p.aliases()));
                    ps.setBytes(5, wkb.write(p.geometry()));
                });
    }

    private static void insertAliases(Connection c, List<Alias> aliases) throws SQLException, IOException {
        PostGisRows.insertAll(c, "INSERT INTO aliases VALUES (?, ?, ?)", aliases, (ps, a) -> {
            ps.setString(1, a.alias());
            ps.setString(2, a.kind().wireName());
            ps.setString(3, a.canonical());
        });
    }

    private static void insertBuildings(Connection c, List<Building> buildings) throws SQLException, IOException {
        WKBWriter wkb = new WKBWriter();
        PostGisRows.insertAll(
                c,
                "INSERT INTO buildings (id, households, use, compound_id, floors, address, units, geom, "
                        + "road, house_number, compound_name, building_no) VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ST_GeomFromWKB(?, 4490), ?, ?, ?, ?)",
                buildings,
                (ps, b) -> {
                    StreetAddress a =
                            b.address() == null ? new StreetAddress(null, null, null, null, null) : b.address();
                    ps.setString(1, b.id());
                    if (b.householdsMissing()) ps.setNull(2, java.sql.Types.INTEGER);
                    else ps.setInt(2, b.households());
                    ps.setString(3, b.use().wireName());
                    ps.setString(4, b.compoundId());
                    if (b.floors() == null) ps.setNull(5, java.sql.Types.INTEGER);
                    else ps.setInt(5, b.floors());
                    ps.setString(6, a.full());
                    ps.setString(7, b.hasUnits() ? PostGisRows.JSON.writeValueAsString(b.units()) : null);
                    ps.setBytes(8, wkb.write(b.geometry()));
                    ps.setString(9, a.road());
                    ps.setString(10, a.houseNumber());
                    ps.setString(11, a.compoundName());
                    ps.setString(12, a.buildingNo());
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
            List<Feature> given = PostGisRows.features(
                    c, "SELECT code, ST_AsBinary(geom) FROM community_given_shapes", GivenShapes.TABLE);
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
                    GivenShapes.restore(d.communities(), given),
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
    public boolean reachable() {
        return jdbc.reachable();
    }
}
