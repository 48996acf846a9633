package org.gridatlas.engine.partition;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.gridatlas.engine.geom.Geoms;
import org.gridatlas.engine.model.CommunityKind;
import org.gridatlas.engine.model.GridFlag;
import org.gridatlas.engine.model.GridKind;
import org.gridatlas.engine.partition.AtomBuilder.PlacedBuilding;
import org.gridatlas.engine.partition.exact.Division;
import org.gridatlas.engine.partition.exact.Proof;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * Partitions a community's area outside its campuses into grids: cuts spanning trees of its units
 * within the bounds, coarse units first (blocks whole, so boundaries follow roads), then finer;
 * failing that, the least-bad cut; then the partition steps improve it; the grids come out as
 * drafts, flagged with why where a rule could not be kept.
 */
final class AreaPartition {
    /** Spanning trees tried at each level of detail before accepting out-of-bounds grids. */
    private static final int TREE_TRIES = 8;
    /** How far the least-bad search widens the bounds, step by step, in households on each side. */
    private static final int[] WIDENING = {10, 25, 50, 75, 100, 150, 200, 300, 400, 600, 800, 1000};
    /** How far a rural grid's share may stray from an equal share before the bounds are widened. */
    private static final double RURAL_TOLERANCE = 0.3;

    private final PlanInput in;
    private final Bounds bounds;
    private final RuralRule ruralRule;
    private final List<PartitionStep> steps;
    private final ExactStep exact;
    private final List<String> notes;
    private final List<Atom> atoms;
    private final BlockPartition blocks;
    private final UnitsBuilder unitsBuilder;
    private final GridKind kind;
    private final boolean rural;
    /** The bounds the partition works to: households for urban grids, thousandths of the village for rural ones. */
    private final Bounds target;

    private final boolean largeVillage;
    /** What the exact step found for an urban partition (after {@link #run}). */
    private Division division;

    AreaPartition(
            PlanInput in,
            Geometry domain,
            List<PlacedBuilding> buildings,
            Bounds bounds,
            RuralRule ruralRule,
            List<PartitionStep> steps,
            ExactStep exact,
            List<String> notes) {
        this.in = in;
        this.bounds = bounds;
        this.ruralRule = ruralRule;
        this.steps = steps;
        this.exact = exact;
        this.notes = notes;
        this.rural = in.community().kind() == CommunityKind.RURAL;
        this.kind = rural ? GridKind.RURAL : GridKind.COMMUNITY;
        this.atoms = AtomBuilder.build(buildings, bounds, rural ? in.hamlets() : List.of());
        int households = atoms.stream().mapToInt(Atom::households).sum();
        this.largeVillage = ruralRule.large(domain.getArea(), households);
        double share = (double) UnitsBuilder.RURAL_SCALE / ruralRule.grids(domain.getArea(), households);
        this.target = rural
                ? new Bounds((int) Math.round(share * (1 - RURAL_TOLERANCE)), (int)
                        Math.round(share * (1 + RURAL_TOLERANCE)))
                : bounds;
        this.blocks = new BlockPartition(domain, in.barriers(), atoms);
        this.unitsBuilder = new UnitsBuilder(
                blocks, atoms, in.polygon(), rural, in.community().code(), notes);
    }

    /** A first cut: each unit's grid, and how many grids. */
    private record Cut(Units units, int[] gridOf, int grids) {}

    List<DraftGrid> run() {
        Cut cut = cutWithinBounds(rural ? new int[] {0} : new int[] {bounds.max(), bounds.min() / 2, 0});
        Components grids = Components.of(cut.units().graph(), cut.gridOf(), cut.grids());
        for (PartitionStep step : steps) step.improve(grids, target);
        if (rural) return drafts(cut.units(), cut.gridOf(), cut.grids());
        // the exact step may change the number of grids: it works after the steps, on the cut they leave
        division = exact.improve(cut.units().graph(), cut.units().atoms(), cut.gridOf(), cut.grids(), target);
        return drafts(cut.units(), division.label(), division.grids());
    }

    /** The exact step's division of an urban partition, after {@link #run}; empty for a village. */
    Optional<Division> division() {
        return Optional.ofNullable(division);
    }

    /**
     * Coarse first (superblocks at most a threshold whole: boundaries on roads), then finer, each
     * level tried with a few spanning trees; the least-bad cut at the finest level when none is
     * within the bounds.
     */
    private Cut cutWithinBounds(int[] thresholds) {
        TreePartitioner strict = new TreePartitioner(target, target.middle());
        Units units = null;
        for (int level = 0; level < thresholds.length; level++) {
            if (level > 0 && !blocks.refines(thresholds[level - 1], thresholds[level])) continue;
            units = unitsBuilder.build(thresholds[level]);
            for (int attempt = 0; attempt < TREE_TRIES; attempt++) {
                Optional<Cut> cut = strictCut(units, forest(units.graph(), attempt), strict);
                if (cut.isPresent()) return cut.get();
            }
        }
        return leastBadCut(units);
    }

    /** Every tree of the forest cut within the bounds; empty when one cannot be. */
    private Optional<Cut> strictCut(Units units, SpanningForest forest, TreePartitioner strict) {
        UnitGraph graph = units.graph();
        int[] labels = TreePartitioner.unlabelled(graph.size());
        int next = 0;
        for (int root : forest.roots) {
            if (heavy(forest, root, graph.weight)) {
                next += single(forest, root, labels, next);
                continue;
            }
            Optional<TreePartitioner.Result> result = strict.partition(forest, root, graph.weight, labels, next);
            if (result.isEmpty()) return Optional.empty();
            next += result.get().components();
        }
        return Optional.of(new Cut(units, labels, next));
    }

    /** Each tree cut within bounds widened as little as possible (minimax deviation). */
    private Cut leastBadCut(Units units) {
        UnitGraph graph = units.graph();
        SpanningForest forest = forest(graph, 0);
        int[] labels = TreePartitioner.unlabelled(graph.size());
        int grids = 0;
        for (int root : forest.roots) {
            grids += heavy(forest, root, graph.weight)
                    ? single(forest, root, labels, grids)
                    : widened(forest, root, graph, labels, grids);
        }
        return new Cut(units, labels, grids);
    }

    private SpanningForest forest(UnitGraph graph, int attempt) {
        SpanningForest forest = SpanningForest.build(graph, 17L * attempt + 1, attempt == 0 ? 0 : 0.75);
        forest.isolateHeavy(graph.weight, target.max());
        return forest;
    }

    /** A tree that {@link SpanningForest#isolateHeavy} left holding one over-heavy unit: one grid, unavoidably over. */
    private boolean heavy(SpanningForest forest, int root, int[] weight) {
        for (int unit : forest.preorder(root)) if (weight[unit] > target.max()) return true;
        return false;
    }

    private int single(SpanningForest forest, int root, int[] labels, int label) {
        for (int unit : forest.preorder(root)) labels[unit] = label;
        return 1;
    }

    /** Cuts the tree within the narrowest widening of the bounds that admits a cut; returns the pieces made. */
    private int widened(SpanningForest forest, int root, UnitGraph graph, int[] labels, int first) {
        for (int widening : WIDENING) {
            Bounds wide = new Bounds(Math.max(0, target.min() - widening), target.max() + widening);
            Optional<TreePartitioner.Result> result =
                    new TreePartitioner(wide, target.middle()).partition(forest, root, graph.weight, labels, first);
            if (result.isPresent()) return result.get().components();
        }
        // nothing narrower works: the tree is one grid (units never exceed the maximum here, so this is rare)
        return single(forest, root, labels, first);
    }

    private List<DraftGrid> drafts(Units units, int[] gridOf, int grids) {
        List<List<Polygon>> faces = new ArrayList<>();
        List<List<Atom>> members = new ArrayList<>();
        for (int grid = 0; grid < grids; grid++) {
            faces.add(new ArrayList<>());
            members.add(new ArrayList<>());
        }
        for (int unit = 0; unit < units.graph().size(); unit++) {
            faces.get(gridOf[unit]).addAll(units.faces().get(unit));
            members.get(gridOf[unit]).addAll(units.atoms().get(unit));
        }
        noteAllowedSplits(members);
        int total = atoms.stream().mapToInt(Atom::households).sum();
        List<DraftGrid> out = new ArrayList<>();
        for (int grid = 0; grid < grids; grid++) {
            if (faces.get(grid).isEmpty()) continue;
            Geometry polygon = Geoms.coverageUnion(faces.get(grid));
            List<Piece> pieces = new ArrayList<>();
            int households = 0;
            Set<GridFlag> flags = new LinkedHashSet<>();
            List<String> why = new ArrayList<>();
            for (Atom atom : members.get(grid)) {
                pieces.addAll(atom.pieces());
                households += atom.households();
                if (atom.heavyWithoutUnits()) {
                    flags.add(GridFlag.SINGLE_BUILDING_OVER_MAX);
                    why.add("building " + atom.pieces().get(0).building().id() + " alone has " + atom.households()
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

    /** Rule 5 allows a compound or a building over the maximum to be divided; the report says where. */
    private void noteAllowedSplits(List<List<Atom>> members) {
        Map<String, Set<Integer>> compoundGrids = new TreeMap<>();
        Map<String, Set<Integer>> buildingGrids = new TreeMap<>();
        for (int grid = 0; grid < members.size(); grid++) {
            for (Atom atom : members.get(grid)) {
                if (atom.compoundId() != null)
                    compoundGrids
                            .computeIfAbsent(atom.compoundId(), k -> new LinkedHashSet<>())
                            .add(grid);
                for (Piece piece : atom.pieces())
                    buildingGrids
                            .computeIfAbsent(piece.building().id(), k -> new LinkedHashSet<>())
                            .add(grid);
            }
        }
        compoundGrids.forEach((compound, inGrids) -> {
            if (inGrids.size() > 1)
                notes.add("community " + in.community().code() + ": compound " + compound + " exceeds " + bounds.max()
                        + " households and is divided among " + inGrids.size() + " grids");
        });
        buildingGrids.forEach((building, inGrids) -> {
            if (inGrids.size() > 1)
                notes.add("community " + in.community().code() + ": building " + building + " exceeds " + bounds.max()
                        + " households and is divided by unit among " + inGrids.size() + " grids");
        });
    }

    /** Rule 7: a small village 1–2 grids, a large one 2–4; otherwise every grid of it is flagged, with why. */
    private List<DraftGrid> checkRuralCount(List<DraftGrid> grids, int households) {
        Geometry domain = blocks.domain();
        if (ruralRule.countFits(domain.getArea(), households, grids.size())) return grids;
        int fewest = ruralRule.minGrids(largeVillage), most = ruralRule.maxGrids(largeVillage);
        String why = String.format(
                "%s village (%d households, %.2f km²) should have %d–%d grids, has %d: its barriers and hamlets allow no other division",
                largeVillage ? "large" : "small", households, domain.getArea() / 1e6, fewest, most, grids.size());
        List<DraftGrid> out = new ArrayList<>();
        for (DraftGrid grid : grids) {
            List<GridFlag> flags = new ArrayList<>(grid.flags());
            flags.add(GridFlag.RURAL_GRID_COUNT);
            out.add(new DraftGrid(
                    grid.kind(), grid.polygon(), grid.pieces(), grid.households(), flags, why, grid.campusId()));
        }
        return out;
    }

    private String reason(int total, int households) {
        String size = households + " households, outside " + bounds.min() + "–" + bounds.max();
        if (!countsFeasible(total)) {
            return size + ": the community's " + total + " households cannot be divided into grids of " + bounds.min()
                    + "–" + bounds.max();
        }
        if (division.proof() == Proof.OPTIMAL)
            return size + ": proven unavoidable: every contiguous division of the community's blocks, compounds and"
                    + " buildings has at least " + division.lowerBound() + " grid(s) out of bounds";
        return size + ": the planner found no contiguous division of the community's blocks, compounds and"
                + " buildings that meets the bounds; at least " + division.lowerBound()
                + " grid(s) out of bounds are proven unavoidable, "
                + division.score().outOfBounds() + " are";
    }

    private boolean countsFeasible(int total) {
        for (int grids = 1; (long) grids * bounds.min() <= total; grids++)
            if ((long) grids * bounds.max() >= total) return true;
        return false;
    }
}
