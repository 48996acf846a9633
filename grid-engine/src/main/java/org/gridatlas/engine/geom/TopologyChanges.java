package org.gridatlas.engine.geom;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineSegment;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.distance.DistanceOp;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * How a polygonal shape's topology differs between what a file gives and what the engine works
 * with after repair and cleaning at the 1 mm precision: a part split in two where a neck closed, a
 * part gone, a hole closed or opened to the outside, a hole formed, two parts joined. Each change
 * says where (lon/lat) and how wide the shape as given was there (metres). Measured in the
 * cleaning frame without snapping, so widths under a millimetre are seen as given.
 */
public final class TopologyChanges {
    /** What changed. */
    public enum Kind {
        /** one part became several: a neck narrower than the working precision closed */
        SPLIT("split"),
        /** a part is gone: nothing of it is thicker than the working precision */
        PART_VANISHED("part_vanished"),
        /** a hole is filled */
        HOLE_CLOSED("hole_closed"),
        /** a hole now reaches the outside: what parted it from the outside was too thin */
        HOLE_OPENED("hole_opened"),
        /** a hole appeared: a gap in the outline closed */
        HOLE_FORMED("hole_formed"),
        /** two parts became one: the gap between them closed */
        PARTS_JOINED("parts_joined");

        public final String wireName;

        Kind(String wireName) {
            this.wireName = wireName;
        }
    }

    /** One change: {@code where} in lon/lat, {@code widthM} the given shape's width (or gap) there. */
    public record Change(Kind kind, Coordinate where, double widthM) {}

    /** How near a closed neck its removed piece and the outline's runs are looked for: a few working precisions. */
    private static final double REACH = 4 * GeometryHygiene.THIN;

    private final LocalProjection frame;

    public TopologyChanges(LocalProjection frame) {
        this.frame = frame;
    }

    /** The changes from {@code given} (lon/lat, as read, possibly invalid) to {@code cleaned} (lon/lat, valid). */
    public List<Change> between(Geometry given, Geometry cleaned) {
        Geometry g = frame.toFloatingMetres(given), c = frame.toFloatingMetres(cleaned);
        List<Change> out = new ArrayList<>();
        List<List<Polygon>> partsIn = new ArrayList<>();
        int[] ownerOf = new int[c.getNumGeometries()];
        java.util.Arrays.fill(ownerOf, -1);
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Polygon gi = (Polygon) g.getGeometryN(i);
            IndexedPointInAreaLocator in = new IndexedPointInAreaLocator(gi);
            List<Polygon> mine = new ArrayList<>();
            for (int k = 0; k < c.getNumGeometries(); k++) {
                Polygon ck = (Polygon) c.getGeometryN(k);
                if (in.locate(ck.getInteriorPoint().getCoordinate()) == Location.EXTERIOR) continue;
                mine.add(ck);
                if (ownerOf[k] >= 0) out.add(joined((Polygon) g.getGeometryN(ownerOf[k]), gi));
                else ownerOf[k] = i;
            }
            partsIn.add(mine);
            if (mine.isEmpty())
                out.add(change(Kind.PART_VANISHED, gi.getInteriorPoint().getCoordinate(), width(gi)));
            for (int k = 1; k < mine.size(); k++) out.add(split(gi, mine.subList(0, k), mine.get(k)));
            holes(gi, c, mine, out);
        }
        return out;
    }

    /**
     * A part split off: at the neck between it and the parts before it — of what a morphological
     * opening by {@link GeometryHygiene#THIN} removes from the given part (its parts thinner than
     * that) and reaches both sides, the narrowest place; where there is none, the parts touch:
     * where they come nearest — and how wide the given part is there.
     */
    private Change split(Polygon given, List<Polygon> before, Polygon part) {
        Geometry others = Geoms.LONLAT.buildGeometry(before);
        Coordinate[] nearest = DistanceOp.nearestPoints(others, part);
        Coordinate neck = null;
        double width = Double.MAX_VALUE;
        Geometry valid = GeometryFixer.fix(given);
        Geometry opened = valid.buffer(-GeometryHygiene.THIN / 2).buffer(GeometryHygiene.THIN / 2);
        Geometry thin = OverlayNGRobust.overlay(valid, opened, OverlayNG.DIFFERENCE);
        for (int i = 0; i < thin.getNumGeometries(); i++) {
            Geometry piece = thin.getGeometryN(i);
            if (piece.getDimension() < 2
                    || !piece.isWithinDistance(part, REACH)
                    || !piece.isWithinDistance(others, REACH)) continue;
            Coordinate at = piece.getInteriorPoint().getCoordinate();
            double w = widthAt(given, at);
            if (w < width) {
                width = w;
                neck = at;
            }
        }
        if (neck != null) return change(Kind.SPLIT, neck, width);
        Coordinate touch = new LineSegment(nearest[0], nearest[1]).midPoint();
        width = widthAt(given, touch);
        return change(Kind.SPLIT, touch, width == Double.MAX_VALUE ? nearest[0].distance(nearest[1]) : width);
    }

    /**
     * The given shape's width at a closed neck: the least distance between the separate runs of its
     * rings near {@code at} (the neck's two sides; 0 where a ring touches itself there; none where
     * fewer than two runs pass). Walked along the rings rather than overlaid: the rings as given may
     * touch themselves.
     */
    private static double widthAt(Polygon given, Coordinate at) {
        Envelope near = new Envelope(at);
        near.expandBy(REACH);
        List<Geometry> runs = new ArrayList<>();
        for (int r = 0; r <= given.getNumInteriorRing(); r++) {
            Coordinate[] ring = (r == 0 ? given.getExteriorRing() : given.getInteriorRingN(r - 1)).getCoordinates();
            List<List<Coordinate>> mine = new ArrayList<>();
            List<Coordinate> run = null;
            for (int i = 1; i < ring.length; i++) {
                if (!near.intersects(ring[i - 1], ring[i])) {
                    run = null;
                    continue;
                }
                if (run == null) {
                    run = new ArrayList<>(List.of(ring[i - 1]));
                    mine.add(run);
                }
                run.add(ring[i]);
            }
            // a run through the ring's first vertex is one run, not two
            if (mine.size() > 1 && mine.get(0).get(0).equals2D(ring[0]) && run != null) {
                run.addAll(mine.remove(0));
            }
            for (List<Coordinate> m : mine) runs.add(Geoms.LONLAT.createLineString(m.toArray(Coordinate[]::new)));
        }
        double width = Double.MAX_VALUE;
        for (int i = 0; i < runs.size(); i++)
            for (int k = i + 1; k < runs.size(); k++)
                width = Math.min(width, runs.get(i).distance(runs.get(k)));
        return width;
    }

    private Change joined(Polygon a, Polygon b) {
        Coordinate[] nearest = DistanceOp.nearestPoints(a, b);
        return change(
                Kind.PARTS_JOINED, new LineSegment(nearest[0], nearest[1]).midPoint(), nearest[0].distance(nearest[1]));
    }

    /** Holes of the given part filled or opened, and holes of its cleaned parts that it does not have. */
    private void holes(Polygon given, Geometry cleaned, List<Polygon> mine, List<Change> out) {
        IndexedPointInAreaLocator inCleaned = new IndexedPointInAreaLocator(cleaned);
        List<Polygon> givenHoles = new ArrayList<>(), cleanedHoles = new ArrayList<>();
        for (int h = 0; h < given.getNumInteriorRing(); h++)
            givenHoles.add(Geoms.LONLAT.createPolygon(given.getInteriorRingN(h).getCoordinates()));
        for (Polygon p : mine)
            for (int h = 0; h < p.getNumInteriorRing(); h++)
                cleanedHoles.add(
                        Geoms.LONLAT.createPolygon(p.getInteriorRingN(h).getCoordinates()));
        for (Polygon hole : givenHoles) {
            Coordinate inside = hole.getInteriorPoint().getCoordinate();
            if (inCleaned.locate(inside) != Location.EXTERIOR) {
                out.add(change(Kind.HOLE_CLOSED, inside, width(hole)));
            } else if (cleanedHoles.stream().noneMatch(h -> h.intersects(Geoms.LONLAT.createPoint(inside)))) {
                Coordinate[] nearest = DistanceOp.nearestPoints(hole.getExteriorRing(), given.getExteriorRing());
                out.add(change(
                        Kind.HOLE_OPENED,
                        new LineSegment(nearest[0], nearest[1]).midPoint(),
                        nearest[0].distance(nearest[1])));
            }
        }
        IndexedPointInAreaLocator inGiven = new IndexedPointInAreaLocator(GeometryFixer.fix(given));
        for (Polygon hole : cleanedHoles) {
            if (inGiven.locate(hole.getInteriorPoint().getCoordinate()) != Location.INTERIOR) continue;
            // the hole's nearest approach to the outside of the given part is where its outline closed
            Coordinate[] nearest = DistanceOp.nearestPoints(hole.getExteriorRing(), given.getExteriorRing());
            out.add(change(Kind.HOLE_FORMED, nearest[1], 2 * nearest[0].distance(nearest[1])));
        }
    }

    /** A thin shape's width: twice its area over its perimeter. */
    private static double width(Polygon p) {
        return p.getLength() == 0 ? 0 : 2 * Math.abs(p.getArea()) / p.getLength();
    }

    private Change change(Kind kind, Coordinate metres, double width) {
        return new Change(kind, frame.toLonLat(metres), Math.round(width * 1e6) / 1e6);
    }
}
