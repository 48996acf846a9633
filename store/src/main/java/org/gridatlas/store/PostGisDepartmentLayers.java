package org.gridatlas.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.gridatlas.engine.model.DepartmentResource;
import org.gridatlas.engine.model.DepartmentUnit;
import org.locationtech.jts.io.WKBWriter;

/** Other departments' layers in PostGIS: each import the name's next version, replaced whole in one transaction. */
final class PostGisDepartmentLayers implements DepartmentStore {
    private final Jdbc jdbc;

    PostGisDepartmentLayers(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public DepartmentLayerInfo replaceUnits(String name, List<DepartmentUnit> units, String source) {
        DepartmentTables.requireUniqueIds(
                name, units.stream().map(DepartmentUnit::id).toList());
        return replaceLayer(name, DepartmentLayerKind.UNITS, units.size(), source, c -> {
            WKBWriter wkb = new WKBWriter();
            try (PreparedStatement ps =
                    c.prepareStatement("INSERT INTO department_units VALUES (?, ?, ?, ?, ST_GeomFromWKB(?, 4490))")) {
                for (DepartmentUnit u : units) {
                    ps.setString(1, name);
                    ps.setString(2, u.id());
                    ps.setString(3, u.name());
                    ps.setString(4, u.department());
                    ps.setBytes(5, wkb.write(u.geometry()));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
    }

    @Override
    public DepartmentLayerInfo replaceResources(String name, List<DepartmentResource> resources, String source) {
        DepartmentTables.requireUniqueIds(
                name, resources.stream().map(DepartmentResource::id).toList());
        return replaceLayer(name, DepartmentLayerKind.RESOURCES, resources.size(), source, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO department_resources VALUES (?, ?, ?, ?, ?, ?::jsonb, ST_SetSRID(ST_MakePoint(?, ?), 4490))")) {
                int n = 0;
                for (DepartmentResource r : resources) {
                    ps.setString(1, name);
                    ps.setString(2, r.id());
                    ps.setString(3, r.type());
                    ps.setString(4, r.name());
                    ps.setString(5, r.department());
                    ps.setString(
                            6, r.attributes().isEmpty() ? null : PostGisRows.JSON.writeValueAsString(r.attributes()));
                    ps.setDouble(7, r.point().getX());
                    ps.setDouble(8, r.point().getY());
                    ps.addBatch();
                    if (++n % 10_000 == 0) ps.executeBatch();
                }
                ps.executeBatch();
            }
        });
    }

    /** Writes a layer's rows. */
    private interface LayerRows {
        void insert(Connection c) throws SQLException, java.io.IOException;
    }

    private DepartmentLayerInfo replaceLayer(
            String name, DepartmentLayerKind kind, int features, String source, LayerRows rows) {
        return jdbc.inTransaction("layer " + name + " not stored", c -> {
            try (Statement s = c.createStatement()) {
                // one import at a time: the next version is read and written in the same lock
                s.execute("LOCK TABLE department_layers IN EXCLUSIVE MODE");
            }
            DepartmentLayerInfo info = DepartmentTables.next(imports(c), name, kind, features, source);
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM " + (kind == DepartmentLayerKind.UNITS ? "department_units" : "department_resources")
                            + " WHERE layer = ?")) {
                ps.setString(1, name);
                ps.executeUpdate();
            }
            rows.insert(c);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO department_layers VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, info.name());
                ps.setString(2, info.kind().wireName());
                ps.setLong(3, info.version());
                ps.setInt(4, info.features());
                ps.setString(5, info.source());
                ps.setTimestamp(6, Timestamp.from(info.importedAt()));
                ps.executeUpdate();
            }
            return info;
        });
    }

    private static List<DepartmentLayerInfo> imports(Connection c) throws SQLException {
        List<DepartmentLayerInfo> out = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT name, kind, version, features, source, imported_at FROM department_layers")) {
            while (rs.next()) {
                out.add(new DepartmentLayerInfo(
                        rs.getString(1),
                        DepartmentLayerKind.parse(rs.getString(2)),
                        rs.getLong(3),
                        rs.getInt(4),
                        rs.getString(5),
                        rs.getTimestamp(6).toInstant()));
            }
        }
        return out;
    }

    @Override
    public List<DepartmentLayerInfo> departmentLayers() {
        return jdbc.read(c -> DepartmentTables.current(imports(c)));
    }

    @Override
    public List<DepartmentUnit> units(String name) {
        return jdbc.read(c -> PostGisRows.features(
                        c,
                        "SELECT layer, id, name, department, ST_AsBinary(geom) FROM department_units WHERE layer = ? ORDER BY id",
                        DepartmentTables.UNITS,
                        name)
                .stream()
                .map(DepartmentTables::unit)
                .toList());
    }

    @Override
    public List<DepartmentResource> resources(String name) {
        return jdbc.read(c -> PostGisRows.features(
                        c,
                        "SELECT layer, id, type, name, department, attributes, ST_AsBinary(geom) FROM department_resources WHERE layer = ? ORDER BY id",
                        DepartmentTables.RESOURCES,
                        name)
                .stream()
                .map(DepartmentTables::resource)
                .toList());
    }
}
