package org.gridatlas.engine.edit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridatlas.engine.geom.Geoms;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.linearref.LengthIndexedLine;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

/**
 * Divides one grid among its buildings, so that buildings can change grid and take their ground
 * with them: each building gets its footprint plus the part of the grid nearer to it than to any
 * other building (a Voronoi diagram of points along the footprints). The cells tile the grid, and
 * a boundary drawn between cells runs between buildings, never through one.
 */
final class BuildingCells {
    /** Footprints are sampled about this densely (metres), with at most {@link #MAX_SAMPLES} points per outline. */
    private static final double SPACING = 5.0;
    private static final int MAX_SAMPLES = 32;

    private BuildingCells() {}

    /** Cells of the grid (metres) by building id; a grid without buildings is one cell under the empty key. */
    static Map<String, Geometry> of(Geometry grid, Map<String, Geometry> footprints) {
        Map<String, Geometry> out = new LinkedHashMap<>();
        if (footprints.size() <= 1) {
            out.put(footprints.isEmpty() ? "" : footprints.keySet().iterator().next(), grid);
            return out;
        }
        Map<Coordinate, String> owner = new HashMap<>();
        for (Map.Entry<String, Geometry> f : footprints.entrySet()) {
            for (Coordinate c : samples(f.getValue())) owner.putIfAbsent(c, f.getKey());
        }
        VoronoiDiagramBuilder vb = new VoronoiDiagramBuilder();
        vb.setSites(owner.keySet());
        Envelope clip = new Envelope(grid.getEnvelopeInternal());
        clip.expandBy(Math.max(clip.getWidth(), clip.getHeight()));
        vb.setClipEnvelope(clip);
        Geometry diagram = vb.getDiagram(Geoms.METRIC);
        Map<String, List<Geometry>> regions = new HashMap<>();
        for (int i = 0; i < diagram.getNumGeometries(); i++) {
            Geometry cell = diagram.getGeometryN(i);
            regions.computeIfAbsent(owner.get((Coordinate) cell.getUserData()), k -> new ArrayList<>()).add(cell);
        }
        // footprints made disjoint (an overlap goes to the first), each wholly its building's
        Map<String, Geometry> own = new LinkedHashMap<>();
        List<Geometry> taken = new ArrayList<>();
        for (Map.Entry<String, Geometry> f : footprints.entrySet()) {
            Geometry fp = f.getValue().getDimension() == 2 ? Geoms.intersection(f.getValue(), grid) : Geoms.METRIC.createPolygon();
            if (!taken.isEmpty() && !fp.isEmpty()) fp = Geoms.difference(fp, Geoms.union(taken));
            own.put(f.getKey(), fp);
            if (!fp.isEmpty()) taken.add(fp);
        }
        Geometry allFootprints = Geoms.union(taken);
        for (String id : footprints.keySet()) {
            Geometry near = Geoms.union(regions.getOrDefault(id, List.of()));
            Geometry cell = Geoms.intersection(Geoms.difference(near, allFootprints), grid);
            out.put(id, Geoms.polygonal(Geoms.union(List.of(cell, own.get(id)))));
        }
        return out;
    }

    private static List<Coordinate> samples(Geometry footprint) {
        List<Coordinate> out = new ArrayList<>();
        if (footprint.getDimension() == 0) {
            out.add(footprint.getCoordinate().copy());
            return out;
        }
        Geometry boundary = footprint.getBoundary();
        for (int i = 0; i < boundary.getNumGeometries(); i++) {
            LineString ring = (LineString) boundary.getGeometryN(i);
            double length = ring.getLength();
            int n = (int) Math.max(4, Math.min(MAX_SAMPLES, Math.ceil(length / SPACING)));
            LengthIndexedLine line = new LengthIndexedLine(ring);
            for (int k = 0; k < n; k++) out.add(line.extractPoint(length * k / n));
        }
        return out;
    }
}
