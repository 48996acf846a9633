package org.gridatlas.engine.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridatlas.engine.geom.Geoms;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Reads an ESRI Shapefile layer (.shp with its .dbf, .cpg and .prj) as the published format
 * describes it: Point, MultiPoint, PolyLine and Polygon (with their Z and M variants, whose extra
 * values are dropped) and null shapes; rings clockwise are shells, counter-clockwise holes.
 * Attributes are decoded in the encoding the .cpg names, else UTF-8 where the bytes are UTF-8 and GBK
 * where they are not (what ArcGIS in China writes), unless the reader is told the encoding. Field
 * names cut to 10 characters (as GDAL and ArcGIS write them) are matched to the layer's full names.
 * Coordinates are returned as stored; the caller transforms them.
 */
public final class ShapefileLayers {
    private static final Charset GBK = Charset.forName("GBK");

    private ShapefileLayers() {}

    /** The coordinate system the layer's .prj names, as "EPSG:n"; null without a .prj or for lon/lat. */
    public static String declaredCrs(Path shp) throws IOException {
        Path prj = sibling(shp, ".prj");
        return Files.exists(prj) ? EsriPrj.epsg(prj, Files.readString(prj, StandardCharsets.ISO_8859_1)) : null;
    }

    /** Every record of the layer; {@code encoding} null: from the .cpg, else UTF-8 or GBK as the bytes say. */
    public static List<Feature> read(Path shp, LayerSchema schema, Charset encoding) throws IOException {
        Path dbf = sibling(shp, ".dbf");
        if (!Files.exists(dbf))
            throw new DatasetException(List.of(shp + ": its attributes (" + dbf.getFileName() + ") are missing"));
        List<Geometry> shapes = shapes(shp);
        List<Map<String, Object>> rows = rows(dbf, schema, encoding != null ? encoding : cpg(shp));
        if (shapes.size() != rows.size()) {
            throw new DatasetException(List.of(shp + ": " + shapes.size() + " shapes but " + rows.size()
                    + " attribute records in " + dbf.getFileName()));
        }
        List<Feature> out = new ArrayList<>(shapes.size());
        for (int i = 0; i < shapes.size(); i++) out.add(new Feature(rows.get(i), shapes.get(i)));
        return out;
    }

    static Path sibling(Path shp, String ext) {
        String name = shp.getFileName().toString();
        Path plain = shp.resolveSibling(name.substring(0, name.length() - 4) + ext);
        Path upper = shp.resolveSibling(name.substring(0, name.length() - 4) + ext.toUpperCase());
        return Files.exists(plain) || !Files.exists(upper) ? plain : upper;
    }

    /** The encoding a .cpg names (UTF-8, GBK, 936, CP936, GB2312 …), or null when there is none. */
    private static Charset cpg(Path shp) throws IOException {
        Path cpg = sibling(shp, ".cpg");
        if (!Files.exists(cpg)) return null;
        String name = Files.readString(cpg, StandardCharsets.US_ASCII).trim();
        if (name.matches("(?i)(cp)?936|gb2312|gb18030")) return GBK;
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            throw new DatasetException(List.of(cpg + ": unknown encoding '" + name + "' (give the encoding)"));
        }
    }

    private static List<Geometry> shapes(Path shp) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(shp));
        if (b.capacity() < 100 || b.order(ByteOrder.BIG_ENDIAN).getInt(0) != 9994)
            throw new DatasetException(List.of(shp + ": not an ESRI Shapefile"));
        List<Geometry> out = new ArrayList<>();
        int pos = 100;
        while (pos + 8 <= b.capacity()) {
            int record = b.order(ByteOrder.BIG_ENDIAN).getInt(pos);
            int length = b.getInt(pos + 4) * 2;
            if (pos + 8 + length > b.capacity())
                throw new DatasetException(List.of(shp + " record " + record + ": cut short (is the file complete?)"));
            ByteBuffer r = b.slice(pos + 8, length).order(ByteOrder.LITTLE_ENDIAN);
            try {
                out.add(shape(r));
            } catch (RuntimeException e) {
                throw new DatasetException(List.of(shp + " record " + record + " (feature " + out.size()
                        + "): unreadable shape: " + e.getMessage()));
            }
            pos += 8 + length;
        }
        return out;
    }

    private static Geometry shape(ByteBuffer r) {
        int type = r.getInt(0);
        switch (type) {
            case 0 -> {
                return null;
            }
            case 1, 11, 21 -> {
                return Geoms.LONLAT.createPoint(new Coordinate(r.getDouble(4), r.getDouble(12)));
            }
            case 8, 18, 28 -> {
                int n = r.getInt(36);
                Point[] pts = new Point[n];
                for (int i = 0; i < n; i++)
                    pts[i] = Geoms.LONLAT.createPoint(
                            new Coordinate(r.getDouble(40 + 16 * i), r.getDouble(48 + 16 * i)));
                return Geoms.LONLAT.createMultiPoint(pts);
            }
            case 3, 13, 23, 5, 15, 25 -> {
                int parts = r.getInt(36), points = r.getInt(40);
                int[] start = new int[parts + 1];
                for (int i = 0; i < parts; i++) start[i] = r.getInt(44 + 4 * i);
                start[parts] = points;
                int at = 44 + 4 * parts;
                List<Coordinate[]> rings = new ArrayList<>();
                for (int p = 0; p < parts; p++) {
                    Coordinate[] c = new Coordinate[start[p + 1] - start[p]];
                    for (int i = 0; i < c.length; i++) {
                        int k = at + 16 * (start[p] + i);
                        c[i] = new Coordinate(r.getDouble(k), r.getDouble(k + 8));
                    }
                    rings.add(c);
                }
                return type % 10 == 3 ? lines(rings) : polygons(rings);
            }
            default ->
                throw new IllegalArgumentException("shape type " + type
                        + " is not read (Point, MultiPoint, PolyLine, Polygon and their Z and M forms are)");
        }
    }

    private static Geometry lines(List<Coordinate[]> parts) {
        LineString[] ls = parts.stream().map(Geoms.LONLAT::createLineString).toArray(LineString[]::new);
        return ls.length == 1 ? ls[0] : Geoms.LONLAT.createMultiLineString(ls);
    }

    /** Clockwise rings are shells; each counter-clockwise ring is a hole of the shell that contains it. */
    private static Geometry polygons(List<Coordinate[]> rings) {
        List<LinearRing> shells = new ArrayList<>();
        List<List<LinearRing>> holes = new ArrayList<>();
        List<LinearRing> loose = new ArrayList<>();
        for (Coordinate[] c : rings) {
            LinearRing ring = Geoms.LONLAT.createLinearRing(c);
            if (Orientation.isCCW(c)) {
                loose.add(ring);
            } else {
                shells.add(ring);
                holes.add(new ArrayList<>());
            }
        }
        for (LinearRing hole : loose) {
            int owner = -1;
            for (int s = 0; s < shells.size() && owner < 0; s++) {
                if (Geoms.LONLAT.createPolygon(shells.get(s)).contains(hole.getInteriorPoint())) owner = s;
            }
            if (owner >= 0) {
                holes.get(owner).add(hole);
            } else {
                // a ring wound the wrong way with no shell around it: a shell as many writers mean it
                shells.add(Geoms.LONLAT.createLinearRing(hole.reverse().getCoordinates()));
                holes.add(new ArrayList<>());
            }
        }
        Polygon[] polys = new Polygon[shells.size()];
        for (int s = 0; s < polys.length; s++)
            polys[s] = Geoms.LONLAT.createPolygon(shells.get(s), holes.get(s).toArray(LinearRing[]::new));
        return polys.length == 1 ? polys[0] : Geoms.LONLAT.createMultiPolygon(polys);
    }

    private record Field(String name, char type, int offset, int length, int decimals) {}

    private static List<Map<String, Object>> rows(Path dbf, LayerSchema schema, Charset encoding) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(dbf)).order(ByteOrder.LITTLE_ENDIAN);
        if (b.capacity() < 32) throw new DatasetException(List.of(dbf + ": not a dBASE file"));
        int records = b.getInt(4), headerLength = b.getShort(8) & 0xffff, recordLength = b.getShort(10) & 0xffff;
        List<Field> fields = new ArrayList<>();
        int offset = 1;
        for (int at = 32; at + 32 <= headerLength && b.get(at) != 0x0D; at += 32) {
            int end = at;
            while (end < at + 11 && b.get(end) != 0) end++;
            String name = new String(b.array(), at, end - at, StandardCharsets.ISO_8859_1);
            Field f = new Field(
                    fullName(name, schema),
                    (char) b.get(at + 11),
                    offset,
                    b.get(at + 16) & 0xff,
                    b.get(at + 17) & 0xff);
            fields.add(f);
            offset += f.length();
        }
        Charset text = encoding != null ? encoding : utf8OrGbk(b, headerLength, recordLength, records, fields);
        List<Map<String, Object>> out = new ArrayList<>(records);
        for (int i = 0; i < records; i++) {
            int start = headerLength + i * recordLength;
            if (start + recordLength > b.capacity())
                throw new DatasetException(List.of(dbf + " record " + i + ": cut short (is the file complete?)"));
            if (b.get(start) == '*') continue; // deleted
            Map<String, Object> row = new LinkedHashMap<>();
            for (Field f : fields) {
                String raw = decode(b, start + f.offset(), f.length(), text, dbf, i, f.name());
                row.put(f.name(), value(f, raw, dbf, i, schema));
            }
            out.add(row);
        }
        return out;
    }

    /** The schema's name this (possibly cut) field name stands for, else the name as it is. */
    private static String fullName(String name, LayerSchema schema) {
        for (String full : schema.fields().keySet()) {
            if (full.equalsIgnoreCase(name)
                    || (name.length() == 10
                            && full.length() > 10
                            && full.substring(0, 10).equalsIgnoreCase(name))) return full;
        }
        return name;
    }

    /** UTF-8 when every text value decodes as UTF-8, else GBK. */
    private static Charset utf8OrGbk(ByteBuffer b, int header, int recordLength, int records, List<Field> fields) {
        var strict = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        for (int i = 0; i < records; i++) {
            for (Field f : fields) {
                if (f.type() != 'C') continue;
                try {
                    strict.decode(b.slice(header + i * recordLength + f.offset(), f.length()));
                } catch (CharacterCodingException | IndexOutOfBoundsException e) {
                    return GBK;
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    private static String decode(ByteBuffer b, int at, int length, Charset text, Path dbf, int record, String field) {
        var d = text.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return d.decode(b.slice(at, length)).toString().trim();
        } catch (CharacterCodingException e) {
            throw new DatasetException(List.of(dbf + " record " + record + " field " + field + ": not " + text.name()
                    + " text (give the encoding)"));
        }
    }

    private static Object value(Field f, String raw, Path dbf, int record, LayerSchema schema) {
        if (raw.isEmpty() || raw.chars().allMatch(c -> c == '*')) return null;
        switch (f.type()) {
            case 'N', 'F' -> {
                try {
                    if (f.decimals() == 0 && !raw.contains(".")) return Long.parseLong(raw);
                    double d = Double.parseDouble(raw);
                    return schema.fields().get(f.name()) == FieldType.INTEGER && d == Math.rint(d)
                            ? (Object) (long) d
                            : d;
                } catch (NumberFormatException e) {
                    throw new DatasetException(List.of(
                            dbf + " record " + record + " field " + f.name() + ": '" + raw + "' is not a number"));
                }
            }
            case 'L' -> {
                return "YyTt".indexOf(raw.charAt(0)) >= 0;
            }
            default -> {
                if (schema.fields().get(f.name()) == FieldType.JSON) {
                    try {
                        return GeoJsonLayers.JSON.readValue(raw, Object.class);
                    } catch (IOException e) {
                        throw new DatasetException(
                                List.of(dbf + " record " + record + " field " + f.name() + ": not JSON: " + raw));
                    }
                }
                return raw;
            }
        }
    }
}
