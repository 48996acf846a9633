package org.gridatlas.tiles;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Envelope;

/** The tiles of a zoom range that cover some layers' data, to pre-render (seed) or benchmark. */
public final class TileSeeder {
    private TileSeeder() {}

    public static List<TileId> tiles(List<TileLayer> layers, int minZoom, int maxZoom) {
        Envelope extent = new Envelope();
        layers.forEach(l -> extent.expandToInclude(l.bounds()));
        List<TileId> out = new ArrayList<>();
        if (extent.isNull()) return out;
        for (int z = minZoom; z <= maxZoom; z++) out.addAll(TileId.covering(extent, z));
        return out;
    }
}
