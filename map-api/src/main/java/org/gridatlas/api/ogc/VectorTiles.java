package org.gridatlas.api.ogc;

import io.javalin.http.Context;
import java.util.Map;
import org.gridatlas.tiles.TileId;

/** The vector tiles behind the OGC API – Tiles paths: the same layers and the same cache as /tiles. */
public interface VectorTiles {
    /** Answers one tile of a layer ("all": the map's layers together) with its ETag; 204 when empty, 304 when unchanged. */
    void tile(Context ctx, String layer, TileId tile, String format);

    /** A TileJSON 3.0 document of a layer whose tiles are at {@code template} ({z}, {x}, {y}). */
    Map<String, Object> tileJson(String layer, String template);
}
