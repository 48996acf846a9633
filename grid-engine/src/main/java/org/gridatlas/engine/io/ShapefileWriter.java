package org.gridatlas.engine.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateArrays;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * Writes a polygon layer as an ESRI Shapefile (.shp, .shx, .dbf, .prj, .cpg) as the published
 * format describes it, for planners whose tools read nothing else: shells clockwise, holes
 * counter-clockwise; attributes in UTF-8 (named by the .cpg), field names cut to 10 characters as
 * {@link ShapefileLayers} reads them back, text over dBASE's 254 bytes cut at a character (the full
 * values stay in the GeoJSON, CSV and report written beside it); the .prj names the system.
 */
public final class ShapefileWriter {
    private static final int MAX_TEXT = 254;
    private static final int POLYGON = 5;

    private ShapefileWriter() {}

    /** Writes {@code dir/<layer>.shp} and its siblings; {@code crs} null: lon/lat. Geometry must be polygonal. */
    public static void write(Path dir, LayerSchema schema, List<Feature> features, InputCrs crs) throws IOException {
        List<Geometry> shapes = new ArrayList<>(features.size());
        for (Feature f : features)
            shapes.add(f.geometry() == null ? null : crs == null ? f.geometry() : crs.fromLonLat(f.geometry()));
        writeShapes(dir.resolve(schema.name() + ".shp"), dir.resolve(schema.name() + ".shx"), shapes);
        writeDbf(dir.resolve(schema.name() + ".dbf"), schema, features);
        Files.writeString(
                dir.resolve(schema.name() + ".prj"),
                crs == null ? EsriPrj.wkt(null, null) : crs.esriWkt(),
                StandardCharsets.US_ASCII);
        Files.writeString(dir.resolve(schema.name() + ".cpg"), "UTF-8", StandardCharsets.US_ASCII);
    }

    private static void writeShapes(Path shp, Path shx, List<Geometry> shapes) throws IOException {
        List<byte[]> records = new ArrayList<>(shapes.size());
        Envelope all = new Envelope();
        for (Geometry g : shapes) {
            records.add(record(g));
            if (g != null && !g.isEmpty()) all.expandToInclude(g.getEnvelopeInternal());
        }
        int shpLength = 100 + records.stream().mapToInt(r -> 8 + r.length).sum();
        ByteBuffer main = header(shpLength, all);
        ByteBuffer index = header(100 + 8 * records.size(), all);
        int offset = 100;
        for (int i = 0; i < records.size(); i++) {
            byte[] r = records.get(i);
            main.order(ByteOrder.BIG_ENDIAN).putInt(i + 1).putInt(r.length / 2).put(r);
            index.order(ByteOrder.BIG_ENDIAN).putInt(offset / 2).putInt(r.length / 2);
            offset += 8 + r.length;
        }
        Files.write(shp, main.array());
        Files.write(shx, index.array());
    }

    private static ByteBuffer header(int length, Envelope box) {
        ByteBuffer b = ByteBuffer.allocate(length);
        b.order(ByteOrder.BIG_ENDIAN)
                .putInt(9994)
                .putInt(0)
                .putInt(0)
                .putInt(0)
                .putInt(0)
                .putInt(0)
                .putInt(length / 2);
        b.order(ByteOrder.LITTLE_ENDIAN).putInt(1000).putInt(POLYGON);
        boolean none = box.isNull();
        b.putDouble(none ? 0 : box.getMinX())
                .putDouble(none ? 0 : box.getMinY())
                .putDouble(none ? 0 : box.getMaxX())
                .putDouble(none ? 0 : box.getMaxY());
        b.putDouble(0).putDouble(0).putDouble(0).putDouble(0);
        return b;
    }

    /** One record's content: a null shape, or a polygon of every ring of every part. */
    private static byte[] record(Geometry g) {
        if (g == null || g.isEmpty())
            return ByteBuffer.allocate(4)
                    .order(ByteOrder.LITTLE_ENDIAN)
                    .putInt(0)
                    .array();
        if (g.getDimension() != 2)
            throw new IllegalArgumentException("a Shapefile polygon layer holds polygons, not " + g.getGeometryType());
        List<Coordinate[]> rings = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Polygon p = (Polygon) g.getGeometryN(i);
            rings.add(wound(p.getExteriorRing(), false));
            for (int h = 0; h < p.getNumInteriorRing(); h++) rings.add(wound(p.getInteriorRingN(h), true));
        }
        int points = rings.stream().mapToInt(r -> r.length).sum();
        ByteBuffer b = ByteBuffer.allocate(44 + 4 * rings.size() + 16 * points).order(ByteOrder.LITTLE_ENDIAN);
        Envelope e = g.getEnvelopeInternal();
        b.putInt(POLYGON)
                .putDouble(e.getMinX())
                .putDouble(e.getMinY())
                .putDouble(e.getMaxX())
                .putDouble(e.getMaxY());
        b.putInt(rings.size()).putInt(points);
        int start = 0;
        for (Coordinate[] r : rings) {
            b.putInt(start);
            start += r.length;
        }
        for (Coordinate[] r : rings) for (Coordinate c : r) b.putDouble(c.x).putDouble(c.y);
        return b.array();
    }

    private static Coordinate[] wound(LinearRing ring, boolean counterClockwise) {
        Coordinate[] c = ring.getCoordinates();
        if (Orientation.isCCW(c) == counterClockwise) return c;
        Coordinate[] r = c.clone();
        CoordinateArrays.reverse(r);
        return r;
    }

    private record Column(String name, String field, char type, int length, int decimals) {}

    private static void writeDbf(Path dbf, LayerSchema schema, List<Feature> features) throws IOException {
        Map<String, List<byte[]>> text = new LinkedHashMap<>();
        List<Column> columns = new ArrayList<>();
        for (Map.Entry<String, FieldType> e : schema.fields().entrySet()) {
            String name = e.getKey().length() > 10 ? e.getKey().substring(0, 10) : e.getKey();
            switch (e.getValue()) {
                case INTEGER -> columns.add(new Column(name, e.getKey(), 'N', 18, 0));
                case REAL -> columns.add(new Column(name, e.getKey(), 'N', 24, 6));
                case TEXT, JSON -> {
                    List<byte[]> values = new ArrayList<>(features.size());
                    int longest = 1;
                    for (Feature f : features) {
                        byte[] v = cut(textOf(f.properties().get(e.getKey()), e.getValue()));
                        values.add(v);
                        longest = Math.max(longest, v.length);
                    }
                    text.put(e.getKey(), values);
                    columns.add(new Column(name, e.getKey(), 'C', longest, 0));
                }
            }
        }
        int headerLength = 32 + 32 * columns.size() + 1;
        int recordLength = 1 + columns.stream().mapToInt(Column::length).sum();
        ByteBuffer b = ByteBuffer.allocate(headerLength + recordLength * features.size() + 1)
                .order(ByteOrder.LITTLE_ENDIAN);
        LocalDate today = LocalDate.now();
        b.put((byte) 3)
                .put((byte) (today.getYear() - 1900))
                .put((byte) today.getMonthValue())
                .put((byte) today.getDayOfMonth());
        b.putInt(features.size()).putShort((short) headerLength).putShort((short) recordLength);
        b.position(32);
        for (Column c : columns) {
            int at = b.position();
            b.put(c.name().getBytes(StandardCharsets.US_ASCII));
            b.position(at + 11);
            b.put((byte) c.type()).putInt(0).put((byte) c.length()).put((byte) c.decimals());
            b.position(at + 32);
        }
        b.put((byte) 0x0D);
        for (int i = 0; i < features.size(); i++) {
            b.put((byte) ' ');
            Map<String, Object> p = features.get(i).properties();
            for (Column c : columns) {
                byte[] v = c.type() == 'C' ? text.get(c.field()).get(i) : number(p.get(c.field()), c);
                b.put(v);
                for (int k = v.length; k < c.length(); k++) b.put((byte) ' ');
            }
        }
        b.put((byte) 0x1A);
        Files.write(dbf, b.array());
    }

    private static String textOf(Object value, FieldType type) throws IOException {
        if (value == null) return "";
        return type == FieldType.JSON ? GeoJsonLayers.JSON.writeValueAsString(value) : value.toString();
    }

    /** UTF-8 bytes of at most {@link #MAX_TEXT}, cut before a character that would not fit whole. */
    private static byte[] cut(String s) {
        byte[] all = s.getBytes(StandardCharsets.UTF_8);
        if (all.length <= MAX_TEXT) return all;
        int end = MAX_TEXT;
        while ((all[end] & 0xC0) == 0x80) end--;
        return java.util.Arrays.copyOf(all, end);
    }

    /** A number right-aligned in its column; blank for none. */
    private static byte[] number(Object value, Column c) {
        if (value == null) return new byte[0];
        String s = c.decimals() == 0
                ? Long.toString(((Number) value).longValue())
                : String.format(Locale.ROOT, "%." + c.decimals() + "f", ((Number) value).doubleValue());
        if (s.length() > c.length())
            throw new IllegalArgumentException(c.field() + " = " + s + " does not fit a dBASE number of " + c.length());
        return (" ".repeat(c.length() - s.length()) + s).getBytes(StandardCharsets.US_ASCII);
    }
}
