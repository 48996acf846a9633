package org.gridatlas.store;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Staff and zones (片区) in PostGIS: each list replaced whole in one transaction, and announced. */
final class PostGisStaff implements StaffStore {
    private final Jdbc jdbc;
    private final PostGisChanges changes;

    PostGisStaff(Jdbc jdbc, PostGisChanges changes) {
        this.jdbc = jdbc;
        this.changes = changes;
    }

    @Override
    public void replaceStaff(List<StaffMember> staff) {
        replaceAll(
                "staff",
                StoreChange.Kind.STAFF,
                "INSERT INTO staff (grid_code, role, name, phone, department, branch) VALUES (?, ?, ?, ?, ?, ?)",
                staff,
                (ps, m) -> {
                    ps.setString(1, m.gridCode());
                    ps.setString(2, m.role());
                    ps.setString(3, m.name());
                    ps.setString(4, m.phone());
                    ps.setString(5, m.department());
                    ps.setString(6, m.branch());
                });
    }

    @Override
    public void replaceZones(List<Zone> zones) {
        replaceAll("zones", StoreChange.Kind.ZONES, "INSERT INTO zones VALUES (?, ?, ?)", zones, (ps, z) -> {
            ps.setString(1, z.communityCode());
            ps.setString(2, z.zoneCode());
            ps.setString(3, z.zoneName());
        });
    }

    @Override
    public List<Zone> zones() {
        List<Zone> out = new ArrayList<>();
        return jdbc.read(c -> {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(
                            "SELECT community_code, zone_code, zone_name FROM zones ORDER BY community_code")) {
                while (rs.next()) out.add(new Zone(rs.getString(1), rs.getString(2), rs.getString(3)));
                return out;
            }
        });
    }

    /** Replaces a whole table in one transaction. */
    private <T> void replaceAll(
            String table, StoreChange.Kind kind, String insert, List<T> rows, PostGisRows.Binder<T> binder) {
        jdbc.inTransaction(table + " import failed", c -> {
            try (Statement s = c.createStatement()) {
                s.execute("DELETE FROM " + table);
            }
            PostGisRows.insertAll(c, insert, rows, binder);
            changes.announce(c, new StoreChange(kind, null));
            return null;
        });
    }

    @Override
    public List<StaffMember> staff() {
        List<StaffMember> out = new ArrayList<>();
        return jdbc.read(c -> {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(
                            "SELECT grid_code, role, name, phone, department, branch FROM staff ORDER BY grid_code, role, name")) {
                while (rs.next())
                    out.add(new StaffMember(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6)));
                return out;
            }
        });
    }
}
