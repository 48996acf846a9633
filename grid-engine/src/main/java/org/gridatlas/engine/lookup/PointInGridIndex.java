package org.gridatlas.engine.lookup;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.gridatlas.engine.geom.LocalProjection;
import org.gridatlas.engine.model.Grid;
import org.gridatlas.engine.model.GridLevel;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.distance.IndexedFacetDistance;

/**
 * The exact locator, and the baseline: grids projected to metres, an STR-tree over their envelopes,
 * an indexed point-in-polygon locator and an indexed facet distance per grid. Immutable, so it can
 * be swapped atomically for a rebuilt one while lookups run.
 */
public final class PointInGridIndex implements GridLocator {
    record Entry(Grid grid, Geometry metric, IndexedPointInAreaLocator locator, IndexedFacetDistance distance) {}

    private final STRtree tree = new STRtree();
    private final LocalProjection projection;
    private final int size;

    public PointInGridIndex(List<Grid> grids) {
        this(grids, GridLevel.GRID);
    }

    /** An index over the grids of one level (grids, or micro grids). */
    public PointInGridIndex(List<Grid> grids, GridLevel level) {
        Envelope extent = new Envelope();
        grids.forEach(g -> extent.expandToInclude(g.geometry().getEnvelopeInternal()));
        projection = extent.isNull() ? new LocalProjection(0, 0) : LocalProjection.around(extent);
        int n = 0;
        for (Grid g : grids) {
            if (g.level() != level) continue;
            Geometry m = projection.toMetres(g.geometry());
            tree.insert(
                    m.getEnvelopeInternal(),
                    new Entry(g, m, new IndexedPointInAreaLocator(m), new IndexedFacetDistance(m)));
            n++;
        }
        tree.build();
        size = n;
    }

    @Override
    public int size() {
        return size;
    }

    LocalProjection projection() {
        return projection;
    }

    /** The grids (as entries) whose envelopes meet this envelope in metres. */
    @SuppressWarnings("unchecked")
    List<Entry> entries(Envelope metres) {
        return (List<Entry>) (List<?>) tree.query(metres);
    }

    @Override
    public Hit locate(double lon, double lat) {
        Coordinate p = metres(lon, lat);
        List<Grid> inside = new ArrayList<>(), boundary = new ArrayList<>();
        for (Object o : tree.query(new Envelope(p))) {
            Entry e = (Entry) o;
            int loc = e.locator().locate(p);
            if (loc == Location.INTERIOR) inside.add(e.grid());
            else if (loc == Location.BOUNDARY) boundary.add(e.grid());
        }
        if (!inside.isEmpty()) {
            inside.sort(Comparator.comparing(Grid::code));
            return new Hit(inside.get(0), false, List.of());
        }
        if (boundary.isEmpty()) return null;
        boundary.sort(Comparator.comparing(Grid::code));
        return new Hit(boundary.get(0), true, List.copyOf(boundary.subList(1, boundary.size())));
    }

    @Override
    public Lookup lookup(double lon, double lat, double nearMetres) {
        Coordinate c = metres(lon, lat);
        Point p = org.gridatlas.engine.geom.Geoms.METRIC.createPoint(c);
        Envelope around = new Envelope(c);
        around.expandBy(nearMetres);
        // one pass over the grids near the point: the ones holding it, and the others within reach
        List<Entry> inside = new ArrayList<>(2), boundary = new ArrayList<>(2), near = new ArrayList<>(4);
        for (Object o : tree.query(around)) {
            Entry e = (Entry) o;
            int loc = e.metric().getEnvelopeInternal().contains(c) ? e.locator().locate(c) : Location.EXTERIOR;
            if (loc == Location.INTERIOR) inside.add(e);
            else if (loc == Location.BOUNDARY) boundary.add(e);
            else if (e.distance().isWithinDistance(p, nearMetres)) near.add(e);
        }
        List<Entry> holding = inside.isEmpty() ? boundary : inside;
        if (holding.isEmpty()) {
            if (size == 0) return new Lookup(null, false, List.of(), null, Double.NaN);
            Entry nearest =
                    (Entry) tree.nearestNeighbour(new Envelope(c), p, (a, b) -> distance(a.getItem(), b.getItem()));
            return new Lookup(
                    null, false, List.of(), nearest.grid(), nearest.distance().distance(p));
        }
        holding.sort(Comparator.comparing(e -> e.grid().code()));
        List<Candidate> nearby = new ArrayList<>();
        for (int i = 1; i < holding.size(); i++)
            nearby.add(new Candidate(holding.get(i).grid(), 0));
        if (!inside.isEmpty()) for (Entry e : boundary) nearby.add(new Candidate(e.grid(), 0));
        for (Entry e : near) nearby.add(new Candidate(e.grid(), e.distance().distance(p)));
        nearby.sort(Comparator.comparingDouble(Candidate::metres)
                .thenComparing(x -> x.grid().code()));
        return new Lookup(holding.get(0).grid(), inside.isEmpty(), nearby, null, 0);
    }

    private static double distance(Object a, Object b) {
        if (a instanceof Entry e && b instanceof Point p) return e.distance().distance(p);
        if (b instanceof Entry e && a instanceof Point p) return e.distance().distance(p);
        return ((Entry) a).metric().distance(((Entry) b).metric());
    }

    private Coordinate metres(double lon, double lat) {
        double x = (lon - projection.centreLon()) * projection.metresPerDegreeX();
        double y = (lat - projection.centreLat()) * projection.metresPerDegreeY();
        return new Coordinate(x, y);
    }
}
