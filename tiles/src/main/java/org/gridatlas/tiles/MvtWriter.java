package org.gridatlas.tiles;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.Puntal;

/**
 * Encodes a Mapbox Vector Tile (specification 2.1) straight from geometries whose coordinates are
 * whole tile units plus an integer origin: no copy of the geometry, no intermediate objects.
 * Rings are written exterior-first with the winding the specification asks for (exterior
 * positive area, y down); repeated points are dropped and degenerate parts skipped.
 */
final class MvtWriter {
    private static final int MOVE_TO = 1, LINE_TO = 2, CLOSE_PATH = 7;
    private static final int POINT = 1, LINESTRING = 2, POLYGON = 3;

    private final int extent;
    private final Bytes tile = new Bytes();
    private Layer current;

    MvtWriter(int extent) {
        this.extent = extent;
    }

    /** Starts a layer; features added from now on go into it. */
    void layer(String name) {
        finishLayer();
        current = new Layer(name);
    }

    /** Adds a feature: coordinates minus (originX, originY), rounded, are its tile coordinates. */
    void add(Geometry g, double originX, double originY, Map<String, Object> attributes) {
        if (g instanceof GeometryCollection
                && !(g instanceof Polygonal)
                && !(g instanceof Puntal)
                && !(g instanceof org.locationtech.jts.geom.Lineal)) {
            for (int i = 0; i < g.getNumGeometries(); i++) add(g.getGeometryN(i), originX, originY, attributes);
            return;
        }
        Ints geometry = new Ints();
        int type = encode(g, originX, originY, geometry);
        if (geometry.size == 0) return;
        current.feature(type, geometry, attributes);
    }

    /** The encoded tile, or null when no layer has a feature. */
    byte[] bytes() {
        finishLayer();
        return tile.size == 0 ? null : tile.toArray();
    }

    private void finishLayer() {
        if (current != null && current.features > 0) tile.message(3, current.encode(extent));
        current = null;
    }

    // ---- geometry commands

    private static int encode(Geometry g, double ox, double oy, Ints out) {
        Cursor c = new Cursor();
        if (g instanceof Puntal) {
            Ints params = new Ints();
            for (int i = 0; i < g.getNumGeometries(); i++) {
                Coordinate p = ((Point) g.getGeometryN(i)).getCoordinate();
                if (p != null) c.moveTo(params, Math.round(p.x - ox), Math.round(p.y - oy));
            }
            if (params.size > 0) {
                out.add(command(MOVE_TO, params.size / 2));
                out.addAll(params);
            }
            return POINT;
        }
        if (g instanceof Polygonal) {
            for (int i = 0; i < g.getNumGeometries(); i++) {
                Polygon p = (Polygon) g.getGeometryN(i);
                long[] shell = ring(p.getExteriorRing().getCoordinateSequence(), ox, oy);
                if (shell == null || !writeRing(shell, true, c, out)) continue;
                for (int h = 0; h < p.getNumInteriorRing(); h++) {
                    long[] hole = ring(p.getInteriorRingN(h).getCoordinateSequence(), ox, oy);
                    if (hole != null) writeRing(hole, false, c, out);
                }
            }
            return POLYGON;
        }
        for (int i = 0; i < g.getNumGeometries(); i++) {
            long[] line = points(((LineString) g.getGeometryN(i)).getCoordinateSequence(), ox, oy, false);
            if (line.length < 4) continue;
            c.moveToCommand(out, line[0], line[1]);
            out.add(command(LINE_TO, line.length / 2 - 1));
            for (int k = 2; k < line.length; k += 2) c.lineTo(out, line[k], line[k + 1]);
        }
        return LINESTRING;
    }

    /** A ring's distinct points (x0, y0, x1, y1, ...) without the closing one; null when fewer than 3. */
    private static long[] ring(CoordinateSequence s, double ox, double oy) {
        long[] p = points(s, ox, oy, true);
        return p.length < 6 ? null : p;
    }

    private static long[] points(CoordinateSequence s, double ox, double oy, boolean dropClosing) {
        long[] p = new long[s.size() * 2];
        int n = 0;
        for (int i = 0; i < s.size(); i++) {
            long x = Math.round(s.getX(i) - ox), y = Math.round(s.getY(i) - oy);
            if (n > 0 && p[n - 2] == x && p[n - 1] == y) continue;
            p[n++] = x;
            p[n++] = y;
        }
        if (dropClosing && n >= 4 && p[0] == p[n - 2] && p[1] == p[n - 1]) n -= 2;
        return n == p.length ? p : Arrays.copyOf(p, n);
    }

    /** Writes the ring unless it has no area; says whether it did. */
    private static boolean writeRing(long[] r, boolean exterior, Cursor c, Ints out) {
        double area = 0;
        int n = r.length / 2;
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n;
            area += (double) r[2 * i] * r[2 * j + 1] - (double) r[2 * j] * r[2 * i + 1];
        }
        if (area == 0) return false;
        boolean reverse = (area > 0) != exterior; // exterior: positive area in tile coordinates (y down)
        int first = reverse ? n - 1 : 0;
        c.moveToCommand(out, r[2 * first], r[2 * first + 1]);
        out.add(command(LINE_TO, n - 1));
        for (int k = 1; k < n; k++) {
            int i = reverse ? n - 1 - k : k;
            c.lineTo(out, r[2 * i], r[2 * i + 1]);
        }
        out.add(command(CLOSE_PATH, 1));
        return true;
    }

    private static int command(int id, int count) {
        return (id & 0x7) | (count << 3);
    }

    private static int zigzag(long v) {
        return (int) ((v << 1) ^ (v >> 63));
    }

    /** The pen position: commands carry deltas from it. */
    private static final class Cursor {
        long x, y;

        void moveTo(Ints params, long nx, long ny) {
            params.add(zigzag(nx - x));
            params.add(zigzag(ny - y));
            x = nx;
            y = ny;
        }

        void moveToCommand(Ints out, long nx, long ny) {
            out.add(command(MOVE_TO, 1));
            moveTo(out, nx, ny);
        }

        void lineTo(Ints out, long nx, long ny) {
            moveTo(out, nx, ny);
        }
    }

    // ---- layer and protobuf

    private static final class Layer {
        final String name;
        final Map<String, Integer> keys = new LinkedHashMap<>();
        final Map<Object, Integer> values = new LinkedHashMap<>();
        final Bytes body = new Bytes();
        int features;

        Layer(String name) {
            this.name = name;
        }

        void feature(int type, Ints geometry, Map<String, Object> attributes) {
            Bytes f = new Bytes();
            Ints tags = new Ints();
            for (Map.Entry<String, Object> a : attributes.entrySet()) {
                if (a.getValue() == null) continue;
                tags.add(keys.computeIfAbsent(a.getKey(), k -> keys.size()));
                tags.add(values.computeIfAbsent(a.getValue(), v -> values.size()));
            }
            if (tags.size > 0) f.packed(2, tags);
            f.varintField(3, type);
            f.packed(4, geometry);
            body.message(2, f);
            features++;
        }

        Bytes encode(int extent) {
            Bytes l = new Bytes();
            l.varintField(15, 2);
            l.string(1, name);
            l.raw(body);
            for (String k : keys.keySet()) l.string(3, k);
            for (Object v : values.keySet()) l.message(4, value(v));
            l.varintField(5, extent);
            return l;
        }

        private static Bytes value(Object v) {
            Bytes b = new Bytes();
            if (v instanceof Boolean x) {
                b.varintField(7, x ? 1 : 0);
            } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
                b.tag(6, 0);
                long n = ((Number) v).longValue();
                b.varint((n << 1) ^ (n >> 63));
            } else if (v instanceof Number n) {
                b.tag(3, 1);
                long bits = Double.doubleToLongBits(n.doubleValue());
                for (int i = 0; i < 8; i++) b.put((byte) (bits >>> (8 * i)));
            } else {
                b.string(1, v.toString());
            }
            return b;
        }
    }

    /** A growable int list (geometry commands, tags). */
    private static final class Ints {
        int[] a = new int[64];
        int size;

        void add(int v) {
            if (size == a.length) a = Arrays.copyOf(a, size * 2);
            a[size++] = v;
        }

        void addAll(Ints o) {
            for (int i = 0; i < o.size; i++) add(o.a[i]);
        }
    }

    /** A growable byte buffer with the few protobuf encodings a tile needs. */
    private static final class Bytes {
        byte[] a = new byte[256];
        int size;

        void put(byte b) {
            if (size == a.length) a = Arrays.copyOf(a, size * 2);
            a[size++] = b;
        }

        void varint(long v) {
            while ((v & ~0x7FL) != 0) {
                put((byte) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            put((byte) v);
        }

        void tag(int field, int wireType) {
            varint(((long) field << 3) | wireType);
        }

        void varintField(int field, long v) {
            tag(field, 0);
            varint(v);
        }

        void string(int field, String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            tag(field, 2);
            varint(b.length);
            for (byte x : b) put(x);
        }

        void message(int field, Bytes m) {
            tag(field, 2);
            varint(m.size);
            raw(m);
        }

        void packed(int field, Ints values) {
            Bytes p = new Bytes();
            for (int i = 0; i < values.size; i++) p.varint(values.a[i] & 0xFFFFFFFFL);
            message(field, p);
        }

        void raw(Bytes m) {
            if (size + m.size > a.length) a = Arrays.copyOf(a, Math.max(a.length * 2, size + m.size));
            System.arraycopy(m.a, 0, a, size, m.size);
            size += m.size;
        }

        byte[] toArray() {
            return Arrays.copyOf(a, size);
        }
    }
}
