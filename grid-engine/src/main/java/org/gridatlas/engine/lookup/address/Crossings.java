package org.gridatlas.engine.lookup.address;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineSegment;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Where the named roads meet, found once when the gazetteer is built (segment against segment
 * through an STR-tree), so a crossing in an address is a look-up, not an overlay.
 */
final class Crossings {
    /** Meeting points closer than this are one crossing, in metres. */
    private static final double SAME_CROSSING_M = 50;

    private record Segment(String road, LineSegment line) {}

    private final Map<String, List<Coordinate>> byPair = new HashMap<>();

    /** {@code lines}: each road's line parts by its (normalised) name, in lon/lat. */
    Crossings(Map<String, List<Geometry>> lines) {
        STRtree tree = new STRtree();
        List<Segment> all = new ArrayList<>();
        lines.forEach((road, parts) -> {
            for (Geometry part : parts) {
                Coordinate[] c = part.getCoordinates();
                for (int i = 0; i + 1 < c.length; i++) {
                    Segment s = new Segment(road, new LineSegment(c[i], c[i + 1]));
                    tree.insert(new Envelope(c[i], c[i + 1]), s);
                    all.add(s);
                }
            }
        });
        for (Segment s : all) {
            for (Object o : tree.query(new Envelope(s.line().p0, s.line().p1))) {
                Segment t = (Segment) o;
                if (s.road().compareTo(t.road()) >= 0) continue; // each pair of roads once, never a road with itself
                Coordinate x = s.line().intersection(t.line());
                if (x == null) continue;
                List<Coordinate> points = byPair.computeIfAbsent(key(s.road(), t.road()), k -> new ArrayList<>(1));
                if (points.stream().noneMatch(p -> metres(p, x) < SAME_CROSSING_M)) points.add(x);
            }
        }
    }

    /** The points where two roads meet, one per crossing; empty when they never meet. */
    List<Coordinate> between(String a, String b) {
        return byPair.getOrDefault(a.compareTo(b) < 0 ? key(a, b) : key(b, a), List.of());
    }

    private static String key(String first, String second) {
        return first + "|" + second;
    }

    private static double metres(Coordinate a, Coordinate b) {
        double dx = (a.x - b.x) * 111_320 * Math.cos(Math.toRadians(a.y)), dy = (a.y - b.y) * 110_540;
        return Math.hypot(dx, dy);
    }
}
