package org.gridatlas.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridatlas.engine.io.Feature;
import org.gridatlas.engine.io.LayerSchema;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/** Rows of the PostGIS store: written in batches, read back as the data contract's features; its JSON columns. */
final class PostGisRows {
    static final ObjectMapper JSON = new ObjectMapper();

    private PostGisRows() {}

    /** Rows as contract features: columns in the schema's field order, then the geometry as WKB when spatial. */
    static List<Feature> features(Connection c, String sql, LayerSchema schema, String... params) throws SQLException {
        List<Feature> out = new ArrayList<>();
        WKBReader wkb = new WKBReader(org.gridatlas.engine.geom.Geoms.LONLAT);
        List<String> names = new ArrayList<>(schema.fields().keySet());
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) s.setString(i + 1, params[i]);
            ResultSet rs = s.executeQuery();
            while (rs.next()) {
                Map<String, Object> p = new LinkedHashMap<>();
                for (int i = 0; i < names.size(); i++) {
                    Object v = rs.getObject(i + 1);
                    if (schema.fields().get(names.get(i)) == org.gridatlas.engine.io.FieldType.JSON && v != null)
                        v = json(v.toString());
                    p.put(names.get(i), v);
                }
                Geometry g = null;
                if (schema.spatial()) {
                    try {
                        g = wkb.read(rs.getBytes(names.size() + 1));
                    } catch (ParseException e) {
                        throw new SQLException("bad geometry in " + schema.name(), e);
                    }
                }
                out.add(new Feature(p, g));
            }
        }
        return out;
    }

    /** Binds one row's values to the statement's parameters. */
    interface Binder<T> {
        void bind(PreparedStatement ps, T row) throws SQLException, IOException;
    }

    /** Inserts the rows in one batch, in whatever transaction the caller holds. */
    static <T> void insertAll(Connection c, String sql, Iterable<T> rows, Binder<T> binder)
            throws SQLException, IOException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (T row : rows) {
                binder.bind(ps, row);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static Object json(String s) throws SQLException {
        try {
            return JSON.readValue(s, Object.class);
        } catch (IOException e) {
            throw new SQLException("bad JSON " + s, e);
        }
    }
}
