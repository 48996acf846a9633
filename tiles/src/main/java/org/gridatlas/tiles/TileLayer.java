package org.gridatlas.tiles;

import java.util.ArrayList;
import java.util.List;
import org.gridatlas.engine.geom.ChinaCrs;
import org.gridatlas.engine.geom.Geoms;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.index.SpatialIndex;
import org.locationtech.jts.index.quadtree.Quadtree;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;

/**
 * One named layer of features, indexed for tile-sized queries; shown from {@code minZoom} on. Each
 * feature is projected to Web Mercator once and simplified once per zoom (half a pixel), so
 * rendering a tile only clips what is already prepared. A layer is built whole (an STR-tree), or
 * {@link #live} (a quadtree that features join and leave one at a time, such as recent reports).
 */
public final class TileLayer {
    /** A feature drawn at one zoom: in that zoom's world pixels, and whether it lies on whole pixels (valid as it is). */
    record Pixels(Geometry geometry, boolean onGrid) {}

    /** A feature with its Web Mercator geometry and, per zoom, its prepared form (filled lazily). */
    static final class Entry {
        final TileFeature feature;
        final Geometry mercator;
        private final Pixels[] byZoom = new Pixels[25];

        Entry(TileFeature feature) {
            this.feature = feature;
            this.mercator = WebMercator.project(feature.geometry(), ChinaCrs.WGS84);
        }

        /**
         * The feature at zoom z in the given output CRS, in world pixels of that zoom (the tile
         * extent, 4096, per tile; y down), simplified to half a pixel and rounded to whole pixels
         * where that stays valid. Tile (x, y) is then this minus (4096 x, 4096 y): rounding once per
         * zoom is rounding for every tile.
         */
        Pixels at(int z, ChinaCrs crs) {
            if (crs != ChinaCrs.WGS84 && crs != ChinaCrs.CGCS2000)
                return prepare(WebMercator.project(feature.geometry(), crs), z);
            Pixels p = byZoom[z];
            if (p == null) {
                p = prepare(mercator, z);
                byZoom[z] = p;
            }
            return p;
        }

        private static Pixels prepare(Geometry mercator, int z) {
            double unit = 2 * TileId.HALF_WORLD / (1 << z) / MvtRenderer.EXTENT;
            Geometry simplified =
                    mercator.getDimension() == 0 ? mercator : TopologyPreservingSimplifier.simplify(mercator, unit / 2);
            Geometry pixels = Geoms.mapVertices(simplified.copy(), (x, y, out) -> {
                out[0] = (x + TileId.HALF_WORLD) / unit;
                out[1] = (TileId.HALF_WORLD - y) / unit;
            });
            Geometry rounded = Geoms.mapVertices(pixels.copy(), (x, y, out) -> {
                out[0] = Math.rint(x);
                out[1] = Math.rint(y);
            });
            return rounded.isValid() ? new Pixels(rounded, true) : new Pixels(pixels, false);
        }
    }

    private final String name;
    private final int minZoom;
    private final SpatialIndex index;
    private final java.util.Map<Object, Entry> byKey;
    private final Envelope bounds = new Envelope();
    private int size;

    public TileLayer(String name, int minZoom, List<TileFeature> features) {
        this.name = name;
        this.minZoom = minZoom;
        STRtree tree = new STRtree();
        for (TileFeature f : features) {
            tree.insert(f.geometry().getEnvelopeInternal(), new Entry(f));
            bounds.expandToInclude(f.geometry().getEnvelopeInternal());
        }
        tree.build();
        this.index = tree;
        this.byKey = null;
        this.size = features.size();
    }

    private TileLayer(String name, int minZoom) {
        this.name = name;
        this.minZoom = minZoom;
        this.index = new Quadtree();
        this.byKey = new java.util.HashMap<>();
    }

    /** An empty layer that features join ({@link #add}) and leave ({@link #remove}) by key. */
    public static TileLayer live(String name, int minZoom) {
        return new TileLayer(name, minZoom);
    }

    /** Adds (or replaces) the feature under this key; live layers only. */
    public synchronized void add(Object key, TileFeature f) {
        remove(key);
        Entry e = new Entry(f);
        index.insert(f.geometry().getEnvelopeInternal(), e);
        byKey.put(key, e);
        bounds.expandToInclude(f.geometry().getEnvelopeInternal());
        size++;
    }

    /** Removes the feature under this key, if any; live layers only. */
    public synchronized void remove(Object key) {
        Entry e = byKey.remove(key);
        if (e == null) return;
        index.remove(e.feature.geometry().getEnvelopeInternal(), e);
        size--;
    }

    public String name() {
        return name;
    }

    public int minZoom() {
        return minZoom;
    }

    public synchronized Envelope bounds() {
        return new Envelope(bounds);
    }

    public synchronized int size() {
        return size;
    }

    public List<TileFeature> query(Envelope lonLat) {
        List<TileFeature> out = new ArrayList<>();
        for (Entry e : entries(lonLat)) out.add(e.feature);
        return out;
    }

    List<Entry> entries(Envelope lonLat) {
        List<Entry> out = new ArrayList<>();
        if (byKey == null) {
            // built whole: the STR-tree is read-only and safe to query from many threads
            if (size > 0) for (Object o : index.query(lonLat)) out.add((Entry) o);
            return out;
        }
        synchronized (this) {
            // a quadtree answers a superset of what intersects
            for (Object o : index.query(lonLat)) {
                Entry e = (Entry) o;
                if (e.feature.geometry().getEnvelopeInternal().intersects(lonLat)) out.add(e);
            }
        }
        return out;
    }
}
