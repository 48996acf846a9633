package org.gridatlas.api.ogc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridatlas.api.serving.FeatureCatalog;

/**
 * The OpenAPI 3.0 definition of /ogc (the service-desc), made from the collections served now: each
 * collection's paths with exactly the parameters its operations take, written as OGC API Features
 * Part 1 and 2 define them (limit an integer 1–10000 with default 10, bbox an array of four or six
 * numbers in form style without explode, datetime and the CRS URIs as strings).
 */
final class OgcOpenApi {
    private static final String ERROR = "#/components/responses/Error";
    private final FeatureCatalog catalog;

    OgcOpenApi(FeatureCatalog catalog) {
        this.catalog = catalog;
    }

    Map<String, Object> document(String server) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.0.3");
        doc.put(
                "info",
                Map.of(
                        "title", "GridAtlas OGC API",
                        "version", "1.0.0",
                        "description", "OGC API – Features and Tiles over the grids and the layers that go with them"));
        doc.put("servers", List.of(Map.of("url", server)));
        Map<String, Object> paths = new LinkedHashMap<>();
        paths.put("/", get("getLandingPage", "the landing page", List.of(format()), content(OgcFeatures.JSON)));
        paths.put(
                "/conformance",
                get("getConformanceDeclaration", "conformance classes", List.of(format()), content(OgcFeatures.JSON)));
        paths.put("/api", get("getApi", "this definition", List.of(format()), content(OgcFeatures.OPENAPI)));
        paths.put(
                "/collections",
                get("getCollections", "the feature collections", List.of(format()), content(OgcFeatures.JSON)));
        for (FeatureCatalog.Collection c : catalog.collections()) {
            String path = "/collections/" + c.id();
            String op = c.id().replaceAll("[^A-Za-z0-9]", "_");
            paths.put(path, get("describe_" + op, c.title(), List.of(format()), content(OgcFeatures.JSON)));
            List<Object> items =
                    new ArrayList<>(List.of(format(), limit(), offset(), bbox(), crs("bbox-crs"), crs("crs")));
            if (c.temporal()) items.add(datetime());
            paths.put(
                    path + "/items",
                    get("getFeatures_" + op, c.title() + ": features", items, content(OgcFeatures.GEOJSON)));
            paths.put(
                    path + "/items/{featureId}",
                    get(
                            "getFeature_" + op,
                            c.title() + ": one feature",
                            List.of(featureId(), format(), crs("crs")),
                            content(OgcFeatures.GEOJSON)));
        }
        OgcTiles.paths(paths);
        doc.put("paths", paths);
        doc.put(
                "components",
                Map.of(
                        "responses",
                        Map.of(
                                "Error",
                                Map.of(
                                        "description",
                                        "the request is refused (400: a parameter unknown or invalid, 404: no such resource)",
                                        "content",
                                        Map.of(OgcFeatures.JSON, Map.of("schema", Map.of("type", "object")))))));
        return doc;
    }

    static Map<String, Object> get(String operationId, String summary, List<Object> parameters, Object content) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("operationId", operationId);
        op.put("summary", summary);
        op.put("parameters", parameters);
        op.put(
                "responses",
                Map.of(
                        "200", Map.of("description", summary, "content", content),
                        "400", Map.of("$ref", ERROR),
                        "404", Map.of("$ref", ERROR)));
        return Map.of("get", op);
    }

    /** A response in this media type, or in HTML. */
    static Map<String, Object> content(String type) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put(type, Map.of("schema", Map.of("type", "object")));
        c.put(OgcFeatures.HTML, Map.of("schema", Map.of("type", "string")));
        return c;
    }

    static Map<String, Object> query(String name, String description, Map<String, Object> schema) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", name);
        p.put("in", "query");
        p.put("description", description);
        p.put("required", false);
        p.put("schema", schema);
        p.put("style", "form");
        p.put("explode", false);
        return p;
    }

    static Map<String, Object> path(String name, String description) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", name);
        p.put("in", "path");
        p.put("description", description);
        p.put("required", true);
        p.put("schema", Map.of("type", "string"));
        return p;
    }

    static Map<String, Object> format() {
        return query("f", "the format of the answer", Map.of("type", "string", "enum", List.of("json", "html")));
    }

    private static Map<String, Object> limit() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("type", "integer");
        s.put("minimum", 1);
        s.put("maximum", OgcRequest.MAX_LIMIT);
        s.put("default", OgcRequest.DEFAULT_LIMIT);
        return query("limit", "at most this many features in the answer", s);
    }

    private static Map<String, Object> offset() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("type", "integer");
        s.put("minimum", 0);
        s.put("maximum", OgcRequest.MAX_OFFSET);
        s.put("default", 0);
        return query("offset", "features to skip (the next links carry it)", s);
    }

    private static Map<String, Object> bbox() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("type", "array");
        s.put("oneOf", List.of(Map.of("minItems", 4, "maxItems", 4), Map.of("minItems", 6, "maxItems", 6)));
        s.put("items", Map.of("type", "number"));
        return query(
                "bbox",
                "only features whose geometry intersects this box: lower and upper corner in the axis order of"
                        + " bbox-crs (CRS84: lon,lat)",
                s);
    }

    private static Map<String, Object> crs(String name) {
        return query(
                name,
                name.equals("crs") ? "the coordinate system of the answer" : "the coordinate system of bbox",
                Map.of("type", "string", "format", "uri", "enum", OgcCrs.uris()));
    }

    private static Map<String, Object> datetime() {
        return query(
                "datetime",
                "only features whose time lies in this instant or interval (RFC 3339, '..' for an open end)",
                Map.of("type", "string"));
    }

    private static Map<String, Object> featureId() {
        return path("featureId", "the feature's id");
    }

    /** The definition as an HTML page (the service-doc): every path and its parameters, as text. */
    @SuppressWarnings("unchecked")
    static String html(Map<String, Object> doc) {
        Html h = new Html("GridAtlas OGC API");
        h.paragraph("server: "
                + ((List<Map<String, Object>>) doc.get("servers")).get(0).get("url"));
        ((Map<String, Object>) doc.get("paths")).forEach((path, item) -> {
            Map<String, Object> op = (Map<String, Object>) ((Map<String, Object>) item).get("get");
            h.heading("GET " + path);
            h.paragraph(String.valueOf(op.get("summary")));
            Map<String, Object> params = new LinkedHashMap<>();
            for (Map<String, Object> p : (List<Map<String, Object>>) op.get("parameters"))
                params.put(p.get("name") + " (" + p.get("in") + ")", p.get("description"));
            h.table(params);
        });
        return h.end();
    }
}
