package org.gridatlas.engine.partition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gridatlas.engine.geom.Geoms;
import org.gridatlas.engine.model.CommunityBounds;
import org.gridatlas.engine.model.GridKind;
import org.gridatlas.engine.partition.AtomBuilder.PlacedBuilding;
import org.gridatlas.engine.partition.PlanInput.PlacedCampus;
import org.gridatlas.engine.partition.exact.Division;
import org.gridatlas.engine.partition.exact.ExactDivider;
import org.gridatlas.engine.partition.exact.Proof;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Delineates one community: carves out dedicated grids for campuses, cuts the rest into blocks
 * along barriers, divides blocks among their atoms where a block is too big for one grid, and
 * partitions the resulting units into contiguous grids within the household bounds. It always
 * answers: when the bounds cannot all be met it returns the least-bad partition, flagged.
 */
public final class CommunityPlanner {
    /** A campus piece smaller than this share of the campus is a digitising sliver, not a grid. */
    private static final double CAMPUS_SLIVER_SHARE = 0.05;
    /**
     * So is a piece across the community line narrower than this on average (2 × area / perimeter,
     * in metres): a campus edge drawn a few metres over the line, however long.
     */
    private static final double CAMPUS_SLIVER_WIDTH = 15;

    private final Bounds bounds;
    private final RuralRule ruralRule;
    private final List<PartitionStep> steps;
    private final Duration exactLimit;

    public CommunityPlanner(Bounds bounds) {
        this(bounds, RuralRule.DEFAULT);
    }

    public CommunityPlanner(Bounds bounds, RuralRule ruralRule) {
        this(bounds, ruralRule, ExactDivider.DEFAULT_LIMIT);
    }

    /** {@code exactLimit}: the exact solver's time for a community whose plan has grids out of bounds (zero: none). */
    public CommunityPlanner(Bounds bounds, RuralRule ruralRule, Duration exactLimit) {
        this(bounds, ruralRule, PartitionStep.HEURISTIC, exactLimit);
    }

    /** {@code steps}: what improves each community's first cut, in order (the heuristic's, then any added after them). */
    CommunityPlanner(Bounds bounds, RuralRule ruralRule, List<PartitionStep> steps) {
        this(bounds, ruralRule, steps, Duration.ZERO);
    }

    private CommunityPlanner(Bounds bounds, RuralRule ruralRule, List<PartitionStep> steps, Duration exactLimit) {
        this.bounds = bounds;
        this.ruralRule = ruralRule;
        this.steps = List.copyOf(steps);
        this.exactLimit = exactLimit;
    }

    public CommunityPlan plan(PlanInput in) {
        long start = System.nanoTime();
        List<String> notes = new ArrayList<>();
        List<DraftGrid> grids = new ArrayList<>();
        Geometry rest = in.polygon();
        List<PlacedBuilding> restBuildings = new ArrayList<>(in.buildings());
        for (PlacedCampus campus : in.campuses()) {
            Optional<Carve> carve = carveCampus(campus, in, rest, restBuildings, notes);
            if (carve.isEmpty()) continue;
            grids.add(carve.get().grid());
            rest = carve.get().rest();
            restBuildings = carve.get().restBuildings();
        }
        rest = Geoms.polygonal(rest);
        Optional<Division> division = Optional.empty();
        if (!rest.isEmpty()) {
            AreaPartition partition = new AreaPartition(
                    in, rest, restBuildings, bounds, ruralRule, steps, new ExactStep(exactLimit), notes);
            grids.addAll(partition.run());
            division = partition.division();
            absorbEmptyLeftovers(grids, in, notes);
            // rule 3 counts parts as the file gives them: a neck cleaning closed does not allow a grid in pieces
            if (in.given().getNumGeometries() == 1) {
                List<DraftGrid> whole =
                        new ContiguityRepair(bounds).repair(in.community().code(), grids, notes);
                grids.clear();
                grids.addAll(whole);
            }
        } else if (!restBuildings.isEmpty()) {
            throw new IllegalStateException(
                    "community " + in.community().code() + " has buildings but no area left outside its campuses");
        }
        return new CommunityPlan(
                in.community(),
                grids,
                notes,
                (System.nanoTime() - start) / 1e9,
                List.of(),
                communityBounds(in.community().code(), grids, division));
    }

    /** The community's grids out of bounds against what the exact step proved (nothing to prove when none are). */
    private CommunityBounds communityBounds(String code, List<DraftGrid> grids, Optional<Division> division) {
        int out = (int) grids.stream()
                .filter(g -> g.kind() == GridKind.COMMUNITY && !bounds.contains(g.households()))
                .count();
        if (out == 0) return new CommunityBounds(code, 0, 0, Proof.OPTIMAL.wireName);
        int lower = division.map(d -> Math.min(out, d.lowerBound())).orElse(0);
        Proof proof = division.map(Division::proof).orElse(Proof.HEURISTIC);
        if (proof == Proof.OPTIMAL && lower < out) proof = Proof.BOUNDED;
        return new CommunityBounds(code, out, lower, proof.wireName);
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

    /**
     * Cuts a campus's part of the community out as a dedicated grid that holds the campus's buildings
     * whole; empty when no grid comes of it (a sliver is noted).
     */
    private Optional<Carve> carveCampus(
            PlacedCampus campus, PlanInput in, Geometry rest, List<PlacedBuilding> buildings, List<String> notes) {
        Geometry piece = Geoms.polygonal(Geoms.intersection(campus.polygon(), rest));
        if (piece.isEmpty()) return Optional.empty();
        String cid = campus.campus().id();
        boolean across = piece.getArea() < campus.polygon().getArea() * 0.999;
        double width = 2 * piece.getArea() / piece.getLength();
        if (piece.getArea() < CAMPUS_SLIVER_SHARE * campus.polygon().getArea()
                || (across && width < CAMPUS_SLIVER_WIDTH)) {
            notes.add(String.format(
                    "campus %s reaches %d m² (%.1f m wide on average) into community %s: too small for a grid, left to the community's grids",
                    cid, Math.round(piece.getArea()), width, in.community().code()));
            return Optional.empty();
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
        if (grid.isEmpty()) return Optional.empty();
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
        return Optional.of(new Carve(dg, Geoms.difference(rest, grid), others));
    }

    private static Geometry largestPart(Geometry g) {
        Geometry best = Geoms.METRIC.createPolygon();
        for (int i = 0; i < g.getNumGeometries(); i++)
            if (g.getGeometryN(i).getArea() > best.getArea()) best = g.getGeometryN(i);
        return best;
    }
}
