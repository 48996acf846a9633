package org.gridatlas.api.ogc;

import io.javalin.http.Context;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridatlas.api.serving.FeatureCatalog;
import org.gridatlas.api.serving.GeoJsonOut;
import org.gridatlas.api.serving.Json;
import org.gridatlas.api.serving.PageLinks;
import org.locationtech.jts.geom.Envelope;

/**
 * OGC API – Features (Part 1 Core with the GeoJSON, HTML and OpenAPI 3.0 classes; Part 2 CRS by
 * reference) under /ogc: landing page, conformance, collections, items and single features, in JSON or
 * HTML. What the collections hold and how items are filtered is {@link FeatureCatalog}'s.
 */
public final class OgcFeatures {
    static final String ROOT = "/ogc";
    static final String JSON = "application/json", GEOJSON = "application/geo+json", HTML = "text/html";
    static final String OPENAPI = "application/vnd.oai.openapi+json;version=3.0";
    static final List<String> CONFORMANCE = List.of(
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
            "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
            "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/core",
            "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tileset",
            "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tilesets-list",
            "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/dataset-tilesets",
            "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/geodata-tilesets",
            "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/mvt",
            "http://www.opengis.net/spec/tms/2.0/conf/tilematrixset",
            "http://www.opengis.net/spec/tms/2.0/conf/json-tilematrixset");

    static final Set<String> FORMAT_ONLY = Set.of("f");
    private static final Set<String> ITEM = Set.of("f", "crs");
    static final Set<String> ITEMS = Set.of("f", "limit", "offset", "bbox", "bbox-crs", "crs");
    static final Set<String> TEMPORAL_ITEMS = Set.of("f", "limit", "offset", "bbox", "bbox-crs", "crs", "datetime");

    private final FeatureCatalog catalog;
    /** Links start with this (empty: relative); the request's Host header is never used. */
    private final String publicUrl;

    private final OgcOpenApi openApi;

    public OgcFeatures(FeatureCatalog catalog, String publicUrl) {
        this.catalog = catalog;
        this.publicUrl = publicUrl == null ? "" : publicUrl;
        this.openApi = new OgcOpenApi(catalog);
    }

    public void landing(Context ctx) {
        OgcRequest r = new OgcRequest(ctx, FORMAT_ONLY);
        List<Map<String, Object>> links = new ArrayList<>(self(r, ROOT, JSON, "this document"));
        links.add(link("service-desc", publicUrl + ROOT + "/api", OPENAPI, "the API definition (OpenAPI 3.0)"));
        links.add(link("service-doc", publicUrl + ROOT + "/api?f=html", HTML, "the API documentation"));
        links.add(link("conformance", publicUrl + ROOT + "/conformance", JSON, "conformance classes implemented"));
        links.add(link("data", publicUrl + ROOT + "/collections", JSON, "the feature collections"));
        links.add(link(
                "http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector",
                publicUrl + ROOT + "/tiles",
                JSON,
                "vector tiles of every layer"));
        links.add(link(
                "http://www.opengis.net/def/rel/ogc/1.0/tiling-schemes",
                publicUrl + ROOT + "/tileMatrixSets",
                JSON,
                "the tiling scheme (WebMercatorQuad)"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "GridAtlas 网格");
        body.put("description", "grids, micro grids, communities, streets, buildings, reports and department layers");
        body.put("links", links);
        answer(ctx, r, body, "GridAtlas 网格", links);
    }

    public void conformance(Context ctx) {
        OgcRequest r = new OgcRequest(ctx, FORMAT_ONLY);
        if (r.html()) {
            Html h = new Html("conformance");
            CONFORMANCE.forEach(h::paragraph);
            ctx.contentType(HTML + "; charset=utf-8").result(h.end());
            return;
        }
        ctx.contentType(JSON).result(Json.write(Map.of("conformsTo", CONFORMANCE)));
    }

    public void api(Context ctx) {
        OgcRequest r = new OgcRequest(ctx, FORMAT_ONLY);
        Map<String, Object> doc = openApi.document(publicUrl + ROOT);
        if (r.html()) {
            ctx.contentType(HTML + "; charset=utf-8").result(OgcOpenApi.html(doc));
            return;
        }
        ctx.contentType(OPENAPI).result(Json.write(doc));
    }

    public void collections(Context ctx) {
        OgcRequest r = new OgcRequest(ctx, FORMAT_ONLY);
        List<Map<String, Object>> collections = new ArrayList<>();
        for (FeatureCatalog.Collection c : catalog.collections()) collections.add(collection(c));
        List<Map<String, Object>> links = self(r, ROOT + "/collections", JSON, "the collections");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("links", links);
        body.put("collections", collections);
        body.put("crs", OgcCrs.uris());
        if (r.html()) {
            Html h = new Html("collections");
            for (Map<String, Object> c : collections) {
                h.heading(String.valueOf(c.get("title")));
                h.paragraph(String.valueOf(c.get("description")));
                h.links(links(c));
            }
            ctx.contentType(HTML + "; charset=utf-8").result(h.end());
            return;
        }
        ctx.contentType(JSON).result(Json.write(body));
    }

    public void collection(Context ctx) {
        OgcRequest r = new OgcRequest(ctx, FORMAT_ONLY);
        Map<String, Object> c = collection(catalog.collection(ctx.pathParam("collectionId")));
        answer(ctx, r, c, String.valueOf(c.get("title")), links(c));
    }

    public void items(Context ctx) throws IOException {
        String id = ctx.pathParam("collectionId");
        FeatureCatalog.Collection c = catalog.collection(id);
        OgcRequest r = new OgcRequest(ctx, c.temporal() ? TEMPORAL_ITEMS : ITEMS);
        boolean html = r.html();
        OgcCrs crs = r.crs();
        Instant[] when = c.temporal() ? r.datetime() : null;
        int offset = r.offset(), limit = r.limit();
        FeatureCatalog.Page page = catalog.items(
                id,
                new FeatureCatalog.Query(
                        r.bbox(), when == null ? null : when[0], when == null ? null : when[1], offset, limit));
        List<Map<String, Object>> links = new ArrayList<>();
        links.add(link(
                "self",
                PageLinks.withOffset(publicUrl, ctx.path(), ctx.queryParamMap(), offset),
                html ? HTML : GEOJSON,
                "this page"));
        links.add(
                link("alternate", withFormat(ctx, offset, html ? "json" : "html"), html ? GEOJSON : HTML, "this page"));
        if (offset + page.items().size() < page.matched())
            links.add(link(
                    "next",
                    PageLinks.withOffset(
                            publicUrl,
                            ctx.path(),
                            ctx.queryParamMap(),
                            offset + page.items().size()),
                    html ? HTML : GEOJSON,
                    "the next page"));
        links.add(link("collection", publicUrl + ROOT + "/collections/" + id, JSON, c.title()));
        ctx.header("Content-Crs", "<" + crs.uri() + ">");
        if (html) {
            Html h = new Html(c.title() + ": " + page.matched() + " features");
            h.links(links);
            for (FeatureCatalog.Item i : page.items()) {
                h.heading(i.id());
                h.table(i.properties());
            }
            ctx.contentType(HTML + "; charset=utf-8").result(h.end());
            return;
        }
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("numberMatched", page.matched());
        members.put("numberReturned", page.items().size());
        members.put("timeStamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        members.put("links", links);
        ctx.contentType(GEOJSON);
        try (GeoJsonOut out = new GeoJsonOut(ctx.outputStream(), crs::fromLonLat)) {
            out.startCollection(members);
            for (FeatureCatalog.Item i : page.items()) out.feature(i.id(), i.properties(), i.geometry());
            out.endCollection();
        }
    }

    public void item(Context ctx) throws IOException {
        String id = ctx.pathParam("collectionId");
        OgcRequest r = new OgcRequest(ctx, ITEM);
        OgcCrs crs = r.crs();
        FeatureCatalog.Item i = catalog.item(id, ctx.pathParam("featureId"));
        String path = ROOT + "/collections/" + id + "/items/" + encode(i.id());
        List<Map<String, Object>> links = new ArrayList<>(self(r, path, GEOJSON, i.id()));
        links.add(link("collection", publicUrl + ROOT + "/collections/" + id, JSON, id));
        ctx.header("Content-Crs", "<" + crs.uri() + ">");
        if (r.html()) {
            ctx.contentType(HTML + "; charset=utf-8")
                    .result(new Html(i.id()).table(i.properties()).links(links).end());
            return;
        }
        ctx.contentType(GEOJSON);
        try (GeoJsonOut out = new GeoJsonOut(ctx.outputStream(), crs::fromLonLat)) {
            out.feature(i.id(), i.properties(), i.geometry(), Map.of("links", links));
        }
    }

    private Map<String, Object> collection(FeatureCatalog.Collection c) {
        String path = ROOT + "/collections/" + c.id();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("title", c.title());
        m.put("description", c.description());
        Map<String, Object> extent = new LinkedHashMap<>();
        Envelope e = c.extent();
        extent.put(
                "spatial",
                Map.of(
                        "bbox",
                        List.of(
                                e == null
                                        ? List.of(-180, -90, 180, 90)
                                        : List.of(e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY())),
                        "crs",
                        OgcCrs.CRS84_URI));
        if (c.temporal()) {
            List<Object> open = new ArrayList<>();
            open.add(null);
            open.add(null);
            extent.put(
                    "temporal",
                    Map.of("interval", List.of(open), "trs", "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian"));
        }
        m.put("extent", extent);
        m.put("itemType", "feature");
        m.put("crs", OgcCrs.uris());
        m.put("storageCrs", OgcCrs.CRS84_URI);
        List<Map<String, Object>> links = new ArrayList<>(List.of(
                link("self", publicUrl + path, JSON, c.title()),
                link("alternate", publicUrl + path + "?f=html", HTML, c.title()),
                link("items", publicUrl + path + "/items", GEOJSON, "the features"),
                link("items", publicUrl + path + "/items?f=html", HTML, "the features")));
        if (FeatureCatalog.BUILT_IN.contains(c.id()))
            links.add(link(
                    "http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector",
                    publicUrl + path + "/tiles",
                    JSON,
                    "vector tiles"));
        m.put("links", links);
        return m;
    }

    /** A resource in JSON, or as an HTML page of its links. */
    private static void answer(
            Context ctx, OgcRequest r, Map<String, Object> body, String title, List<Map<String, Object>> links) {
        if (r.html()) {
            Html h = new Html(title);
            if (body.get("description") != null) h.paragraph(String.valueOf(body.get("description")));
            ctx.contentType(HTML + "; charset=utf-8").result(h.links(links).end());
            return;
        }
        ctx.contentType(JSON).result(Json.write(body));
    }

    /** The self link (in the format answered) and its alternate. */
    private List<Map<String, Object>> self(OgcRequest r, String path, String type, String title) {
        boolean html = r.html();
        return new ArrayList<>(List.of(
                link("self", publicUrl + path + (html ? "?f=html" : ""), html ? HTML : type, title),
                link("alternate", publicUrl + path + (html ? "" : "?f=html"), html ? type : HTML, title)));
    }

    private String withFormat(Context ctx, int offset, String format) {
        String page = PageLinks.withOffset(publicUrl, ctx.path(), ctx.queryParamMap(), offset);
        return page.replaceAll("([?&])f=[^&]*&", "$1") + "&f=" + format;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> links(Map<String, Object> resource) {
        return (List<Map<String, Object>>) resource.get("links");
    }

    static Map<String, Object> link(String rel, String href, String type, String title) {
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("href", href);
        l.put("rel", rel);
        l.put("type", type);
        l.put("title", title);
        return l;
    }

    private static String encode(String id) {
        return java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20");
    }
}
