package org.gridatlas.store;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.gridatlas.engine.io.Feature;
import org.gridatlas.engine.model.Assignment;
import org.gridatlas.engine.model.Grid;
import org.locationtech.jts.io.WKBWriter;

/** The grids, their assignments and the codes they used, written alike by an import and by a planner's commit. */
final class PostGisGridWrites {
    private PostGisGridWrites() {}

    static void insertGrids(Connection c, List<Feature> grids) throws SQLException, IOException {
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
                ps.setString(10, PostGisRows.JSON.writeValueAsString(p.get("flags")));
                ps.setBytes(11, wkb.write(f.geometry()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    static void insertAssignments(Connection c, List<Assignment> assignments) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO assignments VALUES (?, ?)")) {
            for (Assignment a : assignments) {
                ps.setString(1, a.buildingKey());
                ps.setString(2, a.gridCode());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    static void insertUsedCodes(Connection c, List<Grid> grids) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO used_codes VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            for (Grid g : grids) {
                ps.setString(1, g.communityCode());
                ps.setString(2, g.code());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
