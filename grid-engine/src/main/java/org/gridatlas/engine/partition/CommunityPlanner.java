package org.gridatlas.engine.partition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridatlas.engine.geom.Geoms;
import org.gridatlas.engine.model.CommunityKind;
import org.gridatlas.engine.model.GridFlag;
import org.gridatlas.engine.model.GridKind;
import org.gridatlas.engine.partition.AtomBuilder.PlacedBuilding;
import org.gridatlas.engine.partition.PlanInput.PlacedBarrier;
import org.gridatlas.engine.partition.PlanInput.PlacedCampus;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Delineates one community: carves out dedicated grids for campuses, cuts the rest into blocks
 * along barriers, divides blocks among their atoms where a block is too big for one grid, and
 * partitions the resulting units into contiguous grids within the household bounds. It always
 * answers: when the bounds cannot all be met it returns the least-bad partition, flagged.
 */
public final class CommunityPlanner {
    /** Spanning trees tried at each level of detail before accepting out-of-bounds grids. */
    private static final int TREE_TRIES = 8;
    /** A campus piece smaller than this share of the campus is a digitising sliver, not a grid. */
    private static final double CAMPUS_SLIVER_SHARE = 0.05;
    /**
     * So is a piece across the community line narrower than this on average (2 × area / perimeter,
     * in metres): a campus edge drawn a few metres over the line, however long.
     */
    private static final double CAMPUS_SLIVER_WIDTH = 15;
    /**
     * A footprint that reaches this share of its area (or at least 1 m²) into a neighbouring block
     * ties the blocks: several small spills over paths must not add up past rule 1's tolerance.
     */
    private static final double CROSSING_SHARE = 0.001;

    /** How far the least-bad search widens the bounds, step by step, in households on each side. */
    private static final int[] WIDENING = {10, 25, 50, 75, 100, 150, 200, 300, 400, 600, 800, 1000};

    /** A rural unit's weight is its share of the village, households and area blended, in thousandths. */
    private static final int RURAL_SCALE = 1000;
    /** How far a rural grid's share may stray from an equal share before the bounds are widened. */
    private static final double RURAL_TOLERANCE = 0.3;

    private final Bounds bounds;
    private final RuralRule ruralRule;

    public CommunityPlanner(Bounds bounds) {
        this(bounds, RuralRule.DEFAULT);
    }

    public CommunityPlanner(Bounds bounds, RuralRule ruralRule) {
        this.bounds = bounds;
        this.ruralRule = ruralRule;
    }

    public CommunityPlan plan(PlanInput in) {
        long start = System.nanoTime();
        List<String> notes = new ArrayList<>();
        List<DraftGrid> grids = new ArrayList<>();
        Geometry rest = in.polygon();
        List<PlacedBuilding> restBuildings = new ArrayList<>(in.buildings());
        for (PlacedCampus campus : in.campuses()) {
            Carve carve = carveCampus(campus, in, rest, restBuildings, notes);
            if (carve == null) continue;
            grids.add(carve.grid());
            rest = carve.rest();
            restBuildings = carve.restBuildings();
        }
        rest = Geoms.polygonal(rest);
        if (!rest.isEmpty()) {
            grids.addAll(new Partition(in, rest, restBuildings, notes).run());
            absorbEmptyLeftovers(grids, in, notes);
            if (Geoms.polygonal(in.polygon()).getNumGeometries() == 1) {
                List<DraftGrid> whole =
                        new ContiguityRepair(bounds).repair(in.community().code(), grids, notes);
                grids.clear();
                grids.addAll(whole);
            }
        } else if (!restBuildings.isEmpty()) {
            throw new IllegalStateException(
                    "community " + in.community().code() + " has buildings but no area left outside its campuses");
        }
        return new CommunityPlan(in.community(), grids, notes, (System.nanoTime() - start) / 1e9, List.of());
    }

    /**
     * A piece of the community with no households that a campus cut off from the rest touches
     * nothing but campuses: it joins the dedicated grid it shares most boundary with.
     */
    private void absorbEmptyLeftovers(List<DraftGrid> grids, PlanInput in, List<String> notes) {
        for (int i = grids.size() - 1; i >= 0; i--) {
            DraftGrid g = grids.get(i);
            if (g.kind() == GridKind.DEDICATED || g.households() > 0) continue;
            int best = -1;
            double shared = 0;
            for (int k = 0; k < grids.size(); k++) {
                DraftGrid o = grids.get(k);
                if (k == i
                        || !o.polygon()
                                .getEnvelopeInternal()
                                .intersects(g.polygon().getEnvelopeInternal())) continue;
                double len = Geoms.intersection(
                                o.polygon().getBoundary(), g.polygon().getBoundary())
                        .getLength();
                if (len > shared) {
                    shared = len;
                    best = k;
                }
            }
            if (best < 0 || grids.get(best).kind() != GridKind.DEDICATED) continue;
            DraftGrid d = grids.get(best);
            List<Piece> pieces = new ArrayList<>(d.pieces());
            pieces.addAll(g.pieces());
            grids.set(
                    best,
                    new DraftGrid(
                            d.kind(),
                            Geoms.polygonal(Geoms.union(List.of(d.polygon(), g.polygon()))),
                            pieces,
                            d.households(),
                            d.flags(),
                            d.why(),
                            d.campusId()));
            grids.remove(i);
            notes.add("community " + in.community().code() + ": "
                    + Math.round(g.polygon().getArea()) + " m² without households, cut off by campus " + d.campusId()
                    + ", joins its dedicated grid");
        }
    }

    private record Carve(DraftGrid grid, Geometry rest, List<PlacedBuilding> restBuildings) {}

    /** Cuts a campus's part of the community out as a dedicated grid that holds the campus's buildings whole. */
    private Carve carveCampus(
            PlacedCampus campus, PlanInput in, Geometry rest, List<PlacedBuilding> buildings, List<String> notes) {
        Geometry piece = Geoms.polygonal(Geoms.intersection(campus.polygon(), rest));
        if (piece.isEmpty()) return null;
        String cid = campus.campus().id();
        boolean across = piece.getArea() < campus.polygon().getArea() * 0.999;
        double width = 2 * piece.getArea() / piece.getLength();
        if (piece.getArea() < CAMPUS_SLIVER_SHARE * campus.polygon().getArea()
                || (across && width < CAMPUS_SLIVER_WIDTH)) {
            notes.add(String.format(
                    "campus %s reaches %d m² (%.1f m wide on average) into community %s: too small for a grid, left to the community's grids",
                    cid, Math.round(piece.getArea()), width, in.community().code()));
            return null;
        }
        if (across) {
            notes.add("campus " + cid + " crosses the line of community "
                    + in.community().code() + ": its part inside (" + Math.round(piece.getArea())
                    + " m²) is a dedicated grid of this community");
        }
        PreparedGeometry inCampus = PreparedGeometryFactory.prepare(piece);
        List<PlacedBuilding> members = new ArrayList<>(), others = new ArrayList<>();
        for (PlacedBuilding b : buildings) {
            (inCampus.intersects(b.footprint().getCentroid()) ? members : others).add(b);
        }
        List<Geometry> add = new ArrayList<>(List.of(piece));
        for (PlacedBuilding b : members)
            if (b.footprint().getDimension() == 2) add.add(Geoms.intersection(b.footprint(), rest));
        Geometry grid = Geoms.polygonal(Geoms.union(add));
        List<Geometry> cut = new ArrayList<>();
        for (PlacedBuilding b : others)
            if (b.footprint().getDimension() == 2 && inCampus.intersects(b.footprint())) cut.add(b.footprint());
        if (!cut.isEmpty()) grid = Geoms.polygonal(Geoms.difference(grid, Geoms.union(cut)));
        grid = largestPart(grid);
        if (grid.isEmpty()) return null;
        // members whose centre fell outside the kept part return to the community's grids
        PreparedGeometry kept = PreparedGeometryFactory.prepare(grid);
        List<PlacedBuilding> inGrid = new ArrayList<>();
        for (PlacedBuilding b : members) (kept.intersects(b.footprint().getCentroid()) ? inGrid : others).add(b);
        List<Piece> pieces = new ArrayList<>();
        int households = 0;
        for (PlacedBuilding b : inGrid) {
            pieces.add(new Piece(
                    b.building().id(),
                    b.building(),
                    b.building().households(),
                    b.footprint(),
                    AtomBuilder.anchor(b.footprint())));
            households += b.building().households();
        }
        DraftGrid dg = new DraftGrid(GridKind.DEDICATED, grid, pieces, households, List.of(), null, cid);
        return new Carve(dg, Geoms.difference(rest, grid), others);
    }

    private static Geometry largestPart(Geometry g) {
        Geometry best = Geoms.METRIC.createPolygon();
        for (int i = 0; i < g.getNumGeometries(); i++)
            if (g.getGeometryN(i).getArea() > best.getArea()) best = g.getGeometryN(i);
        return best;
    }

    /** The partition of a community's area outside its campuses. */
    private final class Partition {
        private final PlanInput in;
        private final Geometry domain;
        private final List<String> notes;
        private final List<Atom> atoms;
        private final List<PlanarArrangement.TaggedLine> baseLines;
        private final List<Polygon> blocks;
        private final FaceIndex blockIndex;
        private final int[] atomBlock;
        private final UnionFind superblocks;
        private final Map<Integer, List<Atom>> atomsBySuperblock = new LinkedHashMap<>();
        private final Map<Integer, Integer> householdsBySuperblock = new HashMap<>();
        private final Set<Integer> keepWhole = new LinkedHashSet<>();
        private final Map<Integer, CellDivider> divisions = new HashMap<>();
        private final GridKind kind;
        private final boolean rural;
        /** The bounds the partition works to: households for urban grids, thousandths of the village for rural ones. */
        private final Bounds target;

        private final int ruralGrids;
        private final boolean largeVillage;

        Partition(PlanInput in, Geometry domain, List<PlacedBuilding> buildings, List<String> notes) {
            this.in = in;
            this.domain = domain;
            this.notes = notes;
            this.rural = in.community().kind() == CommunityKind.RURAL;
            this.kind = rural ? GridKind.RURAL : GridKind.COMMUNITY;
            this.atoms = AtomBuilder.build(buildings, bounds, rural ? in.hamlets() : List.of());
            int households = atoms.stream().mapToInt(Atom::households).sum();
            this.largeVillage = ruralRule.large(domain.getArea(), households);
            this.ruralGrids = ruralRule.grids(domain.getArea(), households);
            double share = (double) RURAL_SCALE / ruralGrids;
            this.target = rural
                    ? new Bounds((int) Math.round(share * (1 - RURAL_TOLERANCE)), (int)
                            Math.round(share * (1 + RURAL_TOLERANCE)))
                    : bounds;
            this.baseLines = new ArrayList<>(PlanarArrangement.linesOf(domain.getBoundary(), EdgeTag.BOUNDARY));
            PreparedGeometry prepared = PreparedGeometryFactory.prepare(domain);
            for (PlacedBarrier b : in.barriers()) {
                if (!prepared.intersects(b.line())) continue;
                Geometry clipped =
                        prepared.containsProperly(b.line()) ? b.line() : Geoms.intersection(b.line(), domain);
                baseLines.addAll(PlanarArrangement.linesOf(clipped, b.tag()));
            }
            this.blocks = PlanarArrangement.build(baseLines, domain).faces();
            this.blockIndex = new FaceIndex(blocks);
            this.atomBlock = new int[atoms.size()];
            this.superblocks = new UnionFind(Math.max(1, blocks.size()));
            tieBlocks();
        }

        /** Blocks that one atom spans (a compound across a path, a footprint over a line) act as one. */
        private void tieBlocks() {
            for (Atom a : atoms) {
                int first = -1;
                for (Piece p : a.pieces()) {
                    int home = blockIndex.locateOrNearest(p.anchor());
                    if (first < 0) first = home;
                    else superblocks.union(first, home);
                    if (p.footprint().getDimension() < 2) continue;
                    if (blockIndex.prepared(home).contains(p.footprint())) continue;
                    double area = p.footprint().getArea();
                    for (int other : blockIndex.candidates(p.footprint().getEnvelopeInternal())) {
                        if (other == home || !blockIndex.prepared(other).intersects(p.footprint())) continue;
                        double spill = Geoms.intersection(blocks.get(other), p.footprint())
                                .getArea();
                        if (spill > Math.min(1.0, CROSSING_SHARE * area)) superblocks.union(home, other);
                    }
                }
                atomBlock[a.id()] = first;
            }
            for (Atom a : atoms) {
                int sb = superblocks.find(atomBlock[a.id()]);
                atomsBySuperblock.computeIfAbsent(sb, k -> new ArrayList<>()).add(a);
                householdsBySuperblock.merge(sb, a.households(), Integer::sum);
            }
        }

        List<DraftGrid> run() {
            // coarse first (blocks whole where one grid can hold them: boundaries on roads), then finer
            int[] thresholds = rural ? new int[] {0} : new int[] {bounds.max(), bounds.min() / 2, 0};
            TreePartitioner strict = new TreePartitioner(target, target.middle());
            Units units = null;
            int[] component = null;
            int components = 0;
            for (int level = 0; level < thresholds.length && component == null; level++) {
                if (level > 0 && !refines(thresholds[level - 1], thresholds[level])) continue;
                units = units(thresholds[level]);
                for (int t = 0; t < TREE_TRIES && component == null; t++) {
                    SpanningForest forest = forest(units.graph, t);
                    int[] labels = TreePartitioner.unlabelled(units.graph.size());
                    int next = 0;
                    for (int root : forest.roots) {
                        if (heavy(forest, root, units.graph.weight)) {
                            next += single(forest, root, labels, next);
                            continue;
                        }
                        TreePartitioner.Result r = strict.partition(forest, root, units.graph.weight, labels, next);
                        if (r == null) {
                            next = -1;
                            break;
                        }
                        next += r.components();
                    }
                    if (next >= 0) {
                        component = labels;
                        components = next;
                    }
                }
            }
            if (component == null) {
                // least bad: each tree cut within bounds widened as little as possible (minimax deviation)
                SpanningForest forest = forest(units.graph, 0);
                component = TreePartitioner.unlabelled(units.graph.size());
                for (int root : forest.roots) {
                    components += heavy(forest, root, units.graph.weight)
                            ? single(forest, root, component, components)
                            : widened(forest, root, units.graph, component, components);
                }
            }
            PartitionRefiner.mergePockets(units.graph, component, components, target);
            PartitionRefiner.refine(units.graph, component, components, target);
            BoundsRepair.repair(units.graph, component, components, target);
            CompactnessRefiner.refine(units.graph, component, components, target);
            return drafts(units, component, components);
        }

        private SpanningForest forest(UnitGraph g, int attempt) {
            SpanningForest f = SpanningForest.build(g, 17L * attempt + 1, attempt == 0 ? 0 : 0.75);
            f.isolateHeavy(g.weight, target.max());
            return f;
        }

        /** A tree that {@link SpanningForest#isolateHeavy} left holding one over-heavy unit: one grid, unavoidably over. */
        private boolean heavy(SpanningForest f, int root, int[] weight) {
            for (int u : f.preorder(root)) if (weight[u] > target.max()) return true;
            return false;
        }

        private int single(SpanningForest f, int root, int[] labels, int label) {
            for (int u : f.preorder(root)) labels[u] = label;
            return 1;
        }

        /** Cuts the tree within the narrowest widening of the bounds that admits a cut; returns the pieces made. */
        private int widened(SpanningForest forest, int root, UnitGraph g, int[] component, int first) {
            int total = 0;
            for (int u : forest.preorder(root)) total += g.weight[u];
            for (int d : WIDENING) {
                Bounds wide = new Bounds(Math.max(0, target.min() - d), target.max() + d);
                TreePartitioner.Result r =
                        new TreePartitioner(wide, target.middle()).partition(forest, root, g.weight, component, first);
                if (r != null) return r.components();
            }
            // nothing narrower works: the tree is one grid (units never exceed the maximum here, so this is rare)
            return single(forest, root, component, first);
        }

        private boolean refines(int coarser, int finer) {
            for (Map.Entry<Integer, Integer> e : householdsBySuperblock.entrySet()) {
                int h = e.getValue();
                if (h <= coarser
                        && h > finer
                        && atomsBySuperblock.get(e.getKey()).size() > 1) return true;
            }
            return false;
        }

        /** The units at one level of detail: superblocks over the threshold are divided among their atoms. */
        private Units units(int threshold) {
            while (true) {
                Map<Integer, CellDivider> dividers = new HashMap<>();
                List<PlanarArrangement.TaggedLine> lines = new ArrayList<>(baseLines);
                atomsBySuperblock.forEach((sb, list) -> {
                    if (list.size() < 2 || householdsBySuperblock.get(sb) <= threshold || keepWhole.contains(sb))
                        return;
                    // a superblock's division is the same at every level of detail: make it once
                    CellDivider d = divisions.computeIfAbsent(sb, k -> CellDivider.divide(superblockGeometry(k), list));
                    dividers.put(sb, d);
                    for (Geometry s : d.separators()) lines.addAll(PlanarArrangement.linesOf(s, EdgeTag.SEPARATOR));
                });
                PlanarArrangement arr = PlanarArrangement.build(lines, domain);
                Units u = Units.build(arr, this, dividers);
                if (u != null) return u;
            }
        }

        private Geometry superblockGeometry(int sb) {
            List<Geometry> parts = new ArrayList<>();
            for (int b = 0; b < blocks.size(); b++) if (superblocks.find(b) == sb) parts.add(blocks.get(b));
            return Geoms.coverageUnion(parts);
        }

        private List<DraftGrid> drafts(Units units, int[] component, int components) {
            List<List<Polygon>> faces = new ArrayList<>();
            List<List<Atom>> members = new ArrayList<>();
            for (int c = 0; c < components; c++) {
                faces.add(new ArrayList<>());
                members.add(new ArrayList<>());
            }
            for (int u = 0; u < units.graph.size(); u++) {
                faces.get(component[u]).addAll(units.faces.get(u));
                members.get(component[u]).addAll(units.atoms.get(u));
            }
            Map<String, Set<Integer>> compoundGrids = new java.util.TreeMap<>();
            Map<String, Set<Integer>> buildingGrids = new java.util.TreeMap<>();
            for (int c = 0; c < components; c++) {
                for (Atom a : members.get(c)) {
                    if (a.compoundId() != null)
                        compoundGrids
                                .computeIfAbsent(a.compoundId(), k -> new LinkedHashSet<>())
                                .add(c);
                    for (Piece p : a.pieces())
                        buildingGrids
                                .computeIfAbsent(p.building().id(), k -> new LinkedHashSet<>())
                                .add(c);
                }
            }
            // rule 5 allows these splits; the report says where they happened
            compoundGrids.forEach((cid, gs) -> {
                if (gs.size() > 1)
                    notes.add("community " + in.community().code() + ": compound " + cid + " exceeds " + bounds.max()
                            + " households and is divided among " + gs.size() + " grids");
            });
            buildingGrids.forEach((bid, gs) -> {
                if (gs.size() > 1)
                    notes.add("community " + in.community().code() + ": building " + bid + " exceeds " + bounds.max()
                            + " households and is divided by unit among " + gs.size() + " grids");
            });
            int total = atoms.stream().mapToInt(Atom::households).sum();
            List<DraftGrid> out = new ArrayList<>();
            for (int c = 0; c < components; c++) {
                if (faces.get(c).isEmpty()) continue;
                Geometry polygon = Geoms.coverageUnion(faces.get(c));
                List<Piece> pieces = new ArrayList<>();
                int households = 0;
                Set<GridFlag> flags = new LinkedHashSet<>();
                List<String> why = new ArrayList<>();
                for (Atom a : members.get(c)) {
                    pieces.addAll(a.pieces());
                    households += a.households();
                    if (a.heavyWithoutUnits()) {
                        flags.add(GridFlag.SINGLE_BUILDING_OVER_MAX);
                        why.add("building " + a.pieces().get(0).building().id() + " alone has " + a.households()
                                + " households (over " + bounds.max() + ") and no units to split it by");
                    }
                }
                if (rural) {
                    // rural grids answer to rule 7 (their number), not to the urban household bounds
                    flags.remove(GridFlag.SINGLE_BUILDING_OVER_MAX);
                    why.clear();
                } else if (households < bounds.min()) {
                    flags.add(GridFlag.BELOW_MIN);
                    why.add(reason(total, households));
                } else if (households > bounds.max()) {
                    flags.add(GridFlag.ABOVE_MAX);
                    why.add(reason(total, households));
                }
                out.add(new DraftGrid(
                        kind,
                        polygon,
                        pieces,
                        households,
                        new ArrayList<>(flags),
                        why.isEmpty() ? null : String.join("; ", why),
                        null));
            }
            if (rural) return checkRuralCount(out, total);
            return out;
        }

        /** Rule 7: a small village 1–2 grids, a large one 2–4; otherwise every grid of it is flagged, with why. */
        private List<DraftGrid> checkRuralCount(List<DraftGrid> grids, int households) {
            if (ruralRule.countFits(domain.getArea(), households, grids.size())) return grids;
            int lo = ruralRule.minGrids(largeVillage), hi = ruralRule.maxGrids(largeVillage);
            String why = String.format(
                    "%s village (%d households, %.2f km²) should have %d–%d grids, has %d: its barriers and hamlets allow no other division",
                    largeVillage ? "large" : "small", households, domain.getArea() / 1e6, lo, hi, grids.size());
            List<DraftGrid> out = new ArrayList<>();
            for (DraftGrid g : grids) {
                List<GridFlag> flags = new ArrayList<>(g.flags());
                flags.add(GridFlag.RURAL_GRID_COUNT);
                out.add(new DraftGrid(g.kind(), g.polygon(), g.pieces(), g.households(), flags, why, g.campusId()));
            }
            return out;
        }

        private String reason(int total, int households) {
            String size = households + " households, outside " + bounds.min() + "–" + bounds.max();
            if (!countsFeasible(total)) {
                return size + ": the community's " + total + " households cannot be divided into grids of "
                        + bounds.min() + "–" + bounds.max();
            }
            return size
                    + ": no contiguous division of the community's blocks, compounds and buildings meets the bounds";
        }

        private boolean countsFeasible(int total) {
            for (int k = 1; (long) k * bounds.min() <= total; k++) if ((long) k * bounds.max() >= total) return true;
            return false;
        }
    }

    /** Units of one level of detail: graph, the faces and atoms of each unit. */
    private static final class Units {
        final UnitGraph graph;
        final List<List<Polygon>> faces;
        final List<List<Atom>> atoms;

        private Units(UnitGraph graph, List<List<Polygon>> faces, List<List<Atom>> atoms) {
            this.graph = graph;
            this.faces = faces;
            this.atoms = atoms;
        }

        /** Builds the units, or returns null after marking a superblock to keep whole when its division split an atom. */
        static Units build(PlanarArrangement arr, Partition p, Map<Integer, CellDivider> dividers) {
            List<Polygon> faces = arr.faces();
            int n = faces.size();
            // group faces by (superblock, owning atom) and split each group into connected pieces
            Map<Long, Integer> groupOf = new LinkedHashMap<>();
            int[] group = new int[n];
            for (int f = 0; f < n; f++) {
                Coordinate ip = arr.interiorPoint(f);
                int sb = p.superblocks.find(p.blockIndex.locateOrNearest(ip));
                CellDivider d = dividers.get(sb);
                int owner = d == null ? -1 : d.ownerAt(ip);
                group[f] = groupOf.computeIfAbsent(((long) sb << 32) | (owner & 0xffffffffL), k -> groupOf.size());
            }
            UnionFind pieces = new UnionFind(n);
            for (PlanarArrangement.Adjacency a : arr.adjacencies())
                if (group[a.a()] == group[a.b()]) pieces.union(a.a(), a.b());
            Map<Integer, Integer> unitOfRoot = new LinkedHashMap<>();
            int[] unit = new int[n];
            for (int f = 0; f < n; f++) unit[f] = unitOfRoot.computeIfAbsent(pieces.find(f), k -> unitOfRoot.size());
            int units = unitOfRoot.size();

            List<List<Polygon>> unitFaces = new ArrayList<>();
            List<List<Atom>> unitAtoms = new ArrayList<>();
            for (int u = 0; u < units; u++) {
                unitFaces.add(new ArrayList<>());
                unitAtoms.add(new ArrayList<>());
            }
            for (int f = 0; f < n; f++) unitFaces.get(unit[f]).add(faces.get(f));

            // place each atom in the unit holding its pieces; an atom whose pieces fell apart keeps its superblock
            // whole
            FaceIndex faceIndex = new FaceIndex(faces);
            for (Atom a : p.atoms) {
                int home = -1;
                for (Piece piece : a.pieces()) {
                    int u = unit[faceIndex.locateOrNearest(piece.anchor())];
                    if (home < 0) home = u;
                    else if (home != u) {
                        int sb = p.superblocks.find(p.atomBlock[a.id()]);
                        if (dividers.containsKey(sb)) {
                            p.keepWhole.add(sb);
                            p.notes.add("community " + p.in.community().code() + ": the pieces of " + describe(a)
                                    + " fell into separate cells; their block is kept whole");
                            return null;
                        }
                    }
                }
                unitAtoms.get(home).add(a);
            }
            int[] weight = new int[units];
            int[] households = new int[units];
            double[] cx = new double[units],
                    cy = new double[units],
                    area = new double[units],
                    outer = new double[units];
            for (int u = 0; u < units; u++) {
                for (Atom a : unitAtoms.get(u)) households[u] += a.households();
                for (Polygon f : unitFaces.get(u)) {
                    double fa = f.getArea();
                    Coordinate c = f.getCentroid().getCoordinate();
                    cx[u] += c.x * fa;
                    cy[u] += c.y * fa;
                    area[u] += fa;
                    outer[u] += f.getLength();
                }
                if (area[u] > 0) {
                    cx[u] /= area[u];
                    cy[u] /= area[u];
                }
            }
            // what of a unit's faces' boundaries no other face shares is on the domain's edge
            for (PlanarArrangement.Adjacency a : arr.adjacencies()) {
                double len = 0;
                for (double l : a.lengthByTag()) len += l;
                outer[unit[a.a()]] -= len;
                outer[unit[a.b()]] -= len;
            }
            for (int u = 0; u < units; u++) outer[u] = Math.max(0, outer[u]);
            if (p.rural) ruralWeights(households, area, weight);
            else System.arraycopy(households, 0, weight, 0, units);
            UnitGraph g = new UnitGraph(weight, cx, cy, area, outer);
            for (PlanarArrangement.Adjacency a : arr.adjacencies())
                g.addShared(unit[a.a()], unit[a.b()], a.lengthByTag());
            joinCommunityParts(g, p.in.polygon(), unitFaces);
            return new Units(g, unitFaces, unitAtoms);
        }

        /** Each unit's share of the village in thousandths: half by households, half by area (all by area without households). */
        private static void ruralWeights(int[] households, double[] area, int[] weight) {
            double hh = java.util.Arrays.stream(households).sum(),
                    ar = java.util.Arrays.stream(area).sum();
            double byHouseholds = hh > 0 ? 0.5 : 0;
            for (int u = 0; u < weight.length; u++) {
                double share = byHouseholds * (hh > 0 ? households[u] / hh : 0)
                        + (1 - byHouseholds) * (ar > 0 ? area[u] / ar : 0);
                weight[u] = (int) Math.round(RURAL_SCALE * share);
            }
        }

        /**
         * Links the parts of a multi-part community (islands) so a grid may span them, one piece per
         * part (DATA.md rule 3). Only a part that is one connected piece of units is linked, so a
         * grid never gets two pieces in the same part.
         */
        private static void joinCommunityParts(UnitGraph g, Geometry community, List<List<Polygon>> unitFaces) {
            if (community.getNumGeometries() < 2) return;
            int[] comp = g.components();
            int comps = java.util.Arrays.stream(comp).max().orElse(-1) + 1;
            if (comps < 2) return;
            FaceIndex parts = new FaceIndex(polygonsOf(community));
            int[] partOfComp = new int[comps];
            java.util.Arrays.fill(partOfComp, -1);
            Map<Integer, Integer> compsInPart = new HashMap<>();
            for (int u = 0; u < g.size(); u++) {
                if (partOfComp[comp[u]] >= 0) continue;
                int part = parts.locateOrNearest(
                        unitFaces.get(u).get(0).getInteriorPoint().getCoordinate());
                partOfComp[comp[u]] = part;
                compsInPart.merge(part, 1, Integer::sum);
            }
            // connect sole components of their parts along the shortest links (a spanning tree over them)
            List<double[]> links = new ArrayList<>();
            for (int a = 0; a < g.size(); a++) {
                for (int b = a + 1; b < g.size(); b++) {
                    int ca = comp[a], cb = comp[b];
                    if (ca == cb || partOfComp[ca] == partOfComp[cb]) continue;
                    if (compsInPart.get(partOfComp[ca]) > 1 || compsInPart.get(partOfComp[cb]) > 1) continue;
                    links.add(new double[] {g.distance(a, b), a, b});
                }
            }
            links.sort((x, y) -> Double.compare(x[0], y[0]));
            UnionFind uf = new UnionFind(comps);
            for (double[] l : links) {
                int a = (int) l[1], b = (int) l[2];
                if (uf.union(comp[a], comp[b])) g.addVirtual(a, b);
            }
        }

        private static String describe(Atom a) {
            return a.compoundId() != null
                    ? "compound " + a.compoundId()
                    : "building " + a.pieces().get(0).building().id();
        }

        private static List<Polygon> polygonsOf(Geometry g) {
            List<Polygon> out = new ArrayList<>();
            for (int i = 0; i < g.getNumGeometries(); i++) out.add((Polygon) g.getGeometryN(i));
            return out;
        }
    }
}
