package org.gridatlas.engine.io;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.gridatlas.engine.Delineator;
import org.gridatlas.engine.TestData;
import org.gridatlas.engine.geom.Geoms;
import org.gridatlas.engine.model.Dataset;
import org.gridatlas.engine.model.Delineation;
import org.gridatlas.engine.model.Grid;
import org.gridatlas.engine.model.GridLevel;
import org.gridatlas.engine.partition.Bounds;
import org.gridatlas.engine.validate.GridVerifier;
import org.gridatlas.engine.validate.Verification;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * Generated messy input, read as files are read: footprints with hair-thin spikes, near-duplicate
 * vertices, slivers, footprints touching and crossing the community line, holes with and without
 * buildings, tiny communities, communities without buildings, one huge building, MultiPolygon
 * communities. Whatever comes in: PASS (flagged grids say why), or bad input naming the feature;
 * never an exception from JTS or the planner, never a grid in several parts in a one-part community.
 * Planner edits on the result (re-run, split, merge) are applied or refused naming the rule, never
 * thrown out by JTS either.
 */
class MessyInputPropertyTest {
    private static final Bounds BOUNDS = new Bounds(100, 300);

    /** One footprint: a rectangle (position as a share of the community's width and height) with optional dirt. */
    record Footprint(double x, double y, double w, double h, int households, int dirt, double spike, double base) {}

    /** A community (size, optional hole, optional second part) and its footprints. */
    record Case(double w, double h, boolean hole, boolean twoParts, List<Footprint> footprints) {}

    // a fixed seed keeps CI repeatable; 2,000 tries on random seeds passed when this was written (change it to explore)
    @Property(tries = 150, seed = "20261129")
    void messyInputPassesOrIsRefusedByName(@ForAll("cases") Case c) {
        Map<LayerSchema, List<Feature>> layers = layers(c);
        Dataset d;
        try {
            d = new DatasetAssembler().assemble(layers);
        } catch (DatasetException e) {
            net.jqwik.api.statistics.Statistics.collect("refused by name");
            assertTrue(
                    e.problems().stream()
                            .allMatch(p -> p.matches("(communities|buildings)\\.geojson( feature \\d+.*)?: .+")),
                    e.getMessage());
            return;
        }
        net.jqwik.api.statistics.Statistics.collect(d.notes().isEmpty() ? "delineated" : "delineated after cleaning");
        Delineation result = new Delineator(BOUNDS).delineate(d);
        Verification v = GridVerifier.verify(d, result, BOUNDS);
        assertTrue(v.passed(), v.counts() + " " + v.examples() + " for " + c);
        if (!c.twoParts()) {
            for (Grid g : result.grids()) {
                if (g.level() == GridLevel.GRID)
                    assertTrue(
                            g.geometry() instanceof Polygon,
                            g.code() + " is " + g.geometry().getGeometryType() + " for " + c);
            }
        }
        List<Grid> grids =
                result.grids().stream().filter(g -> g.level() == GridLevel.GRID).toList();
        org.gridatlas.engine.edit.CommunityState state = new org.gridatlas.engine.edit.CommunityState(
                d.communities().get(0), d.buildings(), d.barriers(), grids, result.assignments());
        org.gridatlas.engine.edit.GridEditor editor =
                new org.gridatlas.engine.edit.GridEditor(BOUNDS, org.gridatlas.engine.partition.RuralRule.DEFAULT);
        java.util.Set<String> used = new java.util.HashSet<>();
        grids.forEach(g -> used.add(g.code()));
        List<org.gridatlas.engine.edit.GridEdit> edits = new ArrayList<>(List.of(
                new org.gridatlas.engine.edit.GridEdit.Rerun(java.util.Set.of()),
                new org.gridatlas.engine.edit.GridEdit.SplitGrid(grids.get(0).code())));
        if (grids.size() >= 2)
            edits.add(new org.gridatlas.engine.edit.GridEdit.MergeGrids(
                    grids.get(0).code(), grids.get(1).code()));
        for (org.gridatlas.engine.edit.GridEdit edit : edits) {
            try {
                editor.apply(state, edit, used);
            } catch (org.gridatlas.engine.edit.EditRefused refused) {
                net.jqwik.api.statistics.Statistics.label("edits").collect("refused by rule");
            }
        }
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<Footprint> footprint = Combinators.combine(
                        Arbitraries.doubles().between(-0.05, 0.98),
                        Arbitraries.doubles().between(-0.05, 0.98),
                        Arbitraries.doubles().between(4, 40),
                        Arbitraries.doubles().between(4, 40),
                        Arbitraries.frequencyOf(
                                net.jqwik.api.Tuple.of(
                                        12, Arbitraries.integers().between(0, 120)),
                                net.jqwik.api.Tuple.of(1, Arbitraries.just(900))),
                        Arbitraries.frequency(
                                net.jqwik.api.Tuple.of(30, 0),
                                net.jqwik.api.Tuple.of(12, 1),
                                net.jqwik.api.Tuple.of(8, 2),
                                net.jqwik.api.Tuple.of(8, 3),
                                net.jqwik.api.Tuple.of(1, 4)),
                        Arbitraries.doubles().between(0.01, 12).ofScale(3),
                        Arbitraries.doubles().between(0.00005, 0.004).ofScale(6))
                .as(Footprint::new);
        return Combinators.combine(
                        Arbitraries.doubles().between(30, 400),
                        Arbitraries.doubles().between(30, 400),
                        Arbitraries.of(true, false),
                        Arbitraries.of(true, false),
                        footprint.list().ofMaxSize(30))
                .as(Case::new);
    }

    static Map<LayerSchema, List<Feature>> layers(Case c) {
        Geometry community = TestData.rect(0, 0, c.w(), c.h());
        if (c.hole())
            community = community.difference(TestData.rect(c.w() * 0.4, c.h() * 0.4, c.w() * 0.2, c.h() * 0.2));
        if (c.twoParts()) community = community.union(TestData.rect(c.w() + 50, 0, 40, 40));
        List<Feature> buildings = new ArrayList<>();
        int n = 0;
        for (Footprint f : c.footprints())
            buildings.add(MessyInputTest.building("b" + n++, f.households(), ring(f, c.w(), c.h())));
        Map<LayerSchema, List<Feature>> layers = new LinkedHashMap<>();
        layers.put(
                DataContract.COMMUNITIES,
                List.of(new Feature(
                        MessyInputTest.community(TestData.CODE),
                        TestData.PLANE.toLonLat(Geoms.METRIC.createGeometry(community)))));
        layers.put(DataContract.BUILDINGS, buildings);
        return layers;
    }

    /** The rectangle's ring with its dirt: 1 a spike on the east wall, 2 repeated points, 3 a near-duplicate vertex, 4 a sliver of a footprint. */
    static Coordinate[] ring(Footprint f, double width, double height) {
        double x = f.x() * width, y = f.y() * height, w = f.w(), h = f.h();
        List<Coordinate> r = new ArrayList<>(List.of(new Coordinate(x, y), new Coordinate(x + w, y)));
        switch (f.dirt()) {
            case 1 ->
                r.addAll(List.of(
                        new Coordinate(x + w, y + h / 2),
                        new Coordinate(x + w + f.spike(), y + h / 2 + f.base() / 2),
                        new Coordinate(x + w, y + h / 2 + f.base())));
            case 2 -> r.add(new Coordinate(x + w, y));
            case 3 -> r.add(new Coordinate(x + w + 1e-7, y + 1e-7));
            case 4 -> {
                return new Coordinate[] {
                    new Coordinate(x, y),
                    new Coordinate(x + w, y),
                    new Coordinate(x + w, y + 0.0008),
                    new Coordinate(x, y + 0.0008),
                    new Coordinate(x, y)
                };
            }
            default -> {}
        }
        r.addAll(List.of(new Coordinate(x + w, y + h), new Coordinate(x, y + h), new Coordinate(x, y)));
        return r.toArray(Coordinate[]::new);
    }
}
