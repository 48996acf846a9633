package org.gridatlas.api.web;

import java.util.List;
import org.gridatlas.store.GridStore;
import org.gridatlas.tiles.TileLayer;

/** The tile layers of a store's current state, for the command line (seeding, benchmarks). */
public final class TileLayers {
    private TileLayers() {}

    public static List<TileLayer> of(GridStore store, String layer) {
        TilesResource t = new TilesResource(store, 0, null);
        t.snapshot(new ServingState(store.load(), store.staff(), store.zones()));
        return t.layersFor(layer);
    }
}
