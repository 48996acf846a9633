package org.gridatlas.tiles;

import java.util.ArrayList;
import java.util.List;
import org.gridatlas.engine.geom.ChinaCrs;
import org.gridatlas.engine.geom.Geoms;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.RingClipper;

/**
 * Mapbox Vector Tiles of layers: each feature is prepared once per zoom by {@link TileLayer} (Web
 * Mercator, simplified to half a pixel, on whole pixels); a tile writes the features wholly inside
 * it plus a buffer as they are, shifted, and clips the others to that buffered square (so
 * neighbouring tiles' polygons join without seams). A tile with no features is null (HTTP 204).
 */
public final class MvtRenderer {
    /** Buffer around a tile, in tile units of the 4096 extent (64 = 1/64 of the tile). */
    public static final int BUFFER = 64;
    /** Tile units per tile side, the specification's usual extent. */
    static final int EXTENT = 4096;

    private static final PrecisionModel TILE_UNITS = new PrecisionModel(1);
    private final GeometryFactory gf = new GeometryFactory();
    private final Geometry clipBox = gf.toGeometry(new Envelope(-BUFFER, EXTENT + BUFFER, -BUFFER, EXTENT + BUFFER));

    /**
     * Polygons clipped ring by ring to the buffered tile (Sutherland-Hodgman, as tile renderers
     * do): where a polygon leaves the tile its clipped ring runs along the buffer's edge, outside
     * the visible tile, so the zero-width folds this can leave there are never drawn.
     */
    private Geometry clip(Geometry polygonal, RingClipper clipper) {
        List<Polygon> parts = new ArrayList<>();
        for (int i = 0; i < polygonal.getNumGeometries(); i++) {
            Polygon p = (Polygon) polygonal.getGeometryN(i);
            LinearRing shell = ring(clipper, p.getExteriorRing());
            if (shell == null) continue;
            List<LinearRing> holes = new ArrayList<>();
            for (int h = 0; h < p.getNumInteriorRing(); h++) {
                LinearRing hole = ring(clipper, p.getInteriorRingN(h));
                if (hole != null) holes.add(hole);
            }
            parts.add(gf.createPolygon(shell, holes.toArray(LinearRing[]::new)));
        }
        return gf.createMultiPolygon(parts.toArray(Polygon[]::new));
    }

    private LinearRing ring(RingClipper clipper, LinearRing ring) {
        Coordinate[] c = clipper.clip(ring.getCoordinates());
        return c.length < 4 ? null : gf.createLinearRing(c);
    }

    public byte[] render(List<TileLayer> layers, TileId tile, ChinaCrs crs) {
        Envelope tileM = tile.mercator();
        double unit = tileM.getWidth() / EXTENT;
        Envelope clip = new Envelope(tileM);
        clip.expandBy(BUFFER * unit);
        // shifted coordinates move by up to ~1 km: query the source a little wider than the tile
        Envelope query = new Envelope(
                WebMercator.lon(clip.getMinX()),
                WebMercator.lon(clip.getMaxX()),
                WebMercator.lat(clip.getMinY()),
                WebMercator.lat(clip.getMaxY()));
        if (crs != ChinaCrs.WGS84 && crs != ChinaCrs.CGCS2000) query.expandBy(0.02);
        double originX = (double) tile.x() * EXTENT, originY = (double) tile.y() * EXTENT;
        Envelope clipPixels =
                new Envelope(originX - BUFFER, originX + EXTENT + BUFFER, originY - BUFFER, originY + EXTENT + BUFFER);
        MvtWriter out = new MvtWriter(EXTENT);
        for (TileLayer layer : layers) {
            if (tile.z() < layer.minZoom()) continue;
            out.layer(layer.name());
            for (TileLayer.Entry e : layer.entries(query)) {
                TileLayer.Pixels p = e.at(tile.z(), crs);
                Envelope env = p.geometry().getEnvelopeInternal();
                if (!env.intersects(clipPixels)) continue;
                if (p.onGrid() && clipPixels.contains(env)) {
                    // on whole pixels and wholly inside the buffered tile: written as it is, shifted
                    out.add(p.geometry(), originX, originY, e.feature.attributes());
                } else if (p.geometry() instanceof Polygonal) {
                    out.add(clip(p.geometry(), new RingClipper(clipPixels)), originX, originY, e.feature.attributes());
                } else {
                    // lines and points: clipped by a snap-rounding overlay at integer precision, in tile units
                    Geometry shifted = Geoms.mapVertices(p.geometry().copy(), (x, y, o) -> {
                        o[0] = x - originX;
                        o[1] = y - originY;
                    });
                    out.add(
                            OverlayNG.overlay(shifted, clipBox, OverlayNG.INTERSECTION, TILE_UNITS),
                            0,
                            0,
                            e.feature.attributes());
                }
            }
        }
        return out.bytes();
    }
}
