package org.gridatlas.engine.geom;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateList;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.precision.GeometryPrecisionReducer;

/**
 * Makes input geometry fit the precision the engine works at, once, when it is read: in the
 * dataset's metric frame, vertices on the 1 mm grid, repeated points dropped, spikes and slivers
 * thinner than {@link #THIN} removed, the result valid. What it changed is named, so that the reader
 * can report it. Real footprints carry such artefacts (a 0.1 m spike under 0.5 mm wide); left in,
 * they collapse into lines inside the overlays and JTS throws.
 */
public final class GeometryHygiene {
    /** Parts thinner than this are no part of a shape: a few times the 1 mm working precision. */
    public static final double THIN = 0.005;
    /** A polygon part smaller than this (m²) is a sliver. */
    private static final double SLIVER_M2 = THIN * THIN;

    /** What a repair was. */
    public enum Repair {
        REPEATED_POINTS("repeated_points"),
        SPIKE("spike"),
        SLIVER("sliver"),
        MADE_VALID("made_valid");

        public final String wireName;

        Repair(String wireName) {
            this.wireName = wireName;
        }
    }

    /** The cleaned geometry (lon/lat; empty when nothing of it is thicker than {@link #THIN}) and what was done to it. */
    public record Cleaned(Geometry geometry, Set<Repair> repairs) {
        public boolean changed() {
            return !repairs.isEmpty();
        }
    }

    private final LocalProjection frame;

    /**
     * {@code frame}: the projection the engine will use for this dataset, so that cleaning once
     * stays clean (were a community itself cleaned, the engine's frame moves by far less than a
     * millimetre, and nothing thinner than {@link #THIN} can come back from that).
     */
    public GeometryHygiene(LocalProjection frame) {
        this.frame = frame;
    }

    /** A Polygon or MultiPolygon in lon/lat, cleaned; the original object when nothing needed doing. */
    public Cleaned polygonal(Geometry lonLat) {
        Set<Repair> repairs = new LinkedHashSet<>();
        Geometry m = frame.toMetres(lonLat);
        List<Polygon> parts = new ArrayList<>();
        for (int i = 0; i < m.getNumGeometries(); i++) {
            Polygon p = cleanRings((Polygon) m.getGeometryN(i), repairs);
            if (p != null) parts.add(p);
        }
        Geometry g = parts.size() == 1 ? parts.get(0) : Geoms.METRIC.createMultiPolygon(parts.toArray(Polygon[]::new));
        if (!g.isValid()) {
            repairs.add(Repair.MADE_VALID);
            g = GeometryPrecisionReducer.reduce(g, Geoms.PRECISION);
            if (!g.isValid()) g = GeometryFixer.fix(g);
            g = Geoms.polygonal(g);
        }
        g = dropSlivers(g, repairs);
        if (repairs.isEmpty()) return new Cleaned(lonLat, repairs);
        return new Cleaned(frame.toLonLat(g.getNumGeometries() == 1 ? g.getGeometryN(0) : g), repairs);
    }

    /** A LineString or MultiLineString in lon/lat without repeated points; parts shorter than {@link #THIN} dropped. */
    public Cleaned lineal(Geometry lonLat) {
        Set<Repair> repairs = new LinkedHashSet<>();
        Geometry m = frame.toMetres(lonLat);
        List<LineString> parts = new ArrayList<>();
        for (int i = 0; i < m.getNumGeometries(); i++) {
            Coordinate[] pts = distinct(m.getGeometryN(i).getCoordinates(), false, repairs);
            if (pts.length >= 2 && length(pts) >= THIN) parts.add(Geoms.METRIC.createLineString(pts));
            else repairs.add(Repair.SLIVER);
        }
        if (repairs.isEmpty()) return new Cleaned(lonLat, repairs);
        Geometry g =
                parts.size() == 1 ? parts.get(0) : Geoms.METRIC.createMultiLineString(parts.toArray(LineString[]::new));
        return new Cleaned(frame.toLonLat(g), repairs);
    }

    private Polygon cleanRings(Polygon p, Set<Repair> repairs) {
        LinearRing shell = ring(p.getExteriorRing().getCoordinates(), repairs);
        if (shell == null) {
            repairs.add(Repair.SLIVER);
            return null;
        }
        List<LinearRing> holes = new ArrayList<>();
        for (int h = 0; h < p.getNumInteriorRing(); h++) {
            LinearRing hole = ring(p.getInteriorRingN(h).getCoordinates(), repairs);
            if (hole != null) holes.add(hole);
            else repairs.add(Repair.SLIVER);
        }
        return Geoms.METRIC.createPolygon(shell, holes.toArray(LinearRing[]::new));
    }

    /** A closed ring without repeated points or spikes, or null when nothing of it is left. */
    private static LinearRing ring(Coordinate[] closed, Set<Repair> repairs) {
        Coordinate[] pts = distinct(closed, true, repairs);
        // a spike is a vertex whose two neighbours (nearly) coincide: the way out and back again
        boolean removed = true;
        List<Coordinate> ring = new ArrayList<>(List.of(pts).subList(0, pts.length - 1));
        while (removed && ring.size() >= 3) {
            removed = false;
            for (int i = 0; i < ring.size() && ring.size() >= 3; i++) {
                Coordinate a = ring.get((i + ring.size() - 1) % ring.size()), c = ring.get((i + 1) % ring.size());
                if (a.distance(c) < THIN) {
                    repairs.add(Repair.SPIKE);
                    ring.remove(i);
                    // the tip's neighbours now meet: keep one of them
                    if (ring.size() >= 2) ring.remove(i % ring.size());
                    removed = true;
                    i--;
                }
            }
        }
        if (ring.size() < 3) return null;
        ring.add(ring.get(0).copy());
        return Geoms.METRIC.createLinearRing(ring.toArray(Coordinate[]::new));
    }

    private static Coordinate[] distinct(Coordinate[] pts, boolean closed, Set<Repair> repairs) {
        CoordinateList out = new CoordinateList();
        for (Coordinate c : pts) out.add(c, false);
        if (closed) out.closeRing();
        if (out.size() < pts.length) repairs.add(Repair.REPEATED_POINTS);
        return out.toCoordinateArray();
    }

    private static Geometry dropSlivers(Geometry g, Set<Repair> repairs) {
        List<Polygon> kept = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Polygon p = (Polygon) g.getGeometryN(i);
            if (p.getArea() >= SLIVER_M2 && thickerThanThin(p)) kept.add(p);
            else repairs.add(Repair.SLIVER);
        }
        if (kept.size() == g.getNumGeometries()) return g;
        return kept.size() == 1 ? kept.get(0) : Geoms.METRIC.createMultiPolygon(kept.toArray(Polygon[]::new));
    }

    /** A part whose area is less than THIN times half its perimeter is a strip narrower than THIN. */
    private static boolean thickerThanThin(Polygon p) {
        return p.getArea() >= THIN * p.getLength() / 2;
    }

    private static double length(Coordinate[] pts) {
        double l = 0;
        for (int i = 1; i < pts.length; i++) l += pts[i - 1].distance(pts[i]);
        return l;
    }
}
