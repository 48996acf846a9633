package org.gridatlas.engine.partition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gridatlas.engine.geom.Geoms;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

/**
 * Divides a block among the atoms in it: a Voronoi diagram of points sampled along every
 * footprint, whose edges between different atoms become separator lines. Boundaries inside a
 * block then run midway between buildings, never through a footprint.
 */
final class CellDivider {
    /**
     * Footprint boundaries are sampled at least this densely (metres), and with at most about
     * {@link #SAMPLES_PER_OUTLINE} points for a long outline: the samples only steer separators
     * midway between buildings, since faces inside a footprint always go to its atom.
     */
    private static final double SAMPLE_SPACING = 5.0;

    private static final int SAMPLES_PER_OUTLINE = 32;

    private final STRtree sites = new STRtree();
    private final STRtree footprints = new STRtree();
    private final List<LineString> separators = new ArrayList<>();

    private CellDivider() {}

    /** Owner atom of the point: the atom whose footprint holds it, else the atom of the nearest sampled site. */
    int ownerAt(Coordinate p) {
        for (Object o : footprints.query(new Envelope(p))) {
            Object[] f = (Object[]) o;
            if (((org.locationtech.jts.geom.prep.PreparedGeometry) f[0]).intersects(Geoms.METRIC.createPoint(p)))
                return (Integer) f[1];
        }
        Object nearest = sites.nearestNeighbour(
                new Envelope(p),
                new Object[] {p, -1},
                (a, b) ->
                        ((Coordinate) ((Object[]) a.getItem())[0]).distance((Coordinate) ((Object[]) b.getItem())[0]));
        return (Integer) ((Object[]) nearest)[1];
    }

    /** Voronoi edges between atoms and the footprint outlines, clipped to the region divided. */
    List<LineString> separators() {
        return separators;
    }

    static CellDivider divide(Geometry region, List<Atom> atoms) {
        CellDivider d = new CellDivider();
        Map<Coordinate, Integer> owner = new HashMap<>();
        List<LineString> raw = new ArrayList<>();
        for (Atom a : atoms) {
            for (Piece p : a.pieces()) {
                for (Coordinate c : samples(p.footprint())) owner.putIfAbsent(c, a.id());
                if (p.footprint().getDimension() == 2) {
                    d.footprints.insert(p.footprint().getEnvelopeInternal(), new Object[] {
                        org.locationtech.jts.geom.prep.PreparedGeometryFactory.prepare(p.footprint()), a.id()
                    });
                    // outlines go into the arrangement so that no face straddles a footprint
                    for (Object o : org.locationtech.jts.geom.util.LinearComponentExtracter.getLines(p.footprint()))
                        raw.add((LineString) o);
                }
            }
        }
        d.footprints.build();
        owner.forEach((c, a) -> d.sites.insert(new Envelope(c), new Object[] {c, a}));
        d.sites.build();
        if (owner.size() >= 2) voronoiSeparators(owner, raw);
        if (raw.isEmpty()) return d;
        Geometry clipped =
                Geoms.intersection(Geoms.METRIC.createMultiLineString(raw.toArray(LineString[]::new)), region);
        for (Object o : org.locationtech.jts.geom.util.LinearComponentExtracter.getLines(clipped))
            d.separators.add((LineString) o);
        return d;
    }

    private static void voronoiSeparators(Map<Coordinate, Integer> owner, List<LineString> raw) {
        VoronoiDiagramBuilder vb = new VoronoiDiagramBuilder();
        vb.setSites(owner.keySet());
        // unclipped cells: the builder's own clipping uses the old overlay, which fails on the
        // collinear sites that straight walls give; separators are clipped robustly below
        @SuppressWarnings("unchecked")
        List<Polygon> cells = vb.getSubdivision().getVoronoiCellPolygons(Geoms.METRIC);

        // a Voronoi edge is a separator when the cells on its two sides belong to different atoms
        Map<SegmentKey, Integer> sideOwner = new HashMap<>();
        Map<SegmentKey, Boolean> separating = new HashMap<>();
        for (Polygon cell : cells) {
            Integer a = owner.get((Coordinate) cell.getUserData());
            if (a == null) continue;
            Coordinate[] ring = cell.getExteriorRing().getCoordinates();
            for (int k = 0; k + 1 < ring.length; k++) {
                SegmentKey key = SegmentKey.of(ring[k], ring[k + 1]);
                Integer prev = sideOwner.putIfAbsent(key, a);
                separating.merge(key, prev != null && !prev.equals(a), (x, y) -> x || y);
            }
        }
        separating.forEach((k, sep) -> {
            if (sep) raw.add(Geoms.METRIC.createLineString(k.coordinates()));
        });
    }

    /** Vertices and densified boundary points of a footprint (or the point itself), snapped to 1 mm. */
    static List<Coordinate> samples(Geometry footprint) {
        List<Coordinate> out = new ArrayList<>();
        if (footprint.getDimension() == 0) {
            out.add(footprint.getCoordinate());
            return out;
        }
        for (int g = 0; g < footprint.getNumGeometries(); g++) {
            Polygon poly = (Polygon) footprint.getGeometryN(g);
            Coordinate[] ring = poly.getExteriorRing().getCoordinates();
            double spacing = Math.max(SAMPLE_SPACING, poly.getExteriorRing().getLength() / SAMPLES_PER_OUTLINE);
            for (int i = 0; i + 1 < ring.length; i++) {
                Coordinate a = ring[i], b = ring[i + 1];
                int n = Math.max(1, (int) Math.ceil(a.distance(b) / spacing));
                for (int k = 0; k < n; k++) {
                    double f = (double) k / n;
                    Coordinate c = new Coordinate(a.x + (b.x - a.x) * f, a.y + (b.y - a.y) * f);
                    Geoms.PRECISION.makePrecise(c);
                    out.add(c);
                }
            }
        }
        return out;
    }
}
