package org.gridatlas.engine.validate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridatlas.engine.geom.Geoms;
import org.gridatlas.engine.geom.LocalProjection;
import org.gridatlas.engine.model.Assignment;
import org.gridatlas.engine.model.Building;
import org.gridatlas.engine.model.BuildingKey;
import org.gridatlas.engine.model.Community;
import org.gridatlas.engine.model.Dataset;
import org.gridatlas.engine.model.Delineation;
import org.gridatlas.engine.model.Grid;
import org.gridatlas.engine.model.GridCode;
import org.gridatlas.engine.model.GridKind;
import org.gridatlas.engine.model.GridLevel;
import org.gridatlas.engine.partition.Bounds;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * Checks a delineation against the rules of DATA.md on its own, from the dataset and the result
 * alone (the engine's internals are not trusted): the same rules as scripts/check_grids.py.
 */
public final class GridVerifier {
    private static final double OUTSIDE_TOLERANCE = 0.01;
    private static final double AREA_TOLERANCE = 1e-4;
    private static final int EXAMPLES = 5;

    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private final Map<String, List<String>> examples = new LinkedHashMap<>();

    private GridVerifier() {
        for (Rule r : Rule.values()) counts.put(r.wireName(), 0);
    }

    public static Verification verify(Dataset d, Delineation result, Bounds bounds) {
        GridVerifier v = new GridVerifier();
        v.run(d, result, bounds);
        return new Verification(v.counts, v.examples);
    }

    private void fail(Rule rule, String what) {
        counts.merge(rule.wireName(), 1, Integer::sum);
        List<String> ex = examples.computeIfAbsent(rule.wireName(), k -> new ArrayList<>());
        if (ex.size() < EXAMPLES) ex.add(what);
    }

    private void run(Dataset d, Delineation result, Bounds bounds) {
        Envelope extent = new Envelope();
        d.communities().forEach(c -> extent.expandToInclude(c.geometry().getEnvelopeInternal()));
        LocalProjection proj = LocalProjection.around(extent);
        Map<String, Geometry> community = new HashMap<>(), given = new HashMap<>();
        for (Community c : d.communities()) {
            community.put(c.code(), proj.toMetres(c.geometry()));
            // rule 3 counts a community's parts as its file gives them, as the independent checker does
            given.put(c.code(), proj.toMetres(c.given()));
        }

        Map<String, Grid> grids = new LinkedHashMap<>();
        Map<String, Geometry> metric = new HashMap<>();
        for (Grid g : result.grids()) {
            if (grids.put(g.code(), g) != null) fail(Rule.CODES_UNIQUE, g.code());
            if (!GridCode.laidOut(g.code(), g.level(), g.communityCode())) fail(Rule.CODE_LAYOUT, g.code());
            Geometry m = proj.toMetres(g.geometry());
            metric.put(g.code(), m);
            if (!validShape(m, given.get(g.communityCode())))
                fail(Rule.ONE_VALID_POLYGON, g.code() + ": " + m.getGeometryType() + " valid=" + m.isValid());
        }

        Map<String, Building> buildings = new HashMap<>();
        d.buildings().forEach(b -> buildings.put(b.id(), b));
        Map<String, String> assigned = new HashMap<>();
        Map<String, Set<String>> gridsOfBuilding = new HashMap<>();
        Map<String, Integer> households = new HashMap<>();
        for (Assignment a : result.assignments()) {
            if (assigned.put(a.buildingKey(), a.gridCode()) != null)
                fail(Rule.EACH_BUILDING_ONCE, a.buildingKey() + " twice");
            BuildingKey key = a.key();
            Building b = buildings.get(key.buildingId());
            if (b == null) {
                fail(Rule.EACH_BUILDING_ONCE, key.buildingId() + " not in dataset");
                continue;
            }
            if (!grids.containsKey(a.gridCode())) {
                fail(Rule.EACH_BUILDING_ONCE, a.buildingKey() + " -> unknown grid " + a.gridCode());
                continue;
            }
            gridsOfBuilding.computeIfAbsent(b.id(), k -> new LinkedHashSet<>()).add(a.gridCode());
            households.merge(a.gridCode(), b.households(key), Integer::sum);
        }
        for (Building b : d.buildings())
            if (!gridsOfBuilding.containsKey(b.id())) fail(Rule.EACH_BUILDING_ONCE, b.id() + " not assigned");

        for (Map.Entry<String, Set<String>> e : gridsOfBuilding.entrySet()) {
            Building b = buildings.get(e.getKey());
            if (e.getValue().size() > 1) {
                if (!b.hasUnits() || b.households() <= bounds.max())
                    fail(Rule.BUILDING_NOT_SPLIT, b.id() + " in " + e.getValue());
                continue;
            }
            Grid g = grids.get(e.getValue().iterator().next());
            Geometry fp = proj.toMetres(b.geometry());
            Geometry gridGeom = metric.get(g.code());
            if (fp.getDimension() == 2) {
                Geometry c = community.get(g.communityCode());
                // a footprint along the community line meets it in a polygon and a line: only the area counts
                Geometry own = c == null
                        ? fp
                        : Geoms.polygonal(OverlayNGRobust.overlay(
                                fp, c, org.locationtech.jts.operation.overlayng.OverlayNG.INTERSECTION));
                if (own.getArea() <= 0) continue;
                double outside = OverlayNGRobust.overlay(
                                        own, gridGeom, org.locationtech.jts.operation.overlayng.OverlayNG.DIFFERENCE)
                                .getArea()
                        / own.getArea();
                if (outside > OUTSIDE_TOLERANCE)
                    fail(
                            Rule.BUILDING_INSIDE_GRID,
                            String.format("%s %.1f%% outside %s", b.id(), 100 * outside, g.code()));
            } else if (gridGeom.distance(fp) > 0.5) {
                fail(Rule.BUILDING_INSIDE_GRID, b.id() + " point outside " + g.code());
            }
        }

        for (Grid g : grids.values()) {
            if (g.level() != GridLevel.GRID) continue;
            int counted = households.getOrDefault(g.code(), 0);
            if (g.households() != counted)
                fail(Rule.HOUSEHOLDS_SUM, g.code() + ": says " + g.households() + " counts " + counted);
            if (g.kind() == GridKind.COMMUNITY
                    && !bounds.contains(counted)
                    && g.flags().isEmpty()) {
                fail(Rule.BOUNDS_OR_FLAGGED, g.code() + ": " + counted + " households, no flag");
            }
        }

        Map<String, Set<String>> compoundGrids = new HashMap<>();
        Map<String, Integer> compoundHouseholds = new HashMap<>();
        for (Building b : d.buildings()) {
            if (b.compoundId() == null) continue;
            compoundGrids
                    .computeIfAbsent(b.compoundId(), k -> new LinkedHashSet<>())
                    .addAll(gridsOfBuilding.getOrDefault(b.id(), Set.of()));
            compoundHouseholds.merge(b.compoundId(), b.households(), Integer::sum);
        }
        compoundGrids.forEach((c, gs) -> {
            if (gs.size() > 1 && compoundHouseholds.get(c) <= bounds.max())
                fail(Rule.COMPOUND_NOT_SPLIT, c + " in " + gs);
        });

        microCoverage(grids, metric);
        Map<String, List<Geometry>> byCommunity = new HashMap<>();
        for (Grid g : grids.values())
            if (g.level() == GridLevel.GRID)
                byCommunity
                        .computeIfAbsent(g.communityCode(), k -> new ArrayList<>())
                        .add(metric.get(g.code()));
        community.forEach((code, c) -> {
            List<Geometry> parts = byCommunity.get(code);
            if (parts == null) {
                fail(Rule.COVERAGE, code + ": no grids");
                return;
            }
            Geometry union = Geoms.union(parts);
            double area = c.getArea();
            double gap = Geoms.difference(c, union).getArea() / area;
            double spill = Geoms.difference(union, c).getArea() / area;
            double sum = parts.stream().mapToDouble(Geometry::getArea).sum();
            if (gap > AREA_TOLERANCE || spill > AREA_TOLERANCE)
                fail(Rule.COVERAGE, String.format("%s: gap %.4f%% spill %.4f%%", code, 100 * gap, 100 * spill));
            if ((sum - union.getArea()) / area > AREA_TOLERANCE)
                fail(Rule.NO_OVERLAP, String.format("%s: overlap %.4f%%", code, 100 * (sum - union.getArea()) / area));
        });
    }

    /** Micro grids tile their grid: no gap, no spill, no overlap beyond the area tolerance. */
    private void microCoverage(Map<String, Grid> grids, Map<String, Geometry> metric) {
        Map<String, List<Geometry>> byParent = new HashMap<>();
        for (Grid g : grids.values()) {
            if (g.level() == GridLevel.MICRO)
                byParent.computeIfAbsent(String.valueOf(g.parentCode()), k -> new ArrayList<>())
                        .add(metric.get(g.code()));
        }
        byParent.forEach((parent, parts) -> {
            Geometry p = metric.get(parent);
            if (p == null) {
                fail(Rule.MICRO_COVERAGE, parent + ": micro grids of an unknown grid");
                return;
            }
            Geometry union = Geoms.union(parts);
            double area = p.getArea();
            double gap = Geoms.difference(p, union).getArea() / area,
                    spill = Geoms.difference(union, p).getArea() / area;
            double over = (parts.stream().mapToDouble(Geometry::getArea).sum() - union.getArea()) / area;
            if (gap > AREA_TOLERANCE || spill > AREA_TOLERANCE || over > AREA_TOLERANCE) {
                fail(
                        Rule.MICRO_COVERAGE,
                        String.format(
                                "%s: gap %.4f%% spill %.4f%% overlap %.4f%%",
                                parent, 100 * gap, 100 * spill, 100 * over));
            }
        });
    }

    /**
     * One valid Polygon; a MultiPolygon only with each part in a different part of a multi-part
     * community, and no two parts touching: parts that meet only at points are not one grid.
     */
    static boolean validShape(Geometry g, Geometry community) {
        if (g instanceof Polygon) return g.isValid() && !g.isEmpty();
        if (!(g instanceof MultiPolygon) || !g.isValid() || community == null) return false;
        for (int i = 0; i < g.getNumGeometries(); i++)
            for (int j = i + 1; j < g.getNumGeometries(); j++)
                if (g.getGeometryN(i).intersects(g.getGeometryN(j))) return false;
        Set<Integer> hosts = new LinkedHashSet<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            int host = -1;
            for (int k = 0; k < community.getNumGeometries(); k++) {
                if (community.getGeometryN(k).buffer(0.5).contains(g.getGeometryN(i))) {
                    host = k;
                    break;
                }
            }
            if (host < 0 || !hosts.add(host)) return false;
        }
        return true;
    }
}
