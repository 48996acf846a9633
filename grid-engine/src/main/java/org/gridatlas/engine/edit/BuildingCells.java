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
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.linearref.LengthIndexedLine;
import org.locationtech.jts.operation.polygonize.Polygonizer;
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

    /**
     * Cells of the grid (metres) by building id; a grid without buildings is one cell under the
     * empty key. Roads and rivers across the grid ({@code barriers}) bound the cells: the grid is
     * cut along them first (parts without buildings join the neighbouring part they share most
     * boundary with), so a boundary between cells follows a road where the road runs between them.
     */
    static Map<String, Geometry> of(Geometry grid, Map<String, Geometry> footprints, List<Geometry> barriers) {
        Map<String, Geometry> out = new LinkedHashMap<>();
        if (footprints.size() <= 1) {
            out.put(footprints.isEmpty() ? "" : footprints.keySet().iterator().next(), grid);
            return out;
        }
        Map<String, List<Geometry>> regions = new HashMap<>();
        for (Part part : parts(grid, footprints, barriers)) {
            Map<Coordinate, String> owner = new HashMap<>();
            for (String id : part.owners()) for (Coordinate c : samples(footprints.get(id))) owner.putIfAbsent(c, id);
            if (part.owners().size() == 1) {
                regions.computeIfAbsent(part.owners().get(0), k -> new ArrayList<>())
                        .add(part.area());
                continue;
            }
            VoronoiDiagramBuilder vb = new VoronoiDiagramBuilder();
            vb.setSites(owner.keySet());
            Envelope clip = new Envelope(grid.getEnvelopeInternal());
            clip.expandBy(Math.max(clip.getWidth(), clip.getHeight()));
            vb.setClipEnvelope(clip);
            Geometry diagram = vb.getDiagram(Geoms.METRIC);
            for (int i = 0; i < diagram.getNumGeometries(); i++) {
                Geometry cell = diagram.getGeometryN(i);
                Geometry inPart = Geoms.polygonal(Geoms.intersection(cell, part.area()));
                if (!inPart.isEmpty())
                    regions.computeIfAbsent(owner.get((Coordinate) cell.getUserData()), k -> new ArrayList<>())
                            .add(inPart);
            }
        }
        // footprints made disjoint (an overlap goes to the first), each wholly its building's
        Map<String, Geometry> own = new LinkedHashMap<>();
        List<Geometry> taken = new ArrayList<>();
        for (Map.Entry<String, Geometry> f : footprints.entrySet()) {
            Geometry fp = f.getValue().getDimension() == 2
                    ? Geoms.intersection(f.getValue(), grid)
                    : Geoms.METRIC.createPolygon();
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

    /** A part of the grid between barriers, with the buildings whose centre lies in it. */
    private record Part(Geometry area, List<String> owners) {}

    /** The grid cut along the barriers; a part without buildings is joined to a neighbour until every part has some. */
    private static List<Part> parts(Geometry grid, Map<String, Geometry> footprints, List<Geometry> barriers) {
        List<Geometry> areas = new ArrayList<>(List.of(grid));
        if (!barriers.isEmpty()) {
            List<Geometry> lines = new ArrayList<>(List.of(grid.getBoundary()));
            for (Geometry b : barriers)
                if (b.getEnvelopeInternal().intersects(grid.getEnvelopeInternal()))
                    lines.add(Geoms.intersection(b, grid));
            Polygonizer polygonizer = new Polygonizer();
            polygonizer.add(Geoms.union(lines));
            areas.clear();
            for (Object o : polygonizer.getPolygons()) {
                Geometry face = (Geometry) o;
                if (grid.contains(face.getInteriorPoint())) areas.add(face);
            }
            if (areas.isEmpty()) areas.add(grid);
        }
        List<List<String>> owners = new ArrayList<>();
        for (Geometry a : areas) {
            List<String> in = new ArrayList<>();
            PreparedGeometry p = PreparedGeometryFactory.prepare(a);
            for (Map.Entry<String, Geometry> f : footprints.entrySet())
                if (p.intersects(f.getValue().getCentroid())) in.add(f.getKey());
            owners.add(in);
        }
        // footprints whose centre fell on a barrier line belong to the part they overlap most
        for (String id : footprints.keySet()) {
            if (owners.stream().anyMatch(o -> o.contains(id))) continue;
            int best = 0;
            double most = -1;
            for (int i = 0; i < areas.size(); i++) {
                double d = -areas.get(i).distance(footprints.get(id).getCentroid());
                if (d > most) {
                    most = d;
                    best = i;
                }
            }
            owners.get(best).add(id);
        }
        boolean joined = true;
        while (joined && areas.size() > 1) {
            joined = false;
            for (int i = 0; i < areas.size(); i++) {
                if (!owners.get(i).isEmpty()) continue;
                int best = -1;
                double shared = 0;
                for (int k = 0; k < areas.size(); k++) {
                    if (k == i
                            || !areas.get(k)
                                    .getEnvelopeInternal()
                                    .intersects(areas.get(i).getEnvelopeInternal())) continue;
                    double len = Geoms.intersection(
                                    areas.get(k).getBoundary(), areas.get(i).getBoundary())
                            .getLength();
                    if (len > shared) {
                        shared = len;
                        best = k;
                    }
                }
                if (best < 0) continue;
                areas.set(best, Geoms.polygonal(Geoms.union(List.of(areas.get(best), areas.get(i)))));
                areas.remove(i);
                owners.remove(i);
                joined = true;
                break;
            }
        }
        List<Part> out = new ArrayList<>();
        for (int i = 0; i < areas.size(); i++)
            if (!owners.get(i).isEmpty()) out.add(new Part(areas.get(i), owners.get(i)));
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
