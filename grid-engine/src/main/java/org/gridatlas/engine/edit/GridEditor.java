package org.gridatlas.engine.edit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.gridatlas.engine.geom.Geoms;
import org.gridatlas.engine.geom.LocalProjection;
import org.gridatlas.engine.model.Assignment;
import org.gridatlas.engine.model.Barrier;
import org.gridatlas.engine.model.BarrierClass;
import org.gridatlas.engine.model.Building;
import org.gridatlas.engine.model.BuildingKey;
import org.gridatlas.engine.model.Dataset;
import org.gridatlas.engine.model.Delineation;
import org.gridatlas.engine.model.Grid;
import org.gridatlas.engine.model.GridKind;
import org.gridatlas.engine.model.GridLevel;
import org.gridatlas.engine.partition.AtomBuilder.PlacedBuilding;
import org.gridatlas.engine.partition.Bounds;
import org.gridatlas.engine.partition.CommunityPlan;
import org.gridatlas.engine.partition.CommunityPlanner;
import org.gridatlas.engine.partition.DraftGrid;
import org.gridatlas.engine.partition.GridAssembly;
import org.gridatlas.engine.partition.MicroGridPlanner;
import org.gridatlas.engine.partition.Piece;
import org.gridatlas.engine.partition.PlanInput;
import org.gridatlas.engine.partition.PlanInput.PlacedBarrier;
import org.gridatlas.engine.partition.RuralRule;
import org.gridatlas.engine.validate.GridVerifier;
import org.gridatlas.engine.validate.Rule;
import org.gridatlas.engine.validate.Verification;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Applies a planner's edit to one community and returns the grids it would have, with stable
 * codes, what changes, and the verification of DATA.md's rules; an edit that would break a rule
 * the grids kept before is refused with that rule ({@link EditRefused}). Nothing is stored here.
 */
public final class GridEditor {
    private final Bounds bounds;
    private final RuralRule ruralRule;

    public GridEditor(Bounds bounds, RuralRule ruralRule) {
        this.bounds = bounds;
        this.ruralRule = ruralRule;
    }

    /** What an edit would give: the community's grids and assignments, the change and the rules checked. */
    public record Result(
            List<Grid> grids, List<Assignment> assignments, ChangeSummary change, Verification verification) {}

    /** A grid being rebuilt: its polygon in metres and the building keys it holds. */
    private record Draft(Geometry polygon, Set<String> keys, GridKind kind) {}

    /** As {@link #apply(CommunityState, GridEdit, Set, Bounds)} without micro grids. */
    public Result apply(CommunityState s, GridEdit edit, Set<String> everUsed) {
        return apply(s, edit, everUsed, null);
    }

    /**
     * The edit applied, or {@link EditRefused} when it would break a rule of DATA.md that the
     * community's grids kept before. {@code everUsed}: every code the community has ever had, so
     * that a retired one is never given again. {@code micro}: micro grid bounds, to divide every
     * grid the edit changes into micro grids (null: none).
     */
    public Result apply(CommunityState s, GridEdit edit, Set<String> everUsed, Bounds micro) {
        Context c = new Context(s);
        List<Draft> drafts;
        if (edit instanceof GridEdit.MoveBuildings m) drafts = c.move(m);
        else if (edit instanceof GridEdit.MergeGrids m) drafts = c.merge(m);
        else if (edit instanceof GridEdit.SplitGrid sp) drafts = c.split(sp);
        else if (edit instanceof GridEdit.SplitAlong sa) drafts = c.splitAlong(sa);
        else if (edit instanceof GridEdit.Redraw rd) drafts = c.redraw(rd);
        else drafts = c.rerun((GridEdit.Rerun) edit);
        Result r = c.result(drafts, everUsed, micro);
        Verification before = c.verify(
                s.grids().stream().filter(g -> g.level() == GridLevel.GRID).toList(), s.assignments());
        for (Rule rule : Rule.values()) {
            if (r.verification().violations(rule) > before.violations(rule)) {
                throw new EditRefused(
                        rule,
                        "the edit would break " + rule.wireName() + " (" + rule.section() + " of DATA.md): "
                                + r.verification().examples().get(rule.wireName()));
            }
        }
        return r;
    }

    private final class Context {
        final CommunityState s;
        final LocalProjection proj;
        final GridAssembly assembly;
        final Map<String, Grid> grids = new LinkedHashMap<>();
        final Map<String, Set<String>> keysByGrid = new LinkedHashMap<>();
        final Map<String, String> gridOfKey = new HashMap<>();
        /** Each assigned building's keys (itself, or its units) with their grids: looked up often, built once. */
        final Map<String, Map<String, String>> keysOfBuilding = new HashMap<>();

        final Map<String, Building> buildings = new HashMap<>();
        private final Map<String, Geometry> footprints = new HashMap<>();
        private STRtree barrierIndex;
        final Map<String, Integer> householdsOfKey = new HashMap<>();
        final Map<String, Geometry> metres = new HashMap<>();

        Context(CommunityState s) {
            this.s = s;
            this.proj = LocalProjection.around(s.community().geometry().getEnvelopeInternal());
            this.assembly = new GridAssembly(s.community(), proj);
            for (Grid g : s.grids()) {
                if (g.level() != GridLevel.GRID) continue;
                grids.put(g.code(), g);
                keysByGrid.put(g.code(), new LinkedHashSet<>());
            }
            s.buildings().forEach(b -> buildings.put(b.id(), b));
            for (Assignment a : s.assignments()) {
                if (!keysByGrid.containsKey(a.gridCode())) continue;
                keysByGrid.get(a.gridCode()).add(a.buildingKey());
                gridOfKey.put(a.buildingKey(), a.gridCode());
                keysOfBuilding
                        .computeIfAbsent(a.buildingId(), k -> new LinkedHashMap<>())
                        .put(a.buildingKey(), a.gridCode());
                householdsOfKey.put(a.buildingKey(), households(a.buildingKey()));
            }
        }

        int households(String key) {
            BuildingKey k = BuildingKey.parse(key);
            Building b = buildings.get(k.buildingId());
            return b == null ? 0 : b.households(k);
        }

        Geometry polygon(String code) {
            return metres.computeIfAbsent(
                    code, k -> proj.toValidMetres(grids.get(k).geometry()));
        }

        Grid ordinary(String code) {
            Grid g = grids.get(code);
            if (g == null)
                throw EditRefused.request(
                        "no grid " + code + " in community " + s.community().code());
            if (g.kind() == GridKind.DEDICATED)
                throw EditRefused.request("grid " + code + " is a campus's dedicated grid: it follows its campus");
            return g;
        }

        Draft unchanged(String code) {
            return new Draft(
                    polygon(code), keysByGrid.get(code), grids.get(code).kind());
        }

        /** The grids not named, as they are, then the changed ones. */
        List<Draft> withOthers(Set<String> replaced, List<Draft> changed) {
            List<Draft> out = new ArrayList<>();
            for (String code : grids.keySet()) if (!replaced.contains(code)) out.add(unchanged(code));
            out.addAll(changed);
            return out;
        }

        List<Draft> move(GridEdit.MoveBuildings m) {
            if (m.buildingIds().isEmpty()) throw EditRefused.request("no buildings to move");
            Grid to = ordinary(m.toGrid());
            String from = null;
            Set<String> moving = new LinkedHashSet<>();
            for (String id : m.buildingIds()) {
                if (!buildings.containsKey(id))
                    throw EditRefused.request("no building " + id + " in community "
                            + s.community().code());
                Map<String, String> keys = keysOfBuilding.getOrDefault(id, Map.of());
                Set<String> in = new LinkedHashSet<>(keys.values());
                moving.addAll(keys.keySet());
                if (in.size() != 1)
                    throw EditRefused.request(
                            "building " + id + " is divided by unit among grids " + in + ": it cannot move whole");
                String g = in.iterator().next();
                if (from != null && !from.equals(g))
                    throw EditRefused.request("the buildings lie in different grids (" + from + ", " + g
                            + "): move them one grid at a time");
                from = g;
            }
            ordinary(from);
            if (from.equals(to.code())) throw EditRefused.request("the buildings are in grid " + from + " already");
            // rule 5: a compound moves whole, unless it is divided already (it alone exceeds the maximum)
            for (String id : m.buildingIds()) {
                String compound = buildings.get(id).compoundId();
                if (compound == null) continue;
                Set<String> compoundGrids = new LinkedHashSet<>();
                List<String> leftBehind = new ArrayList<>();
                for (Building b : s.buildings()) {
                    if (!compound.equals(b.compoundId())) continue;
                    String g = gridOf(b.id());
                    if (g != null) compoundGrids.add(g);
                    if (from.equals(g) && !m.buildingIds().contains(b.id())) leftBehind.add(b.id());
                }
                if (compoundGrids.size() == 1 && !leftBehind.isEmpty()) {
                    throw new EditRefused(
                            Rule.COMPOUND_NOT_SPLIT,
                            "compound " + compound + " would be split: move " + leftBehind + " with it");
                }
            }
            Map<String, String> target = new HashMap<>();
            for (String id : m.buildingIds()) target.put(id, to.code());
            return reassign(new LinkedHashSet<>(List.of(from, to.code())), target);
        }

        /**
         * Buildings change grid taking their cells with them; the grids involved are rebuilt from
         * their cells. {@code target}: building id to grid code, or to a label starting with '+'
         * for a new grid. Other buildings of those grids stay where they are.
         */
        List<Draft> reassign(Set<String> involved, Map<String, String> target) {
            Map<String, List<Geometry>> cellsOf = new LinkedHashMap<>();
            Map<String, Set<String>> keysOf = new LinkedHashMap<>();
            Map<String, GridKind> kindOf = new HashMap<>();
            for (String code : involved) {
                cellsOf.put(code, new ArrayList<>());
                keysOf.put(code, new LinkedHashSet<>());
            }
            for (String code : involved) {
                for (Map.Entry<String, Geometry> cell : cells(code).entrySet()) {
                    String dest = cell.getKey().isEmpty() ? code : target.getOrDefault(cell.getKey(), code);
                    cellsOf.computeIfAbsent(dest, k -> new ArrayList<>()).add(cell.getValue());
                    keysOf.computeIfAbsent(dest, k -> new LinkedHashSet<>());
                    kindOf.putIfAbsent(dest, grids.get(code).kind());
                    for (String key : keysByGrid.get(code))
                        if (BuildingKey.buildingOf(key).equals(cell.getKey()))
                            keysOf.get(dest).add(key);
                }
            }
            List<Draft> out = new ArrayList<>();
            for (Map.Entry<String, List<Geometry>> e : cellsOf.entrySet()) {
                String dest = e.getKey();
                if (e.getValue().isEmpty())
                    throw new EditRefused(
                            Rule.BOUNDS_OR_FLAGGED, "grid " + dest + " would be left empty: merge it instead");
                boolean fresh = dest.startsWith("+");
                GridKind kind = fresh ? kindOf.get(dest) : grids.get(dest).kind();
                Draft d = contiguous(
                        kind,
                        Geoms.union(e.getValue()),
                        keysOf.get(dest),
                        fresh
                                ? "the new grid would be in pieces"
                                : "grid " + dest
                                        + " would be in pieces: the buildings do not border it, or their leaving cuts it in two");
                if (fresh) {
                    int hh = householdsOf(d.keys());
                    if (kind == GridKind.COMMUNITY && !bounds.contains(hh)) {
                        throw new EditRefused(
                                Rule.BOUNDS_OR_FLAGGED,
                                "the new grid would hold " + hh + " households, outside " + bounds.min() + "–"
                                        + bounds.max());
                    }
                } else {
                    withinBounds(dest, d);
                }
                out.add(d);
            }
            return withOthers(involved, out);
        }

        List<Draft> splitAlong(GridEdit.SplitAlong sa) {
            Grid g = ordinary(sa.grid());
            Geometry polygon = polygon(g.code());
            Geometry line = proj.toValidMetres(sa.line());
            org.locationtech.jts.operation.polygonize.Polygonizer faces =
                    new org.locationtech.jts.operation.polygonize.Polygonizer();
            faces.add(Geoms.union(List.of(polygon.getBoundary(), line)));
            List<Geometry> sides = new ArrayList<>();
            for (Object o : faces.getPolygons()) {
                Geometry f = (Geometry) o;
                if (polygon.contains(f.getInteriorPoint())) sides.add(f);
            }
            if (sides.size() != 2) {
                throw EditRefused.request("the line must cross grid " + g.code() + " once, from edge to edge (it makes "
                        + sides.size() + " parts)");
            }
            PreparedGeometry second = PreparedGeometryFactory.prepare(sides.get(1));
            Map<String, String> target = new HashMap<>();
            for (String id : ownersOf(g.code())) {
                if (second.contains(footprint(id).getCentroid())) target.put(id, "+1");
            }
            if (target.isEmpty() || target.size() == ownersOf(g.code()).size()) {
                throw new EditRefused(
                        Rule.BOUNDS_OR_FLAGGED, "every building of grid " + g.code() + " lies on one side of the line");
            }
            return reassign(Set.of(g.code()), target);
        }

        List<Draft> redraw(GridEdit.Redraw rd) {
            Grid g = ordinary(rd.grid());
            PreparedGeometry drawn = PreparedGeometryFactory.prepare(proj.toValidMetres(rd.boundary()));
            Set<String> involved = new LinkedHashSet<>(List.of(g.code()));
            for (Grid n : grids.values()) {
                if (n.kind() != GridKind.DEDICATED
                        && !n.code().equals(g.code())
                        && polygon(n.code())
                                .getEnvelopeInternal()
                                .intersects(polygon(g.code()).getEnvelopeInternal())
                        && polygon(n.code()).intersects(polygon(g.code()))) {
                    involved.add(n.code());
                }
            }
            Map<String, String> target = new HashMap<>();
            for (String code : involved) {
                for (String id : ownersOf(code)) {
                    Geometry centre = footprint(id).getCentroid();
                    boolean in = drawn.contains(centre);
                    if (in && !code.equals(g.code())) target.put(id, g.code());
                    if (!in && code.equals(g.code())) target.put(id, nearestOther(involved, g.code(), centre));
                }
            }
            if (target.isEmpty())
                throw EditRefused.request("the drawn boundary takes in and leaves out the same buildings as grid "
                        + g.code() + " does now");
            return reassign(involved, target);
        }

        /** The involved grid other than {@code except} nearest to the point. */
        String nearestOther(Set<String> involved, String except, Geometry point) {
            String best = null;
            double dist = Double.MAX_VALUE;
            for (String code : involved) {
                if (code.equals(except)) continue;
                double d = polygon(code).distance(point);
                if (d < dist) {
                    dist = d;
                    best = code;
                }
            }
            if (best == null) throw EditRefused.request("grid " + except + " has no neighbour to give buildings to");
            return best;
        }

        /** The buildings of a grid, by id. */
        Set<String> ownersOf(String code) {
            Set<String> out = new LinkedHashSet<>();
            for (String key : keysByGrid.get(code)) out.add(BuildingKey.buildingOf(key));
            return out;
        }

        List<String> keysOf(Building b) {
            if (!b.hasUnits()) return List.of(b.id());
            return b.units().stream()
                    .map(u -> BuildingKey.unit(b.id(), u.unit()).toString())
                    .toList();
        }

        /** The grid of a building (of its first unit for one divided by unit); null for a building in no grid yet. */
        String gridOf(String buildingId) {
            Map<String, String> keys = keysOfBuilding.get(buildingId);
            return keys == null ? null : keys.values().iterator().next();
        }

        /** A building's footprint in metres, projected once. */
        Geometry footprint(String buildingId) {
            return footprints.computeIfAbsent(
                    buildingId, id -> proj.toValidMetres(buildings.get(id).geometry()));
        }

        /** The barriers near an envelope, from an index built once. */
        @SuppressWarnings("unchecked")
        List<PlacedBarrier> barriersNear(Envelope env) {
            if (barrierIndex == null) barrierIndex = PlanInput.PlacedBarrier.index(s.barriers(), proj);
            return barrierIndex.query(env);
        }

        private List<Geometry> barrierLines;

        /** Roads, rivers, railways and walls in metres (footpaths left out: cells are not cut along them). */
        List<Geometry> barrierLines() {
            if (barrierLines == null) {
                barrierLines = new ArrayList<>();
                for (Barrier b : s.barriers())
                    if (b.barrierClass() != BarrierClass.PATH) barrierLines.add(proj.toValidMetres(b.geometry()));
            }
            return barrierLines;
        }

        Map<String, Geometry> cells(String code) {
            Map<String, Geometry> inGrid = new LinkedHashMap<>();
            for (String key : keysByGrid.get(code))
                inGrid.computeIfAbsent(BuildingKey.buildingOf(key), this::footprint);
            return BuildingCells.of(polygon(code), inGrid, barrierLines());
        }

        List<Draft> merge(GridEdit.MergeGrids m) {
            Grid a = ordinary(m.first()), b = ordinary(m.second());
            if (a.code().equals(b.code())) throw EditRefused.request("a grid cannot merge with itself");
            Set<String> keys = new LinkedHashSet<>(keysByGrid.get(a.code()));
            keys.addAll(keysByGrid.get(b.code()));
            Draft merged = contiguous(
                    a.kind(),
                    Geoms.union(List.of(polygon(a.code()), polygon(b.code()))),
                    keys,
                    "grids " + a.code() + " and " + b.code() + " are not neighbours");
            int hh = householdsOf(keys);
            if (a.kind() == GridKind.COMMUNITY && hh > bounds.max()) {
                throw new EditRefused(
                        Rule.BOUNDS_OR_FLAGGED,
                        "grids " + a.code() + " and " + b.code() + " together hold " + hh
                                + " households, over the maximum of " + bounds.max());
            }
            return withOthers(Set.of(a.code(), b.code()), List.of(merged));
        }

        List<Draft> split(GridEdit.SplitGrid sp) {
            Grid g = ordinary(sp.grid());
            List<Draft> parts = plan(polygon(g.code()), keysByGrid.get(g.code()));
            if (parts.size() < 2) {
                throw new EditRefused(
                        Rule.BOUNDS_OR_FLAGGED,
                        "grid " + g.code() + " (" + g.households() + " households) cannot be split into grids of "
                                + bounds.min() + "–" + bounds.max() + " households");
            }
            return withOthers(Set.of(g.code()), parts);
        }

        List<Draft> rerun(GridEdit.Rerun r) {
            for (String code : r.locked())
                if (!grids.containsKey(code)) throw EditRefused.request("no grid " + code + " to lock");
            Set<String> open = new LinkedHashSet<>();
            for (Grid g : grids.values())
                if (!r.locked().contains(g.code()) && g.kind() != GridKind.DEDICATED) open.add(g.code());
            if (open.isEmpty()) throw EditRefused.request("every grid is locked: nothing to delineate");
            Set<String> keys = new LinkedHashSet<>();
            List<Geometry> area = new ArrayList<>();
            for (String code : open) {
                keys.addAll(keysByGrid.get(code));
                area.add(polygon(code));
            }
            return withOthers(open, plan(Geoms.polygonal(Geoms.union(area)), keys));
        }

        /** Runs the community planner on part of the community holding these building keys. */
        List<Draft> plan(Geometry region, Set<String> keys) {
            Set<String> ids = new LinkedHashSet<>();
            for (String key : keys) ids.add(BuildingKey.buildingOf(key));
            for (String id : ids) {
                for (Map.Entry<String, String> e :
                        keysOfBuilding.getOrDefault(id, Map.of()).entrySet()) {
                    if (!keys.contains(e.getKey())) {
                        throw EditRefused.request(
                                "building " + id + " is shared with grid " + e.getValue() + ": include that grid too");
                    }
                }
            }
            List<PlacedBuilding> placed = new ArrayList<>();
            for (String id : ids) placed.add(new PlacedBuilding(buildings.get(id), footprint(id)));
            // buildings new since the last delineation (in no grid yet) join the part they stand in
            PreparedGeometry inRegion = PreparedGeometryFactory.prepare(region);
            for (Building b : s.buildings()) {
                if (gridOf(b.id()) != null || ids.contains(b.id())) continue;
                Geometry fp = footprint(b.id());
                if (!inRegion.intersects(fp.getCentroid())) continue;
                placed.add(new PlacedBuilding(b, fp));
                householdsOfKey.put(b.id(), b.households()); // the planner keeps it whole unless it slices it by unit
                for (String key : keysOf(b)) householdsOfKey.put(key, households(key));
            }
            // rule 3 counts the community's parts as given, not the region's: a neck cleaning closed joins no grid
            CommunityPlan plan = new CommunityPlanner(bounds, ruralRule)
                    .plan(new PlanInput(
                            s.community(),
                            region,
                            placed,
                            barriersNear(region.getEnvelopeInternal()),
                            List.of(),
                            List.of(),
                            proj.toMetres(s.community().given())));
            List<Draft> out = new ArrayList<>();
            for (DraftGrid d : plan.grids()) {
                Set<String> k = new LinkedHashSet<>();
                for (Piece p : d.pieces()) k.add(p.key());
                out.add(new Draft(d.polygon(), k, d.kind()));
            }
            return out;
        }

        Draft contiguous(GridKind kind, Geometry polygon, Set<String> keys, String why) {
            Geometry p = Geoms.polygonal(polygon);
            if (p.getNumGeometries() > 1 && s.community().given().getNumGeometries() == 1) {
                throw new EditRefused(Rule.ONE_VALID_POLYGON, why);
            }
            return new Draft(p, keys, kind);
        }

        int householdsOf(Set<String> keys) {
            return keys.stream()
                    .mapToInt(k -> householdsOfKey.getOrDefault(k, 0))
                    .sum();
        }

        /** Rule 4: a grid the edit changes may not leave the bounds, nor move further from them. */
        void withinBounds(String code, Draft d) {
            if (d.kind() != GridKind.COMMUNITY) return;
            int after = householdsOf(d.keys()), before = grids.get(code).households();
            if (!bounds.contains(after) && bounds.deviation(after) > bounds.deviation(before)) {
                throw new EditRefused(
                        Rule.BOUNDS_OR_FLAGGED,
                        "grid " + code + " would hold " + after + " households, outside " + bounds.min() + "–"
                                + bounds.max());
            }
        }

        Result result(List<Draft> drafts, Set<String> everUsed, Bounds micro) {
            Map<String, StableCodes.Holding> before = new LinkedHashMap<>();
            for (Grid g : grids.values())
                before.put(g.code(), holding(keysByGrid.get(g.code()), polygon(g.code()), g.kind()));
            List<StableCodes.Holding> after = drafts.stream()
                    .map(d -> holding(d.keys(), d.polygon(), d.kind()))
                    .toList();
            List<String> codes = StableCodes.assign(s.community().code(), before, after, everUsed);
            List<Grid> out = new ArrayList<>();
            List<Assignment> assignments = new ArrayList<>();
            Map<String, Draft> changed = new LinkedHashMap<>();
            boolean villageGridsFit = villageGridsFit(drafts);
            for (int i = 0; i < drafts.size(); i++) {
                Draft d = drafts.get(i);
                String code = codes.get(i);
                Grid old = grids.get(code);
                int hh = householdsOf(d.keys());
                if (old != null
                        && old.households() == hh
                        && d.keys().equals(keysByGrid.get(code))
                        && d.polygon() == metres.get(code)) {
                    out.add(old); // untouched: exactly as it was
                } else {
                    int count = (int) d.keys().stream()
                            .map(k -> BuildingKey.buildingOf(k))
                            .distinct()
                            .count();
                    out.add(assembly.grid(
                            code,
                            d.kind(),
                            d.polygon(),
                            hh,
                            count,
                            GridAssembly.editedFlags(d.kind(), hh, bounds, villageGridsFit)));
                    if (micro != null) changed.put(code, d);
                }
                for (String k : d.keys()) assignments.add(new Assignment(k, code));
            }
            List<Grid> microGrids = new ArrayList<>();
            changed.forEach((code, d) -> microGrids.addAll(microGrids(code, d, micro)));
            out.sort(java.util.Comparator.comparing(Grid::code));
            List<Grid> all = new ArrayList<>(out);
            all.addAll(microGrids);
            return new Result(all, assignments, change(out, assignments), verify(all, assignments));
        }

        /** The micro grids of a grid the edit changed, planned like the first delineation's. */
        List<Grid> microGrids(String code, Draft d, Bounds micro) {
            if (d.kind() == GridKind.DEDICATED) return List.of();
            List<Piece> pieces = new ArrayList<>();
            for (String key : d.keys()) {
                Building b = buildings.get(BuildingKey.buildingOf(key));
                Geometry fp = footprint(b.id());
                pieces.add(new Piece(
                        key,
                        b,
                        householdsOfKey.getOrDefault(key, 0),
                        fp,
                        fp.getInteriorPoint().getCoordinate()));
            }
            DraftGrid grid =
                    new DraftGrid(d.kind(), d.polygon(), pieces, householdsOf(d.keys()), List.of(), null, null);
            return assembly.microGrids(
                    code,
                    new MicroGridPlanner(micro)
                            .plan(s.community(), grid, barriersNear(d.polygon().getEnvelopeInternal())));
        }

        StableCodes.Holding holding(Set<String> keys, Geometry polygon, GridKind kind) {
            Map<String, Integer> hh = new TreeMap<>();
            for (String k : keys) hh.put(k, householdsOfKey.getOrDefault(k, 0));
            return new StableCodes.Holding(hh, polygon, kind == GridKind.DEDICATED);
        }

        /** Rule 7 after the edit: the village's grids, their area and households, counted as the planner counts them. */
        boolean villageGridsFit(List<Draft> drafts) {
            List<Draft> village =
                    drafts.stream().filter(d -> d.kind() == GridKind.RURAL).toList();
            if (village.isEmpty()) return true;
            double area =
                    village.stream().mapToDouble(d -> d.polygon().getArea()).sum();
            int households =
                    village.stream().mapToInt(d -> householdsOf(d.keys())).sum();
            return ruralRule.countFits(area, households, village.size());
        }

        ChangeSummary change(List<Grid> out, List<Assignment> assignments) {
            List<ChangeSummary.Move> moves = new ArrayList<>();
            int moved = 0;
            for (Assignment a : assignments) {
                String was = gridOfKey.get(a.buildingKey());
                if (was != null && !was.equals(a.gridCode())) {
                    int hh = householdsOfKey.getOrDefault(a.buildingKey(), 0);
                    moves.add(new ChangeSummary.Move(a.buildingKey(), was, a.gridCode(), hh));
                    moved += hh;
                }
            }
            Set<String> now = new LinkedHashSet<>();
            out.forEach(g -> now.add(g.code()));
            List<String> kept = new ArrayList<>(), retired = new ArrayList<>(), added = new ArrayList<>();
            for (String code : grids.keySet()) (now.contains(code) ? kept : retired).add(code);
            for (String code : now) if (!grids.containsKey(code)) added.add(code);
            int total = householdsOf(gridOfKey.keySet());
            return new ChangeSummary(moves, moved, total, kept, retired, added);
        }

        Verification verify(List<Grid> out, List<Assignment> assignments) {
            Dataset one = new Dataset(
                    List.of(s.community()), s.buildings(), s.barriers(), List.of(), List.of(), List.of(), List.of());
            return GridVerifier.verify(one, new Delineation(out, assignments, null), bounds);
        }
    }
}
