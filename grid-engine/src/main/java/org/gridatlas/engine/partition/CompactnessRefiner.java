package org.gridatlas.engine.partition;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Makes grids rounder once the household bounds are met: moves a unit on a grid's edge to the
 * neighbouring grid when that raises the two grids' Polsby–Popper compactness (4πA/P²), keeping
 * both grids contiguous, neither further from the bounds, and adding no boundary off barriers
 * beyond what the move removes (so grids keep to roads). Where one unit alone gains nothing, a
 * few of its grid's units go with it: an arm of a grid rounds both grids off only when it moves
 * whole. Areas and perimeters are kept per grid and updated per move, so a move is judged from
 * its units' links alone.
 */
final class CompactnessRefiner {
    private static final int MAX_PASSES = 20;
    /** A move must gain at least this much compactness (summed over the two grids) to be made. */
    private static final double MIN_GAIN = 1e-4;
    /** The most units one move takes along. */
    private static final int MAX_GROUP = 6;

    private final Components grids;
    private final UnitGraph graph;
    private final Bounds bounds;
    /** Each grid's area and perimeter, kept here as the moves change them (only this refiner measures shape). */
    private final double[] area;

    private final double[] perimeter;

    private CompactnessRefiner(Components grids, Bounds bounds) {
        this.grids = grids;
        this.graph = grids.graph();
        this.bounds = bounds;
        this.area = new double[grids.grids()];
        this.perimeter = new double[grids.grids()];
        for (int unit = 0; unit < graph.size(); unit++) {
            int grid = grids.gridOf(unit);
            area[grid] += graph.area[unit];
            perimeter[grid] += graph.outer[unit];
            for (UnitGraph.Link link : graph.links(unit))
                if (grids.gridOf(link.other()) != grid) perimeter[grid] += link.length();
        }
    }

    static void refine(Components grids, Bounds bounds) {
        new CompactnessRefiner(grids, bounds).run();
    }

    private void run() {
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            int moves = 0;
            for (int unit = 0; unit < graph.size(); unit++) if (tryMove(unit)) moves++;
            if (moves == 0) return;
        }
    }

    /**
     * Moves u to a neighbouring grid, with up to {@link #MAX_GROUP} - 1 of its own grid's units
     * grown greedily from it where one unit alone gains nothing: an arm of a grid (a park along a
     * road) rounds both grids off only when it moves whole.
     */
    private boolean tryMove(int unit) {
        int from = grids.gridOf(unit);
        Optional<Move> found = Optional.empty();
        Set<Integer> tried = new HashSet<>();
        for (UnitGraph.Link link : graph.links(unit)) {
            int to = grids.gridOf(link.other());
            // across a virtual link (between a community's islands) there is no boundary to round off
            if (link.virtual() || to == from || !tried.add(to)) continue;
            found = Move.better(found, gainingGroup(unit, from, to));
        }
        if (found.isEmpty()) return false;
        Move best = found.get();
        double movedArea = 0;
        for (int moved : best.units) {
            grids.move(moved, best.to);
            movedArea += graph.area[moved];
        }
        area[from] -= movedArea;
        area[best.to] += movedArea;
        perimeter[from] = best.fromPerimeter;
        perimeter[best.to] = best.toPerimeter;
        return true;
    }

    private record Move(int to, List<Integer> units, double gain, double fromPerimeter, double toPerimeter) {
        /** The candidate when it gains more than the best so far (the earlier one on a tie). */
        static Optional<Move> better(Optional<Move> best, Optional<Move> candidate) {
            return candidate.isPresent() && (best.isEmpty() || candidate.get().gain > best.get().gain)
                    ? candidate
                    : best;
        }
    }

    /**
     * Grows a group from u, a unit of `from` at a time (the one that makes the move gain most),
     * until moving it to `to` gains: that move; empty when no group of up to {@link #MAX_GROUP} units does.
     */
    private Optional<Move> gainingGroup(int unit, int from, int to) {
        List<Integer> group = new ArrayList<>(List.of(unit));
        Set<Integer> inGroup = new HashSet<>(group);
        Optional<Move> step = evaluate(group, inGroup, from, to);
        while (!(step.isPresent() && step.get().gain > MIN_GAIN && grids.staysConnectedWithout(inGroup, from))) {
            if (group.size() == MAX_GROUP) return Optional.empty();
            Optional<Move> next = Optional.empty();
            for (int member : List.copyOf(group)) {
                for (UnitGraph.Link link : graph.links(member)) {
                    int candidate = link.other();
                    if (link.virtual() || grids.gridOf(candidate) != from || inGroup.contains(candidate)) continue;
                    group.add(candidate);
                    inGroup.add(candidate);
                    next = Move.better(next, evaluate(group, inGroup, from, to));
                    group.remove(group.size() - 1);
                    inGroup.remove(candidate);
                }
            }
            if (next.isEmpty()) return Optional.empty();
            int added = next.get().units.get(group.size()); // the unit the best move took along
            group.add(added);
            inGroup.add(added);
            step = next;
        }
        return step;
    }

    /** The move of the group from one grid to another; empty when the household bounds forbid it or nothing would be left. */
    private Optional<Move> evaluate(List<Integer> group, Set<Integer> inGroup, int from, int to) {
        if (grids.members(from) <= group.size()) return Optional.empty();
        int weight = 0;
        // opened, closed: boundary off barriers that the move makes and that it removes
        double groupArea = 0, outer = 0, staying = 0, leaving = 0, joining = 0, opened = 0, closed = 0;
        for (int member : group) {
            weight += graph.weight[member];
            groupArea += graph.area[member];
            outer += graph.outer[member];
            for (UnitGraph.Link link : graph.links(member)) {
                int other = link.other();
                if (inGroup.contains(other)) continue;
                int grid = grids.gridOf(other);
                if (grid == from) staying += link.length();
                else leaving += link.length();
                if (grid == to) joining += link.length();
                if (grid == from) opened += link.length() * (1 - link.barrierShare());
                if (grid == to) closed += link.length() * (1 - link.barrierShare());
            }
        }
        // grid boundaries stay on roads: a move may not add boundary off barriers (between buildings) beyond what it
        // removes
        if (opened > closed + 1e-9) return Optional.empty();
        if (!Components.noFurtherFromBounds(bounds, grids.households(from), grids.households(to), weight))
            return Optional.empty();
        // the group's boundary with `to` stops being a grid boundary, its boundary with `from` becomes one
        double fromPerimeter = perimeter[from] - outer - leaving + staying;
        double toPerimeter = perimeter[to] + outer + leaving - joining + staying - joining;
        double gain = polsbyPopper(area[from] - groupArea, fromPerimeter)
                + polsbyPopper(area[to] + groupArea, toPerimeter)
                - polsbyPopper(area[from], perimeter[from])
                - polsbyPopper(area[to], perimeter[to]);
        return Optional.of(new Move(to, List.copyOf(group), gain, fromPerimeter, toPerimeter));
    }

    private static double polsbyPopper(double area, double perimeter) {
        return perimeter > 0 ? 4 * Math.PI * area / (perimeter * perimeter) : 0;
    }
}
