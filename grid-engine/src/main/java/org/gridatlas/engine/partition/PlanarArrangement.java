package org.gridatlas.engine.partition;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gridatlas.engine.geom.Geoms;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.noding.NodedSegmentString;
import org.locationtech.jts.noding.SegmentString;
import org.locationtech.jts.noding.snapround.SnapRoundingNoder;
import org.locationtech.jts.operation.polygonize.Polygonizer;

/**
 * The faces that a set of tagged lines cut a domain into. All lines are snap-rounded together at
 * 1 mm, so neighbouring faces share their edges vertex for vertex: adjacency and shared boundary
 * lengths come from exact segment matching, and unions of faces are coverage unions.
 */
final class PlanarArrangement {
    record TaggedLine(Coordinate[] coordinates, EdgeTag tag) {}

    /** Two faces that share boundary, with the shared length per {@link EdgeTag}. */
    record Adjacency(int a, int b, double[] lengthByTag) {}

    private final List<Polygon> faces;
    private final List<Coordinate> interiorPoints;
    private final List<Adjacency> adjacencies;

    private PlanarArrangement(List<Polygon> faces, List<Coordinate> interiorPoints, List<Adjacency> adjacencies) {
        this.faces = faces;
        this.interiorPoints = interiorPoints;
        this.adjacencies = adjacencies;
    }

    List<Polygon> faces() {
        return faces;
    }

    Coordinate interiorPoint(int face) {
        return interiorPoints.get(face);
    }

    List<Adjacency> adjacencies() {
        return adjacencies;
    }

    static List<TaggedLine> linesOf(Geometry g, EdgeTag tag) {
        List<TaggedLine> out = new ArrayList<>();
        for (Object o : org.locationtech.jts.geom.util.LinearComponentExtracter.getLines(g)) {
            LineString l = (LineString) o;
            if (l.getNumPoints() >= 2) out.add(new TaggedLine(l.getCoordinates(), tag));
        }
        return out;
    }

    static PlanarArrangement build(List<TaggedLine> lines, Geometry domain) {
        Map<SegmentKey, EdgeTag> segments = nodedSegments(lines);
        Polygonizer polygonizer = new Polygonizer();
        for (SegmentKey k : segments.keySet()) polygonizer.add(Geoms.METRIC.createLineString(k.coordinates()));
        @SuppressWarnings("unchecked")
        List<Polygon> polygons = new ArrayList<>((Collection<Polygon>) polygonizer.getPolygons());
        // the polygonizer's order and ring starts are not the same from run to run:
        // faces in a fixed order, each ring from a fixed vertex, so that a plan never depends on them
        polygons.forEach(Polygon::normalize);
        polygons.sort(java.util.Comparator.comparing(
                        (Polygon p) -> p.getExteriorRing().getCoordinateN(0).x)
                .thenComparing(p -> p.getExteriorRing().getCoordinateN(0).y)
                .thenComparing(Polygon::getArea));

        IndexedPointInAreaLocator inDomain = new IndexedPointInAreaLocator(domain);
        List<Polygon> faces = new ArrayList<>();
        List<Coordinate> points = new ArrayList<>();
        for (Polygon p : polygons) {
            if (p.getArea() <= 0) continue;
            Coordinate ip = p.getInteriorPoint().getCoordinate();
            if (inDomain.locate(ip) == Location.INTERIOR) {
                faces.add(p);
                points.add(ip);
            }
        }
        return new PlanarArrangement(faces, points, adjacencies(faces, segments));
    }

    private static Map<SegmentKey, EdgeTag> nodedSegments(List<TaggedLine> lines) {
        List<SegmentString> strings = new ArrayList<>(lines.size());
        for (TaggedLine l : lines) strings.add(new NodedSegmentString(l.coordinates(), l.tag()));
        SnapRoundingNoder noder = new SnapRoundingNoder(Geoms.PRECISION);
        noder.computeNodes(strings);
        Map<SegmentKey, EdgeTag> segments = new HashMap<>();
        for (Object o : noder.getNodedSubstrings()) {
            SegmentString s = (SegmentString) o;
            EdgeTag tag = (EdgeTag) s.getData();
            Coordinate[] c = s.getCoordinates();
            for (int i = 0; i + 1 < c.length; i++) {
                if (c[i].equals2D(c[i + 1])) continue;
                segments.merge(SegmentKey.of(c[i], c[i + 1]), tag, (x, y) -> x.compareTo(y) >= 0 ? x : y);
            }
        }
        return segments;
    }

    private static List<Adjacency> adjacencies(List<Polygon> faces, Map<SegmentKey, EdgeTag> tags) {
        Map<SegmentKey, Integer> firstFace = new HashMap<>();
        Map<Long, double[]> shared = new HashMap<>();
        for (int f = 0; f < faces.size(); f++) {
            Polygon p = faces.get(f);
            for (int r = -1; r < p.getNumInteriorRing(); r++) {
                Coordinate[] c = (r < 0 ? p.getExteriorRing() : p.getInteriorRingN(r)).getCoordinates();
                for (int i = 0; i + 1 < c.length; i++) {
                    SegmentKey k = SegmentKey.of(c[i], c[i + 1]);
                    Integer other = firstFace.putIfAbsent(k, f);
                    if (other == null || other == f) continue;
                    int a = Math.min(other, f), b = Math.max(other, f);
                    EdgeTag tag = tags.getOrDefault(k, EdgeTag.SEPARATOR);
                    shared.computeIfAbsent(((long) a << 32) | b, x -> new double[EdgeTag.VALUES.length])[
                                    tag.ordinal()] +=
                            k.length();
                }
            }
        }
        List<Adjacency> out = new ArrayList<>(shared.size());
        shared.forEach((key, len) -> out.add(new Adjacency((int) (key >>> 32), (int) (long) key, len)));
        out.sort((x, y) -> x.a() != y.a() ? Integer.compare(x.a(), y.a()) : Integer.compare(x.b(), y.b()));
        return out;
    }
}
