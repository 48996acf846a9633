package org.gridatlas.api.ogc;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridatlas.api.serving.FeatureCatalog;
import org.gridatlas.api.serving.Json;
import org.gridatlas.api.serving.MapLayers;
import org.gridatlas.api.serving.NotFound;
import org.gridatlas.engine.errors.InputException;
import org.gridatlas.tiles.TileId;

/**
 * OGC API – Tiles over the vector tiles: the WebMercatorQuad tile matrix set, a dataset tileset of the
 * map's layers together and one per collection that has a tile layer, each with its tile template
 * {tileMatrix}/{tileRow}/{tileCol} and as TileJSON 3.0 (f=tilejson) for MapLibre. The tiles are those
 * of /tiles, from the same cache.
 */
public final class OgcTiles {
    static final String TMS = "WebMercatorQuad";
    private static final String TMS_URI = "http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad";
    private static final String MERCATOR = "http://www.opengis.net/def/crs/EPSG/0/3857";
    private static final String MVT = "application/vnd.mapbox-vector-tile";
    private static final String TILEJSON = "application/vnd.mapbox.tile+json";
    private static final String TEMPLATE = "/{tileMatrix}/{tileRow}/{tileCol}";
    private static final int MAX_ZOOM = 22;
    /** WebMercatorQuad at zoom 0 (OGC 17-083r4, annex D): metres per pixel and the scale denominator. */
    private static final double CELL_SIZE_0 = 156543.03392804097,
            SCALE_0 = 559082264.0287178,
            ORIGIN = 20037508.342789244;

    private static final List<String> TILESET_FORMATS = List.of("json", "html", "tilejson");

    private final VectorTiles tiles;
    private final String publicUrl;

    public OgcTiles(VectorTiles tiles, String publicUrl) {
        this.tiles = tiles;
        this.publicUrl = publicUrl == null ? "" : publicUrl;
    }

    public void tileMatrixSets(Context ctx) {
        new OgcRequest(ctx, OgcFeatures.FORMAT_ONLY);
        String href = publicUrl + OgcFeatures.ROOT + "/tileMatrixSets/" + TMS;
        json(
                ctx,
                Map.of(
                        "tileMatrixSets",
                        List.of(Map.of(
                                "id",
                                TMS,
                                "title",
                                "Google Maps Compatible for the World",
                                "uri",
                                TMS_URI,
                                "links",
                                List.of(OgcFeatures.link("self", href, OgcFeatures.JSON, TMS))))));
    }

    /** The tile matrix set as OGC Two Dimensional Tile Matrix Set 2.0 defines it (JSON encoding). */
    public void tileMatrixSet(Context ctx) {
        new OgcRequest(ctx, OgcFeatures.FORMAT_ONLY);
        tileMatrixSetId(ctx);
        List<Map<String, Object>> matrices = new ArrayList<>();
        for (int z = 0; z <= MAX_ZOOM; z++) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", Integer.toString(z));
            m.put("scaleDenominator", SCALE_0 / (1L << z));
            m.put("cellSize", CELL_SIZE_0 / (1L << z));
            m.put("cornerOfOrigin", "topLeft");
            m.put("pointOfOrigin", List.of(-ORIGIN, ORIGIN));
            m.put("tileWidth", 256);
            m.put("tileHeight", 256);
            m.put("matrixWidth", 1L << z);
            m.put("matrixHeight", 1L << z);
            matrices.add(m);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", TMS);
        body.put("title", "Google Maps Compatible for the World");
        body.put("uri", TMS_URI);
        body.put("crs", MERCATOR);
        body.put("orderedAxes", List.of("X", "Y"));
        body.put("wellKnownScaleSet", "http://www.opengis.net/def/wkss/OGC/1.0/GoogleMapsCompatible");
        body.put("tileMatrices", matrices);
        json(ctx, body);
    }

    /** The dataset's tilesets (the map's layers together). */
    public void datasetTilesets(Context ctx) {
        new OgcRequest(ctx, OgcFeatures.FORMAT_ONLY);
        json(ctx, Map.of("tilesets", List.of(summary(OgcFeatures.ROOT + "/tiles/" + TMS, "the map's layers"))));
    }

    public void datasetTileset(Context ctx) {
        tileset(ctx, "all", OgcFeatures.ROOT + "/tiles/" + TMS, "the map's layers");
    }

    public void datasetTile(Context ctx) {
        tile(ctx, "all");
    }

    public void collectionTilesets(Context ctx) {
        new OgcRequest(ctx, OgcFeatures.FORMAT_ONLY);
        String id = layer(ctx);
        json(ctx, Map.of("tilesets", List.of(summary(OgcFeatures.ROOT + "/collections/" + id + "/tiles/" + TMS, id))));
    }

    public void collectionTileset(Context ctx) {
        String id = layer(ctx);
        tileset(ctx, id, OgcFeatures.ROOT + "/collections/" + id + "/tiles/" + TMS, id);
    }

    public void collectionTile(Context ctx) {
        tile(ctx, layer(ctx));
    }

    private void tileset(Context ctx, String layer, String path, String title) {
        OgcRequest r = new OgcRequest(ctx, OgcFeatures.FORMAT_ONLY);
        tileMatrixSetId(ctx);
        String f = ctx.queryParam("f");
        if (f != null && !TILESET_FORMATS.contains(f))
            throw new InputException("f", "is json, html or tilejson, got '" + OgcRequest.shown(f) + "'");
        if ("tilejson".equals(f)) {
            ctx.contentType(TILEJSON).result(Json.write(tiles.tileJson(layer, publicUrl + path + "/{z}/{y}/{x}")));
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>(summary(path, title));
        body.put(
                "layers",
                (layer.equals("all") ? MapLayers.NAMES : List.of(layer))
                        .stream()
                                .map(l -> Map.of("id", l, "dataType", "vector"))
                                .toList());
        if (r.html()) {
            ctx.contentType(OgcFeatures.HTML + "; charset=utf-8")
                    .result(new Html(title + " tiles").links(links(body)).end());
            return;
        }
        json(ctx, body);
    }

    /** A tileset's description: what it is, its tiling scheme and its tile template. */
    private Map<String, Object> summary(String path, String title) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", title);
        m.put("dataType", "vector");
        m.put("crs", MERCATOR);
        m.put("tileMatrixSetURI", TMS_URI);
        Map<String, Object> template = OgcFeatures.link("item", publicUrl + path + TEMPLATE, MVT, "a tile");
        template.put("templated", true);
        m.put(
                "links",
                List.of(
                        OgcFeatures.link("self", publicUrl + path, OgcFeatures.JSON, title),
                        OgcFeatures.link(
                                "http://www.opengis.net/def/rel/ogc/1.0/tiling-scheme",
                                publicUrl + OgcFeatures.ROOT + "/tileMatrixSets/" + TMS,
                                OgcFeatures.JSON,
                                TMS),
                        OgcFeatures.link("alternate", publicUrl + path + "?f=tilejson", TILEJSON, "TileJSON"),
                        template));
        return m;
    }

    private void tile(Context ctx, String layer) {
        new OgcRequest(ctx, OgcFeatures.FORMAT_ONLY);
        tileMatrixSetId(ctx);
        String f = ctx.queryParam("f");
        if (f != null && !f.equals("mvt"))
            throw new InputException("f", "tiles are mvt, got '" + OgcRequest.shown(f) + "'");
        int z = index(ctx, "tileMatrix"), y = index(ctx, "tileRow"), x = index(ctx, "tileCol");
        if (z > MAX_ZOOM || x >= (1L << z) || y >= (1L << z))
            throw new NotFound("tile " + z + "/" + y + "/" + x + " of " + TMS);
        tiles.tile(ctx, layer, new TileId(z, x, y), "mvt");
    }

    private static int index(Context ctx, String name) {
        String v = ctx.pathParam(name);
        try {
            int i = Integer.parseInt(v);
            if (i < 0) throw new NumberFormatException();
            return i;
        } catch (NumberFormatException e) {
            throw new InputException(name, "must be an integer ≥ 0, got '" + OgcRequest.shown(v) + "'");
        }
    }

    private static void tileMatrixSetId(Context ctx) {
        String id = ctx.pathParam("tileMatrixSetId");
        if (!id.equals(TMS)) throw new NotFound("tile matrix set " + OgcRequest.shown(id) + " (there is " + TMS + ")");
    }

    /** The collection's tile layer: the built-in collections have one (department layers are drawn together, in /tiles). */
    private static String layer(Context ctx) {
        String id = ctx.pathParam("collectionId");
        if (!FeatureCatalog.BUILT_IN.contains(id)) throw new NotFound("tiles of collection " + OgcRequest.shown(id));
        return id;
    }

    private static void json(Context ctx, Map<String, Object> body) {
        ctx.contentType(OgcFeatures.JSON).result(Json.write(body));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> links(Map<String, Object> body) {
        return (List<Map<String, Object>>) body.get("links");
    }

    /** The tiles' paths in the OpenAPI definition. */
    static void paths(Map<String, Object> paths) {
        List<Object> f = List.of(OgcOpenApi.format());
        Map<String, Object> json = OgcOpenApi.content(OgcFeatures.JSON);
        Map<String, Object> mvt = Map.of(MVT, Map.of("schema", Map.of("type", "string", "format", "binary")));
        List<Object> tileset = List.of(OgcOpenApi.query(
                "f",
                "the format of the answer (tilejson: TileJSON 3.0)",
                Map.of("type", "string", "enum", TILESET_FORMATS)));
        List<Object> tile = List.of(
                OgcOpenApi.path("tileMatrix", "zoom level"),
                OgcOpenApi.path("tileRow", "row (y)"),
                OgcOpenApi.path("tileCol", "column (x)"),
                OgcOpenApi.query("f", "the tile format", Map.of("type", "string", "enum", List.of("mvt"))));
        paths.put("/tileMatrixSets", OgcOpenApi.get("getTileMatrixSetsList", "tiling schemes", f, json));
        paths.put("/tileMatrixSets/" + TMS, OgcOpenApi.get("getTileMatrixSet", TMS, f, json));
        paths.put("/tiles", OgcOpenApi.get("getDatasetTileSetsList", "the dataset's tilesets", f, json));
        paths.put("/tiles/" + TMS, OgcOpenApi.get("getDatasetTileSet", "the map's layers", tileset, json));
        paths.put(
                "/tiles/" + TMS + TEMPLATE, OgcOpenApi.get("getDatasetTile", "a tile of the map's layers", tile, mvt));
        for (String id : FeatureCatalog.BUILT_IN) {
            String base = "/collections/" + id + "/tiles";
            paths.put(base, OgcOpenApi.get("getTileSetsList_" + id, id + " tilesets", f, json));
            paths.put(base + "/" + TMS, OgcOpenApi.get("getTileSet_" + id, id + " tileset", tileset, json));
            paths.put(base + "/" + TMS + TEMPLATE, OgcOpenApi.get("getTile_" + id, "a tile of " + id, tile, mvt));
        }
    }
}
