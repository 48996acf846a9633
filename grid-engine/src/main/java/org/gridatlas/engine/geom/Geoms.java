package org.gridatlas.engine.geom;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.operation.overlayng.CoverageUnion;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.UnaryUnionNG;

/** Shared geometry settings and the few overlay calls the pipeline makes, all at 1 mm precision. */
public final class Geoms {
    /** Metric working precision: 1 mm. Snap-rounding at this scale keeps shared edges exact. */
    public static final PrecisionModel PRECISION = new PrecisionModel(1000);

    public static final GeometryFactory METRIC = new GeometryFactory(PRECISION);
    public static final GeometryFactory LONLAT = new GeometryFactory(new PrecisionModel(), 4326);

    private Geoms() {}

    public static Geometry intersection(Geometry a, Geometry b) {
        return OverlayNG.overlay(a, b, OverlayNG.INTERSECTION, PRECISION);
    }

    public static Geometry difference(Geometry a, Geometry b) {
        return OverlayNG.overlay(a, b, OverlayNG.DIFFERENCE, PRECISION);
    }

    public static Geometry union(Collection<? extends Geometry> parts) {
        if (parts.isEmpty()) return METRIC.createPolygon();
        return UnaryUnionNG.union(METRIC.buildGeometry(new ArrayList<>(parts)), PRECISION);
    }

    /**
     * Union of polygons that tile without overlap and share edges vertex for vertex (faces of one
     * arrangement): the fast coverage union, falling back to a snap-rounded overlay union where the
     * coverage union leaves a self-touching ring.
     */
    public static Geometry coverageUnion(List<? extends Geometry> faces) {
        if (faces.size() == 1) return faces.get(0);
        Geometry u = CoverageUnion.union(METRIC.buildGeometry(new ArrayList<>(faces)));
        return u.isValid() ? u : union(faces);
    }

    /** Only the polygonal parts of an overlay result (dropping collapsed lines and points). */
    public static Geometry polygonal(Geometry g) {
        List<Polygon> polys = new ArrayList<>();
        PolygonExtracter.getPolygons(g, polys);
        if (polys.size() == 1) return polys.get(0);
        return METRIC.createMultiPolygon(polys.toArray(Polygon[]::new));
    }

    /** Where a vertex (x, y) goes: writes the new x and y into {@code out}. */
    @FunctionalInterface
    public interface VertexMap {
        void apply(double x, double y, double[] out);
    }

    /** Moves every vertex of {@code g} (a copy the caller owns) by {@code f}, in place; returns it. */
    public static <G extends Geometry> G mapVertices(G g, VertexMap f) {
        double[] out = new double[2];
        g.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                f.apply(seq.getX(i), seq.getY(i), out);
                seq.setOrdinate(i, 0, out[0]);
                seq.setOrdinate(i, 1, out[1]);
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        });
        g.geometryChanged();
        return g;
    }

    /** Polsby–Popper compactness 4πA/P²: 1 for a circle, about 0.785 for a square. */
    public static double polsbyPopper(Geometry metric) {
        double p = metric.getLength();
        return p == 0 ? 0 : 4 * Math.PI * metric.getArea() / (p * p);
    }

    /**
     * Why a lon/lat geometry cannot be kept (a coordinate not finite, or past ±180° / ±90°), or
     * null when every coordinate is a place on Earth. Checked before anything is stored.
     */
    public static String notLonLat(Geometry g) {
        if (g == null || g.isEmpty()) return "missing";
        for (org.locationtech.jts.geom.Coordinate c : g.getCoordinates()) {
            if (!Double.isFinite(c.x) || !Double.isFinite(c.y))
                return "a coordinate is not a finite number (" + c.x + ", " + c.y + ")";
            if (Math.abs(c.x) > 180 || Math.abs(c.y) > 90)
                return "a coordinate lies outside lon ±180, lat ±90 (" + c.x + ", " + c.y + ")";
        }
        return null;
    }
}
