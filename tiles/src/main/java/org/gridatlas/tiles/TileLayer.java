package org.gridatlas.tiles;

import java.util.ArrayList;
import java.util.List;
import org.gridatlas.engine.geom.ChinaCrs;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;

/**
 * One named layer of features, indexed for tile-sized queries; shown from {@code minZoom} on. Each
 * feature is projected to Web Mercator once and simplified once per zoom (half a pixel), so
 * rendering a tile only clips what is already prepared.
 */
public final class TileLayer {
    /** A feature with its Web Mercator geometry and, per zoom, its simplified form (filled lazily). */
    static final class Entry {
        final TileFeature feature;
        final Geometry mercator;
        private final Geometry[] byZoom = new Geometry[25];

        Entry(TileFeature feature) {
            this.feature = feature;
            this.mercator = WebMercator.project(feature.geometry(), ChinaCrs.WGS84);
        }

        /** The geometry to draw at zoom z in the given output CRS, simplified to half a pixel. */
        Geometry at(int z, ChinaCrs crs) {
            double halfPixel = 2 * TileId.HALF_WORLD / (1 << z) / 4096 / 2;
            if (crs != ChinaCrs.WGS84 && crs != ChinaCrs.CGCS2000) return simplify(WebMercator.project(feature.geometry(), crs), halfPixel);
            Geometry g = byZoom[z];
            if (g == null) {
                g = simplify(mercator, halfPixel);
                byZoom[z] = g;
            }
            return g;
        }

        private static Geometry simplify(Geometry g, double tolerance) {
            return g.getDimension() == 0 ? g : TopologyPreservingSimplifier.simplify(g, tolerance);
        }
    }

    private final String name;
    private final int minZoom;
    private final STRtree index = new STRtree();
    private final Envelope bounds = new Envelope();
    private final int size;

    public TileLayer(String name, int minZoom, List<TileFeature> features) {
        this.name = name;
        this.minZoom = minZoom;
        for (TileFeature f : features) {
            index.insert(f.geometry().getEnvelopeInternal(), new Entry(f));
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
        for (Entry e : entries(lonLat)) out.add(e.feature);
        return out;
    }

    List<Entry> entries(Envelope lonLat) {
        List<Entry> out = new ArrayList<>();
        if (size == 0) return out;
        for (Object o : index.query(lonLat)) out.add((Entry) o);
        return out;
    }
}
