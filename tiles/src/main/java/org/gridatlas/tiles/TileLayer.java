package org.gridatlas.tiles;

import java.util.ArrayList;
import java.util.List;
import org.gridatlas.engine.geom.ChinaCrs;
import org.gridatlas.engine.geom.Geoms;
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
            if (crs != ChinaCrs.WGS84 && crs != ChinaCrs.CGCS2000) return prepare(WebMercator.project(feature.geometry(), crs), z);
            Pixels p = byZoom[z];
            if (p == null) {
                p = prepare(mercator, z);
                byZoom[z] = p;
            }
            return p;
        }

        private static Pixels prepare(Geometry mercator, int z) {
            double unit = 2 * TileId.HALF_WORLD / (1 << z) / MvtRenderer.EXTENT;
            Geometry simplified = mercator.getDimension() == 0 ? mercator : TopologyPreservingSimplifier.simplify(mercator, unit / 2);
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
