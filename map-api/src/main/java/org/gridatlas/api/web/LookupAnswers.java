package org.gridatlas.api.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.gridatlas.api.serving.FeatureCatalog;
import org.gridatlas.api.serving.Hierarchy;
import org.gridatlas.api.serving.PointLookup;
import org.gridatlas.api.serving.ServingState;
import org.gridatlas.engine.lookup.GridLocator;
import org.gridatlas.engine.model.Grid;

/** The answers to point lookups, typed (written snake_case): a single point's, with its hierarchy, and a batch line's. */
final class LookupAnswers {
    private LookupAnswers() {}

    /** A grid within reach of the point, or the nearest one outside coverage. */
    record Nearby(String code, double distanceM) {
        static Nearby of(Grid g, double metres) {
            return new Nearby(g.code(), Math.round(metres * 100) / 100.0);
        }
    }

    record Query(double lon, double lat, String crs, List<Double> wgs84) {}

    record Point(
            Query query,
            Map<String, Object> grid,
            Hierarchy hierarchy,
            boolean onBoundary,
            List<Nearby> candidates,
            boolean outsideCoverage,
            Nearby nearest) {}

    record Line(
            Object id,
            String gridCode,
            String communityCode,
            String streetCode,
            boolean onBoundary,
            List<Nearby> candidates,
            boolean outsideCoverage,
            @JsonInclude(JsonInclude.Include.NON_NULL) Nearby nearest) {}

    static Point point(ServingState s, PointLookup.Resolved r) {
        GridLocator.Lookup l = r.lookup();
        Grid g = l.grid();
        return new Point(
                new Query(r.lon(), r.lat(), r.crs().wireName(), List.of(r.wgsLon(), r.wgsLat())),
                g == null ? null : FeatureCatalog.grid(g),
                g == null ? null : s.hierarchy(g, r.wgsLon(), r.wgsLat()),
                l.onBoundary(),
                candidates(l),
                l.outside(),
                nearest(l));
    }

    static Line line(Object id, GridLocator.Lookup l) {
        Grid g = l.grid();
        return new Line(
                id,
                g == null ? null : g.code(),
                g == null ? null : g.communityCode(),
                g == null ? null : g.streetCode(),
                l.onBoundary(),
                candidates(l),
                l.outside(),
                nearest(l));
    }

    private static List<Nearby> candidates(GridLocator.Lookup l) {
        return l.nearby().stream().map(c -> Nearby.of(c.grid(), c.metres())).toList();
    }

    private static Nearby nearest(GridLocator.Lookup l) {
        return l.nearest() == null ? null : Nearby.of(l.nearest(), l.nearestMetres());
    }
}
