package org.gridatlas.tiles;

import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.JtsAdapter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtEncoder;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.UserDataKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import io.github.sebasbaumh.mapbox.vectortile.build.MvtLayerParams;
import java.util.ArrayList;
import java.util.List;
import org.gridatlas.engine.geom.ChinaCrs;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;

/**
 * Mapbox Vector Tiles of layers: each feature projected to Web Mercator, simplified to about half
 * a pixel of its zoom, clipped to the tile plus a buffer (so neighbouring tiles' polygons join
 * without seams) and quantised to the 4096 extent. A tile with no features is null (HTTP 204).
 */
public final class MvtRenderer {
    /** Buffer around a tile, in tile units of the 4096 extent (64 = 1/64 of the tile). */
    public static final int BUFFER = 64;
    private static final MvtLayerParams PARAMS = MvtLayerParams.DEFAULT;
    private final GeometryFactory gf = new GeometryFactory();

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
            for (TileFeature f : layer.query(query)) {
                Geometry m = WebMercator.project(f.geometry(), crs);
                if (!m.getEnvelopeInternal().intersects(clip)) continue;
                if (m.getDimension() > 0) m = TopologyPreservingSimplifier.simplify(m, unit / 2);
                Geometry t = JtsAdapter.createTileGeom(m, tileM, clip, gf, PARAMS, g -> true);
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
