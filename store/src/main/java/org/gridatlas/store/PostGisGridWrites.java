package org.gridatlas.store;

import java.io.IOException;
import java.sql.Connection;
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
        PostGisRows.insertAll(
                c,
                "INSERT INTO grids VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ST_GeomFromWKB(?, 4490))",
                grids,
                (ps, f) -> {
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
                });
    }

    static void insertAssignments(Connection c, List<Assignment> assignments) throws SQLException, IOException {
        PostGisRows.insertAll(c, "INSERT INTO assignments VALUES (?, ?)", assignments, (ps, a) -> {
            ps.setString(1, a.buildingKey());
            ps.setString(2, a.gridCode());
        });
    }

    static void insertUsedCodes(Connection c, List<Grid> grids) throws SQLException, IOException {
        PostGisRows.insertAll(c, "INSERT INTO used_codes VALUES (?, ?) ON CONFLICT DO NOTHING", grids, (ps, g) -> {
            ps.setString(1, g.communityCode());
            ps.setString(2, g.code());
        });
    }
}
