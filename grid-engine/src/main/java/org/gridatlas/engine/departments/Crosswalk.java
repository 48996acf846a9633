package org.gridatlas.engine.departments;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.DoubleAdder;
import org.gridatlas.engine.geom.Geoms;
import org.gridatlas.engine.geom.LocalProjection;
import org.gridatlas.engine.model.Assignment;
import org.gridatlas.engine.model.Building;
import org.gridatlas.engine.model.BuildingKey;
import org.gridatlas.engine.model.DepartmentUnit;
import org.gridatlas.engine.model.Grid;
import org.gridatlas.engine.model.GridLevel;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.geom.util.LineStringExtracter;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * A department's units against the unified grids, in local metres: per grid, the share of its area
 * in each unit (exact overlay, skipped where a unit covers the grid whole) and of its households by
 * where its buildings stand (a building on a unit boundary counts for the unit with the lowest id,
 * as a lookup on a grid boundary does); then what does not fit. Grids are independent, so they are
 * measured in parallel; the output is sorted and the same whatever the order.
 */
public final class Crosswalk {
    /**
     * A part of a grid below this share is a sliver, not a side: two departments tracing the same
     * road a few metres apart leave thin strips that no planner would call a cut.
     */
    static final double SIDE_SHARE = 0.02;
    /** A gap or a part outside below this share is a tracing difference, not a hole. */
    static final double GAP_SHARE = 0.01;
    /** Overlaps between a department's own units below this (m²) are the same tracing noise. */
    static final double OVERLAP_M2 = 10;
    /** Buildings named per side of a split; the rest are counted. */
    private static final int NAMED = 5;

    private record Unit(int index, DepartmentUnit unit, Geometry metric, PreparedGeometry prepared, double area) {}

    private record Side(Unit unit, double area, List<String> buildings, int[] households) {}

    /** One grid's measure: its rows, main unit and conflicts. */
    private record GridResult(List<CrosswalkRow> rows, String mainUnit, List<CrosswalkConflict> conflicts) {}

    private final LocalProjection projection;
    private final STRtree tree = new STRtree();
    private final List<Unit> units = new ArrayList<>();

    public Crosswalk(List<DepartmentUnit> departmentUnits, Envelope gridsLonLat) {
        Envelope extent = new Envelope(gridsLonLat);
        departmentUnits.forEach(u -> extent.expandToInclude(u.geometry().getEnvelopeInternal()));
        projection = extent.isNull() ? new LocalProjection(0, 0) : LocalProjection.around(extent);
        for (DepartmentUnit u : departmentUnits.stream()
                .sorted(Comparator.comparing(DepartmentUnit::id))
                .toList()) {
            Geometry m = projection.toValidMetres(u.geometry());
            Unit unit = new Unit(units.size(), u, m, PreparedGeometryFactory.prepare(m), m.getArea());
            units.add(unit);
            tree.insert(m.getEnvelopeInternal(), unit);
        }
        tree.build();
    }

    /** {@code grids}: the unified grids (micro grids are left out); {@code buildings} by id with their assignments, for households. */
    public CrosswalkResult run(List<Grid> grids, List<Assignment> assignments, Map<String, Building> buildings) {
        Map<String, List<BuildingKey>> keysOf = new HashMap<>();
        for (Assignment a : assignments)
            keysOf.computeIfAbsent(a.gridCode(), k -> new ArrayList<>()).add(a.key());
        List<Grid> level = grids.stream()
                .filter(g -> g.level() == GridLevel.GRID)
                .sorted(Comparator.comparing(Grid::code))
                .toList();
        // the area of each unit that grids hold, added to from the parallel grids
        DoubleAdder[] inGrids = new DoubleAdder[units.size()];
        for (int i = 0; i < inGrids.length; i++) inGrids[i] = new DoubleAdder();
        List<GridResult> measured = level.parallelStream()
                .map(g -> measure(g, keysOf.getOrDefault(g.code(), List.of()), buildings, inGrids))
                .toList();
        List<CrosswalkRow> rows = new ArrayList<>();
        Map<String, String> main = new LinkedHashMap<>();
        List<CrosswalkConflict> conflicts = new ArrayList<>();
        for (int i = 0; i < level.size(); i++) {
            GridResult r = measured.get(i);
            rows.addAll(r.rows());
            if (r.mainUnit() != null) main.put(level.get(i).code(), r.mainUnit());
            conflicts.addAll(r.conflicts());
        }
        conflicts.addAll(overlaps());
        conflicts.addAll(outside(level, inGrids));
        return new CrosswalkResult(rows, main, conflicts, level.size(), units.size());
    }

    private GridResult measure(Grid g, List<BuildingKey> keys, Map<String, Building> buildings, DoubleAdder[] inGrids) {
        Geometry gm = projection.toValidMetres(g.geometry());
        double area = gm.getArea();
        List<Side> sides = new ArrayList<>();
        for (Object o : tree.query(gm.getEnvelopeInternal())) {
            Unit u = (Unit) o;
            if (!u.prepared().intersects(gm)) continue;
            double shared = u.prepared().covers(gm)
                    ? area
                    : Geoms.intersection(gm, u.metric()).getArea();
            if (shared > 0) sides.add(new Side(u, shared, new ArrayList<>(), new int[1]));
        }
        sides.sort(Comparator.comparing(s -> s.unit().unit().id()));
        int households = 0, outside = 0;
        List<String> unplaced = new ArrayList<>();
        for (BuildingKey key : keys) {
            Building b = buildings.get(key.buildingId());
            if (b == null) continue;
            int h = b.households(key);
            households += h;
            Point p = (Point) projection.toMetres(b.geometry().getInteriorPoint());
            Side side = sides.stream()
                    .filter(s -> s.unit().prepared().covers(p))
                    .findFirst()
                    .orElse(null);
            if (side == null) {
                outside += h;
                unplaced.add(key.toString());
            } else {
                side.households()[0] += h;
                side.buildings().add(key.toString());
            }
        }
        List<CrosswalkRow> rows = new ArrayList<>();
        Side main = null;
        for (Side s : sides) {
            inGrids[s.unit().index()].add(s.area());
            rows.add(new CrosswalkRow(
                    g.code(),
                    s.unit().unit().id(),
                    s.area() / area,
                    households == 0 ? Double.NaN : (double) s.households()[0] / households));
            if (main == null
                    || s.households()[0] > main.households()[0]
                    || s.households()[0] == main.households()[0] && s.area() > main.area()) main = s;
        }
        return new GridResult(
                rows,
                main == null ? null : main.unit().unit().id(),
                conflicts(g, gm, area, sides, households, outside, unplaced));
    }

    private List<CrosswalkConflict> conflicts(
            Grid g, Geometry gm, double area, List<Side> sides, int households, int outside, List<String> unplaced) {
        List<CrosswalkConflict> out = new ArrayList<>();
        List<Side> peopled = sides.stream()
                .filter(s -> s.households()[0] > 0 || !s.buildings().isEmpty())
                .toList();
        List<Side> real =
                sides.stream().filter(s -> s.area() / area >= SIDE_SHARE).toList();
        if (peopled.size() > 1) {
            StringBuilder detail = new StringBuilder();
            for (Side s : peopled) {
                if (!detail.isEmpty()) detail.append("; ");
                detail.append(s.unit().unit().id())
                        .append(": ")
                        .append(s.buildings().size())
                        .append(" buildings, ")
                        .append(s.households()[0])
                        .append(" households (")
                        .append(named(s.buildings()))
                        .append(')');
            }
            for (Side s : peopled)
                out.add(new CrosswalkConflict(
                        ConflictKind.GRID_SPLIT, g.code(), s.unit().unit().id(), detail.toString(), cutLine(gm, s)));
        } else if (real.size() > 1) {
            String detail = real.stream()
                            .map(s -> s.unit().unit().id() + " " + percent(s.area() / area) + " of the area")
                            .reduce((a, b) -> a + "; " + b)
                            .orElseThrow()
                    + "; every building in "
                    + (peopled.isEmpty()
                            ? "none of them"
                            : peopled.get(0).unit().unit().id());
            for (Side s : real)
                out.add(new CrosswalkConflict(
                        ConflictKind.BOUNDARY_CUTS_GRID,
                        g.code(),
                        s.unit().unit().id(),
                        detail,
                        cutLine(gm, s)));
        }
        double covered = sides.stream().mapToDouble(Side::area).sum();
        if (covered / area < 1 - GAP_SHARE) {
            // only here is the exact uncovered part worth an overlay
            Geometry gap = sides.isEmpty()
                    ? gm
                    : Geoms.difference(
                            gm,
                            Geoms.union(
                                    sides.stream().map(s -> s.unit().metric()).toList()));
            if (gap.getArea() / area >= GAP_SHARE) {
                out.add(new CrosswalkConflict(
                        ConflictKind.GAP,
                        g.code(),
                        null,
                        percent(gap.getArea() / area) + " of the grid (" + Math.round(gap.getArea())
                                + " m²) in no unit; " + outside + " of " + households + " households"
                                + (unplaced.isEmpty() ? "" : " (" + named(unplaced) + ")"),
                        projection.toLonLat(gap)));
            }
        }
        return out;
    }

    /** The unit's boundary inside the grid, not along its edge: where the line runs that divides it. */
    private Geometry cutLine(Geometry gm, Side s) {
        // where the boundary only touches the grid the overlay adds points: the lines alone are the cut
        Geometry inside = Geoms.METRIC.buildGeometry(LineStringExtracter.getLines(
                Geoms.intersection(gm, s.unit().metric().getBoundary())));
        return projection.toLonLat(Geoms.difference(inside, gm.getBoundary()));
    }

    /** Pairs of the department's own units that share more than tracing noise. */
    private List<CrosswalkConflict> overlaps() {
        List<CrosswalkConflict> out = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            Unit a = units.get(i);
            for (Object o : tree.query(a.metric().getEnvelopeInternal())) {
                Unit b = (Unit) o;
                if (b.unit().id().compareTo(a.unit().id()) <= 0 || !a.prepared().intersects(b.metric())) continue;
                Geometry shared = Geoms.polygonal(Geoms.intersection(a.metric(), b.metric()));
                if (shared.getArea() < OVERLAP_M2) continue;
                String detail = "overlaps " + b.unit().id() + " by " + Math.round(shared.getArea()) + " m²";
                out.add(new CrosswalkConflict(
                        ConflictKind.OVERLAP, null, a.unit().id(), detail, projection.toLonLat(shared)));
            }
        }
        return out;
    }

    /** Units with a part outside the grids, by how much of their area the grids hold. */
    private List<CrosswalkConflict> outside(List<Grid> grids, DoubleAdder[] inGrids) {
        List<CrosswalkConflict> out = new ArrayList<>();
        STRtree near = null;
        for (Unit u : units) {
            double share = 1 - Math.min(1, inGrids[u.index()].sum() / u.area());
            if (share < GAP_SHARE) continue;
            if (near == null) {
                near = new STRtree();
                for (Grid g : grids) {
                    Geometry gm = projection.toValidMetres(g.geometry());
                    near.insert(gm.getEnvelopeInternal(), gm);
                }
            }
            // the part outside: the unit less the grids around it (a union of a few, not of the city)
            @SuppressWarnings("unchecked")
            List<Geometry> around = near.query(u.metric().getEnvelopeInternal());
            Geometry part = around.isEmpty() ? u.metric() : Geoms.difference(u.metric(), Geoms.union(around));
            out.add(new CrosswalkConflict(
                    ConflictKind.OUTSIDE_COVERAGE,
                    null,
                    u.unit().id(),
                    percent(share) + " of the unit (" + Math.round(u.area() * share) + " m²) outside the grids",
                    projection.toLonLat(part)));
        }
        return out;
    }

    /** The first keys in order, so that the same grids read from any store give the same words. */
    private static String named(List<String> keys) {
        List<String> sorted = keys.stream().sorted().toList();
        return String.join(", ", sorted.subList(0, Math.min(NAMED, sorted.size())))
                + (sorted.size() > NAMED ? ", …" : "");
    }

    private static String percent(double share) {
        return String.format(java.util.Locale.ROOT, "%.1f%%", 100 * share);
    }
}
