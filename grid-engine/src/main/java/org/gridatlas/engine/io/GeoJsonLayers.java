package org.gridatlas.engine.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridatlas.engine.geom.Geoms;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.locationtech.jts.io.geojson.GeoJsonWriter;

/** Streams GeoJSON FeatureCollections in and out, one feature at a time. */
public final class GeoJsonLayers {
    /** 9 decimals of a degree is 0.1 mm: finer than the 1 mm working precision, so output stays exact. */
    private static final int DECIMALS = 9;

    static final ObjectMapper JSON = new ObjectMapper();

    private GeoJsonLayers() {}

    public static List<Feature> read(Path file) throws IOException {
        try {
            return readFeatures(file);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            com.fasterxml.jackson.core.JsonLocation at = e.getLocation();
            throw new DatasetException(
                    List.of(file + (at == null ? "" : ": line " + at.getLineNr() + ", column " + at.getColumnNr())
                            + ": not valid JSON (" + e.getOriginalMessage() + "); is the file complete?"));
        }
    }

    /**
     * The coordinate system a file names in the legacy GeoJSON "crs" member (as GDAL and ArcGIS
     * write it for projected data), as "EPSG:n"; null when it names none, or lon/lat.
     */
    public static String declaredCrs(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
                JsonParser p = JSON.getFactory().createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if ("features".equals(field)) return null;
                if (!"crs".equals(field)) {
                    p.skipChildren();
                    continue;
                }
                String name = ((JsonNode) p.readValueAsTree())
                        .path("properties")
                        .path("name")
                        .asText("");
                java.util.regex.Matcher m =
                        java.util.regex.Pattern.compile("EPSG:{1,2}(\\d+)$").matcher(name.toUpperCase());
                if (!m.find() || m.group(1).equals("4326") || m.group(1).equals("4490")) return null;
                return "EPSG:" + m.group(1);
            }
            return null;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return null; // reading the features reports the error with its line and column
        }
    }

    private static List<Feature> readFeatures(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
                JsonParser p = JSON.getFactory().createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw bad(file, "not a JSON object");
            List<Feature> out = new ArrayList<>();
            GeoJsonReader geo = new GeoJsonReader(Geoms.LONLAT);
            boolean sawFeatures = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if (!"features".equals(field)) {
                    p.skipChildren();
                    continue;
                }
                if (p.currentToken() != JsonToken.START_ARRAY) throw bad(file, "'features' is not an array");
                sawFeatures = true;
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    JsonNode f = p.readValueAsTree();
                    out.add(toFeature(file, out.size(), f, geo));
                }
            }
            if (!sawFeatures) throw bad(file, "no 'features' array (expected a FeatureCollection)");
            return out;
        }
    }

    private static Feature toFeature(Path file, int index, JsonNode f, GeoJsonReader geo) throws IOException {
        JsonNode props = f.get("properties");
        Map<String, Object> map = props == null || props.isNull()
                ? new LinkedHashMap<>()
                : JSON.convertValue(
                        props, JSON.getTypeFactory().constructMapType(LinkedHashMap.class, String.class, Object.class));
        JsonNode g = f.get("geometry");
        Geometry geometry = null;
        if (g != null && !g.isNull()) {
            try {
                geometry = geo.read(g.toString());
            } catch (ParseException | RuntimeException e) {
                throw new DatasetException(List.of(file.getFileName() + " feature " + index + idOf(map)
                        + ": unreadable geometry: " + e.getMessage()));
            }
        }
        return new Feature(map, geometry);
    }

    private static String idOf(Map<String, Object> props) {
        Object id = props.get("id") != null ? props.get("id") : props.get("code");
        return id == null ? "" : " (id " + id + ")";
    }

    private static DatasetException bad(Path file, String why) {
        return new DatasetException(List.of(file + ": " + why));
    }

    public static void write(Path file, LayerSchema schema, Iterable<Feature> features) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        GeoJsonWriter geo = new GeoJsonWriter(DECIMALS);
        geo.setEncodeCRS(false);
        geo.setForceCCW(true);
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
                JsonGenerator g = JSON.getFactory().createGenerator(os)) {
            g.writeStartObject();
            g.writeStringField("type", "FeatureCollection");
            g.writeStringField("name", schema.name());
            g.writeArrayFieldStart("features");
            for (Feature f : features) {
                g.writeStartObject();
                g.writeStringField("type", "Feature");
                g.writeObjectFieldStart("properties");
                for (String name : schema.fields().keySet()) {
                    g.writeFieldName(name);
                    JSON.writeValue(g, f.properties().get(name));
                }
                g.writeEndObject();
                g.writeFieldName("geometry");
                if (f.geometry() == null) g.writeNull();
                else g.writeRawValue(geo.write(f.geometry()));
                g.writeEndObject();
                g.writeRaw('\n');
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }
}
