package org.gridatlas.tiles;

import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtEncoder;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.UserDataKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import io.github.sebasbaumh.mapbox.vectortile.build.MvtLayerParams;
import java.util.ArrayList;
import java.util.List;
import org.gridatlas.engine.geom.ChinaCrs;
import org.gridatlas.engine.geom.Geoms;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.operation.overlayng.OverlayNG;

/**
 * Mapbox Vector Tiles of layers: each feature in Web Mercator, simplified to about half a pixel of
 * its zoom (both prepared once by {@link TileLayer}), clipped to the tile plus a buffer (so neighbouring tiles' polygons join
 * without seams) and quantised to the 4096 extent. A tile with no features is null (HTTP 204).
 */
public final class MvtRenderer {
    /** Buffer around a tile, in tile units of the 4096 extent (64 = 1/64 of the tile). */
    public static final int BUFFER = 64;
    private static final MvtLayerParams PARAMS = MvtLayerParams.DEFAULT;
    private final GeometryFactory gf = new GeometryFactory();

    private static final PrecisionModel TILE_UNITS = new PrecisionModel(1);
    /**
     * Into tile units (y down) and clipped to the tile plus buffer by a snap-rounding overlay at
     * integer precision: the result is already on the MVT grid and valid.
     */
    private Geometry toTile(Geometry mercator, Envelope tile, double unit) {
        Geometry g = mercator.copy();
        double minX = tile.getMinX(), maxY = tile.getMaxY();
        // wholly inside the buffered tile: rounding to the grid is all the clip would do
        boolean inside = clipBox.getEnvelopeInternal().contains(new Envelope((mercator.getEnvelopeInternal().getMinX() - minX) / unit,
                (mercator.getEnvelopeInternal().getMaxX() - minX) / unit, (maxY - mercator.getEnvelopeInternal().getMaxY()) / unit,
                (maxY - mercator.getEnvelopeInternal().getMinY()) / unit));
        Geoms.mapVertices(g, (x, y, out) -> {
            out[0] = (x - minX) / unit;
            out[1] = (maxY - y) / unit;
        });
        if (inside) {
            Geometry rounded = Geoms.mapVertices(g.copy(), (x, y, out) -> {
                out[0] = Math.rint(x);
                out[1] = Math.rint(y);
            });
            if (rounded.isValid()) return rounded;
        }
        return OverlayNG.overlay(g, clipBox, OverlayNG.INTERSECTION, TILE_UNITS);
    }

    private final Geometry clipBox = gf.toGeometry(new Envelope(-BUFFER, PARAMS.getExtent() + BUFFER, -BUFFER, PARAMS.getExtent() + BUFFER));

    public byte[] render(List<TileLayer> layers, TileId tile, ChinaCrs crs) {
        Envelope tileM = tile.mercator();
        double unit = tileM.getWidth() / PARAMS.getExtent();
        Envelope clip = new Envelope(tileM);
        clip.expandBy(BUFFER * unit);
        // shifted coordinates move by up to ~1 km: query the source a little wider than the tile
        Envelope query = new Envelope(WebMercator.lon(clip.getMinX()), WebMercator.lon(clip.getMaxX()),
                WebMercator.lat(clip.getMinY()), WebMercator.lat(clip.getMaxY()));
        if (crs != ChinaCrs.WGS84 && crs != ChinaCrs.CGCS2000) query.expandBy(0.02);
        List<JtsLayer> out = new ArrayList<>();
        for (TileLayer layer : layers) {
            if (tile.z() < layer.minZoom()) continue;
            List<Geometry> geoms = new ArrayList<>();
            for (TileLayer.Entry e : layer.entries(query)) {
                TileFeature f = e.feature;
                Geometry m = e.at(tile.z(), crs);
                if (!m.getEnvelopeInternal().intersects(clip)) continue;
                Geometry t = toTile(m, tileM, unit);
                for (int i = 0; i < t.getNumGeometries(); i++) {
                    Geometry part = t.getGeometryN(i);
                    if (part.isEmpty()) continue;
                    part.setUserData(f.attributes());
                    geoms.add(part);
                }
            }
            if (!geoms.isEmpty()) out.add(new JtsLayer(layer.name(), geoms, PARAMS.getExtent()));
        }
        if (out.isEmpty()) return null;
        return MvtEncoder.encode(new JtsMvt(out), PARAMS, new UserDataKeyValueMapConverter());
    }
}
