package org.gridatlas.tiles;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.STRtree;

/** One named layer of features, indexed for tile-sized queries; shown from {@code minZoom} on. */
public final class TileLayer {
    private final String name;
    private final int minZoom;
    private final STRtree index = new STRtree();
    private final Envelope bounds = new Envelope();
    private final int size;

    public TileLayer(String name, int minZoom, List<TileFeature> features) {
        this.name = name;
        this.minZoom = minZoom;
        for (TileFeature f : features) {
            index.insert(f.geometry().getEnvelopeInternal(), f);
            bounds.expandToInclude(f.geometry().getEnvelopeInternal());
        }
        index.build();
        this.size = features.size();
    }

    public String name() { return name; }

    public int minZoom() { return minZoom; }

    public Envelope bounds() { return bounds; }

    public int size() { return size; }

    public List<TileFeature> query(Envelope lonLat) {
        List<TileFeature> out = new ArrayList<>();
        if (size == 0) return out;
        for (Object o : index.query(lonLat)) out.add((TileFeature) o);
        return out;
    }
}
