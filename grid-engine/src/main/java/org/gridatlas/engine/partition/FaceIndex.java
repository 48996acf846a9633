package org.gridatlas.engine.partition;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/** Finds which of a set of polygons (blocks, faces, community parts) holds a point. */
final class FaceIndex {
    private final List<Polygon> polygons;
    private final STRtree tree = new STRtree();
    private final IndexedPointInAreaLocator[] locators;
    private final PreparedGeometry[] prepared;

    FaceIndex(List<Polygon> polygons) {
        this.polygons = polygons;
        this.locators = new IndexedPointInAreaLocator[polygons.size()];
        this.prepared = new PreparedGeometry[polygons.size()];
        for (int i = 0; i < polygons.size(); i++) tree.insert(polygons.get(i).getEnvelopeInternal(), i);
        tree.build();
    }

    List<Integer> candidates(Envelope e) {
        List<Integer> out = new ArrayList<>();
        for (Object o : tree.query(e)) out.add((Integer) o);
        out.sort(null);
        return out;
    }

    PreparedGeometry prepared(int i) {
        if (prepared[i] == null) prepared[i] = PreparedGeometryFactory.prepare(polygons.get(i));
        return prepared[i];
    }

    /** The polygon whose interior (else boundary) holds p; else the nearest one. */
    int locateOrNearest(Coordinate p) {
        int onBoundary = -1;
        for (int i : candidates(new Envelope(p))) {
            if (locators[i] == null) locators[i] = new IndexedPointInAreaLocator(polygons.get(i));
            int loc = locators[i].locate(p);
            if (loc == Location.INTERIOR) return i;
            if (loc == Location.BOUNDARY && onBoundary < 0) onBoundary = i;
        }
        if (onBoundary >= 0) return onBoundary;
        org.locationtech.jts.geom.Point pt = polygons.get(0).getFactory().createPoint(p);
        Object nearest = tree.nearestNeighbour(
                new Envelope(p), pt, (a, b) -> geometryOf(a.getItem()).distance(geometryOf(b.getItem())));
        return (Integer) nearest;
    }

    private org.locationtech.jts.geom.Geometry geometryOf(Object item) {
        return item instanceof Integer i ? polygons.get(i) : (org.locationtech.jts.geom.Geometry) item;
    }
}
