package org.gridatlas.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.gridatlas.engine.codes.GridCodeAllocator;
import org.gridatlas.engine.errors.PlanningFailure;
import org.gridatlas.engine.geom.Geoms;
import org.gridatlas.engine.geom.LocalProjection;
import org.gridatlas.engine.model.Assignment;
import org.gridatlas.engine.model.Building;
import org.gridatlas.engine.model.Campus;
import org.gridatlas.engine.model.Community;
import org.gridatlas.engine.model.CommunityBounds;
import org.gridatlas.engine.model.Dataset;
import org.gridatlas.engine.model.Delineation;
import org.gridatlas.engine.model.DelineationReport;
import org.gridatlas.engine.model.Grid;
import org.gridatlas.engine.model.GridIssue;
import org.gridatlas.engine.model.GridKind;
import org.gridatlas.engine.model.GridLevel;
import org.gridatlas.engine.partition.AtomBuilder.PlacedBuilding;
import org.gridatlas.engine.partition.Bounds;
import org.gridatlas.engine.partition.CommunityPlan;
import org.gridatlas.engine.partition.CommunityPlanner;
import org.gridatlas.engine.partition.DraftGrid;
import org.gridatlas.engine.partition.ExactBudget;
import org.gridatlas.engine.partition.GridAssembly;
import org.gridatlas.engine.partition.MicroGridPlanner;
import org.gridatlas.engine.partition.Piece;
import org.gridatlas.engine.partition.PlanInput;
import org.gridatlas.engine.partition.PlanInput.PlacedBarrier;
import org.gridatlas.engine.partition.PlanInput.PlacedCampus;
import org.gridatlas.engine.partition.RuralRule;
import org.gridatlas.engine.partition.exact.ExactDivider;
import org.gridatlas.engine.validate.BarrierAlignment;
import org.gridatlas.engine.validate.GridVerifier;
import org.gridatlas.engine.validate.Verification;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * The delineation pipeline over a whole dataset: project to metres, plan every community (in
 * parallel), number the grids, and assemble grids, assignments and the report in lon/lat.
 */
public final class Delineator {
    /** Told after each community is planned, first by the heuristic, then again by the exact step where in doubt. */
    public interface Progress {
        enum Stage {
            PLANNING,
            SOLVING
        }

        void communityDone(Stage stage, int done, int total);
    }

    private final Bounds bounds;
    private final RuralRule ruralRule;
    private final Bounds micro;
    private final Duration exactLimit;

    public Delineator(Bounds bounds) {
        this(bounds, RuralRule.DEFAULT, null);
    }

    /** {@code micro}: household bounds of micro grids, or null for none. */
    public Delineator(Bounds bounds, RuralRule ruralRule, Bounds micro) {
        this(bounds, ruralRule, micro, ExactDivider.DEFAULT_LIMIT);
    }

    /** {@code exactLimit}: the exact solver's time per community whose plan has grids out of bounds (zero: none). */
    public Delineator(Bounds bounds, RuralRule ruralRule, Bounds micro, Duration exactLimit) {
        this.bounds = bounds;
        this.ruralRule = ruralRule;
        this.micro = micro;
        this.exactLimit = exactLimit;
    }

    public Delineation delineate(Dataset d) {
        return delineate(d, (stage, done, total) -> {});
    }

    public Delineation delineate(Dataset d, Progress progress) {
        long start = System.nanoTime();
        Envelope extent = new Envelope();
        d.communities().forEach(c -> extent.expandToInclude(c.geometry().getEnvelopeInternal()));
        LocalProjection proj = LocalProjection.around(extent);

        List<Community> communities = d.communities();
        List<Geometry> metric =
                communities.stream().map(c -> proj.toValidMetres(c.geometry())).toList();
        Map<Integer, List<PlacedBuilding>> buildings = buildingsByCommunity(d.buildings(), metric, proj);
        STRtree barriers = PlacedBarrier.index(d.barriers(), proj);
        List<PlacedCampus> campuses = d.campuses().stream()
                .sorted(Comparator.comparing(Campus::id))
                .map(c -> new PlacedCampus(c, proj.toValidMetres(c.geometry())))
                .toList();

        Map<String, List<Geometry>> hamlets = new HashMap<>();
        d.hamlets()
                .forEach(h -> hamlets.computeIfAbsent(h.communityCode(), k -> new ArrayList<>())
                        .add(proj.toValidMetres(h.geometry())));
        PlanOne planOne = (i, exact) -> {
            Geometry poly = metric.get(i);
            Envelope env = poly.getEnvelopeInternal();
            @SuppressWarnings("unchecked")
            List<PlacedBarrier> near = barriers.query(env);
            List<PlacedCampus> camps = campuses.stream()
                    .filter(c -> c.polygon().getEnvelopeInternal().intersects(env))
                    .toList();
            Community c = communities.get(i);
            try {
                return new CommunityPlanner(bounds, ruralRule, exact)
                        .plan(new PlanInput(
                                c,
                                poly,
                                buildings.getOrDefault(i, List.of()),
                                near,
                                camps,
                                hamlets.getOrDefault(c.code(), List.of()),
                                proj.toMetres(c.given())));
            } catch (RuntimeException e) {
                throw new PlanningFailure(c.code(), e);
            }
        };
        // the heuristic everywhere first: the exact step's time then goes only to the communities it leaves in doubt;
        // those are planned again whole (the heuristic is deterministic, so the same cut, for a few per cent of the
        // time) rather than every community's units kept alive between the two passes
        List<Integer> all = IntStream.range(0, communities.size()).boxed().toList();
        List<CommunityPlan> plans =
                new ArrayList<>(planEach(all, i -> Duration.ZERO, planOne, Progress.Stage.PLANNING, progress));
        Map<Integer, Duration> shares = new ExactBudget(exactLimit)
                .shares(plans.stream().map(CommunityPlan::bounds).toList());
        List<Integer> funded = List.copyOf(shares.keySet());
        List<CommunityPlan> solved = planEach(funded, shares::get, planOne, Progress.Stage.SOLVING, progress);
        for (int k = 0; k < funded.size(); k++) plans.set(funded.get(k), solved.get(k));
        if (micro != null) plans = withMicro(plans, metric, micro, barriers);

        List<Grid> grids = new ArrayList<>();
        List<Assignment> assignments = new ArrayList<>();
        List<GridIssue> issues = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        d.notes().forEach(n -> notes.add(n.toString()));
        BarrierAlignment alignment = new BarrierAlignment();
        double ppSum = 0;
        for (int i = 0; i < plans.size(); i++) {
            CommunityPlan plan = plans.get(i);
            notes.addAll(plan.notes());
            List<String> codes = codes(plan);
            GridAssembly assembly = new GridAssembly(plan.community(), proj);
            List<Geometry> polys = new ArrayList<>();
            for (int g = 0; g < plan.grids().size(); g++) {
                DraftGrid dg = plan.grids().get(g);
                String code = codes.get(g);
                polys.add(dg.polygon());
                ppSum += Geoms.polsbyPopper(dg.polygon());
                grids.add(assembly.grid(code, dg));
                for (Piece p : dg.pieces()) assignments.add(new Assignment(p.key(), code));
                if (!dg.flags().isEmpty())
                    issues.add(new GridIssue(code, plan.community().code(), dg.flags(), dg.why()));
                if (!plan.micro().isEmpty())
                    grids.addAll(assembly.microGrids(code, plan.micro().get(g)));
            }
            alignment.add(metric.get(i), polys, nearbyLines(barriers, metric.get(i)));
        }
        sortAssignments(assignments, d.buildings());
        grids.sort(Comparator.comparing(Grid::code));
        issues.sort(Comparator.comparing(GridIssue::grid));

        int base = (int) grids.stream().filter(g -> g.level() == GridLevel.GRID).count();
        int urban = 0, inBounds = 0, flagged = 0;
        Map<String, Integer> flagCounts = new TreeMap<>();
        for (Grid g : grids) {
            if (g.level() != GridLevel.GRID) continue;
            if (g.kind() == GridKind.COMMUNITY) {
                urban++;
                if (bounds.contains(g.households())) inBounds++;
            }
            if (!g.flags().isEmpty()) flagged++;
            g.flags().forEach(f -> flagCounts.merge(f.wireName(), 1, Integer::sum));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        CommunityPlan slowest = plans.stream()
                .max(Comparator.comparingDouble(CommunityPlan::seconds))
                .orElse(null);
        DelineationReport report = new DelineationReport(
                bounds.min(),
                bounds.max(),
                communities.size(),
                d.buildings().size(),
                d.households(),
                base,
                grids.size() - base,
                urban,
                inBounds,
                urban == 0 ? 1.0 : round((double) inBounds / urban),
                flagged,
                flagCounts,
                round(alignment.share()),
                base == 0 ? 0 : round(ppSum / base),
                round(seconds),
                slowest == null ? null : slowest.community().code(),
                slowest == null ? 0 : round(slowest.seconds()),
                issues,
                notes,
                Map.of(),
                DelineationReport.repairs(d.notes()),
                plans.stream()
                        .map(CommunityPlan::bounds)
                        .sorted(Comparator.comparing(CommunityBounds::community))
                        .toList());
        Delineation planned = new Delineation(grids, assignments, report);
        // always checked on its own against DATA.md's rules: nothing leaves here unverified
        Verification v = GridVerifier.verify(d, planned, bounds);
        return new Delineation(grids, assignments, report.withVerification(v.counts()));
    }

    /** Each plan with its grids' micro grids, in parallel. */
    private static List<CommunityPlan> withMicro(
            List<CommunityPlan> plans, List<Geometry> metric, Bounds micro, STRtree barriers) {
        MicroGridPlanner mp = new MicroGridPlanner(micro);
        return IntStream.range(0, plans.size())
                .parallel()
                .mapToObj(i -> {
                    CommunityPlan plan = plans.get(i);
                    Community c = plan.community();
                    @SuppressWarnings("unchecked")
                    List<PlacedBarrier> near = barriers.query(metric.get(i).getEnvelopeInternal());
                    try {
                        return plan.withMicro(plan.grids().stream()
                                .map(g -> mp.plan(c, g, near))
                                .toList());
                    } catch (RuntimeException e) {
                        throw new PlanningFailure(c.code(), e);
                    }
                })
                .toList();
    }

    /** Plans one community (its index) with the exact step's time given. */
    private interface PlanOne {
        CommunityPlan plan(int community, Duration exact);
    }

    /** Plans the communities given, in parallel, each with its exact time; the plans in their order. */
    private static List<CommunityPlan> planEach(
            List<Integer> which,
            Function<Integer, Duration> exact,
            PlanOne planOne,
            Progress.Stage stage,
            Progress progress) {
        AtomicInteger done = new AtomicInteger();
        return which.parallelStream()
                .map(i -> {
                    CommunityPlan plan = planOne.plan(i, exact.apply(i));
                    progress.communityDone(stage, done.incrementAndGet(), which.size());
                    return plan;
                })
                .toList();
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }

    private static List<String> codes(CommunityPlan plan) {
        List<Geometry> ordinary = new ArrayList<>(), dedicated = new ArrayList<>();
        for (DraftGrid g : plan.grids()) (g.kind() == GridKind.DEDICATED ? dedicated : ordinary).add(g.polygon());
        List<String> ordinaryCodes = GridCodeAllocator.codes(plan.community().code(), ordinary, 1);
        List<String> dedicatedCodes =
                GridCodeAllocator.codes(plan.community().code(), dedicated, GridCodeAllocator.FIRST_DEDICATED);
        List<String> out = new ArrayList<>();
        int o = 0, k = 0;
        for (DraftGrid g : plan.grids())
            out.add(g.kind() == GridKind.DEDICATED ? dedicatedCodes.get(k++) : ordinaryCodes.get(o++));
        return out;
    }

    private static Map<Integer, List<PlacedBuilding>> buildingsByCommunity(
            List<Building> buildings, List<Geometry> communities, LocalProjection proj) {
        STRtree index = new STRtree();
        for (int i = 0; i < communities.size(); i++)
            index.insert(communities.get(i).getEnvelopeInternal(), i);
        Map<Integer, IndexedPointInAreaLocator> locators = new HashMap<>();
        Map<Integer, List<PlacedBuilding>> out = new HashMap<>();
        for (Building b : buildings) {
            Geometry fp = proj.toValidMetres(b.geometry());
            Coordinate c = fp.getCentroid().getCoordinate();
            int home = -1;
            @SuppressWarnings("unchecked")
            List<Integer> candidates = index.query(new Envelope(c));
            candidates.sort(null);
            for (int i : candidates) {
                if (locators.computeIfAbsent(i, k -> new IndexedPointInAreaLocator(communities.get(k)))
                                .locate(c)
                        != Location.EXTERIOR) {
                    home = i;
                    break;
                }
            }
            if (home < 0) {
                double best = Double.MAX_VALUE;
                for (int i = 0; i < communities.size(); i++) {
                    double dist = communities.get(i).distance(fp.getCentroid());
                    if (dist < best) {
                        best = dist;
                        home = i;
                    }
                }
            }
            out.computeIfAbsent(home, k -> new ArrayList<>()).add(new PlacedBuilding(b, fp));
        }
        return out;
    }

    private static Geometry nearbyLines(STRtree barriers, Geometry community) {
        Envelope env = new Envelope(community.getEnvelopeInternal());
        env.expandBy(BarrierAlignment.NEAR_BARRIER_M);
        @SuppressWarnings("unchecked")
        List<PlacedBarrier> near = barriers.query(env);
        return Geoms.METRIC.buildGeometry(near.stream().map(PlacedBarrier::line).toList());
    }

    private static void sortAssignments(List<Assignment> assignments, List<Building> buildings) {
        Map<String, Integer> order = new HashMap<>();
        for (int i = 0; i < buildings.size(); i++) order.put(buildings.get(i).id(), i);
        assignments.sort(Comparator.<Assignment>comparingInt(a -> order.getOrDefault(a.buildingId(), Integer.MAX_VALUE))
                .thenComparing(Assignment::buildingKey));
    }
}
