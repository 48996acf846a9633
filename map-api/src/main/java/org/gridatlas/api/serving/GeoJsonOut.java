package org.gridatlas.api.serving;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.gridatlas.engine.geom.ChinaCrs;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonWriter;

/** Streams GeoJSON features straight to a response, geometry written by JTS (9 decimals, RFC 7946 winding). */
public final class GeoJsonOut implements AutoCloseable {
    private final JsonGenerator g;
    private final GeoJsonWriter geo = new GeoJsonWriter(9);
    private final UnaryOperator<Geometry> project;

    public GeoJsonOut(OutputStream out) throws IOException {
        this(out, ChinaCrs.WGS84);
    }

    /** Geometry is written in {@code crs}: GCJ-02 or BD-09 so overlays line up with Amap/Tencent or Baidu base maps. */
    public GeoJsonOut(OutputStream out, ChinaCrs crs) throws IOException {
        this(out, crs::fromWgs84);
    }

    /** Geometry is written as {@code project} makes it from lon/lat (another system, another axis order). */
    public GeoJsonOut(OutputStream out, UnaryOperator<Geometry> project) throws IOException {
        this.project = project;
        this.g = Json.MAPPER.getFactory().createGenerator(out);
        geo.setEncodeCRS(false);
        geo.setForceCCW(true);
    }

    /** Opens a FeatureCollection; {@code members} are written before "features" (counts, links). */
    public void startCollection(Map<String, Object> members) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", "FeatureCollection");
        for (Map.Entry<String, Object> m : members.entrySet()) {
            g.writeFieldName(m.getKey());
            Json.MAPPER.writeValue(g, m.getValue());
        }
        g.writeArrayFieldStart("features");
    }

    public void feature(Object id, Map<String, Object> properties, Geometry geometry) throws IOException {
        feature(id, properties, geometry, Map.of());
    }

    /** A feature with more members after its geometry (its links). */
    public void feature(Object id, Map<String, Object> properties, Geometry geometry, Map<String, Object> members)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("type", "Feature");
        if (id != null) g.writeStringField("id", id.toString());
        g.writeFieldName("properties");
        Json.MAPPER.writeValue(g, properties);
        g.writeFieldName("geometry");
        if (geometry == null) g.writeNull();
        else g.writeRawValue(geo.write(project.apply(geometry)));
        for (Map.Entry<String, Object> m : members.entrySet()) {
            g.writeFieldName(m.getKey());
            Json.MAPPER.writeValue(g, m.getValue());
        }
        g.writeEndObject();
    }

    public void endCollection() throws IOException {
        g.writeEndArray();
        g.writeEndObject();
    }

    @Override
    public void close() throws IOException {
        g.close();
    }

    public static List<Object> link(String rel, String href) {
        return List.of(Map.of("rel", rel, "href", href, "type", "application/geo+json"));
    }
}
