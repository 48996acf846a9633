package org.gridatlas.engine.partition;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.gridatlas.engine.geom.Geoms;
import org.gridatlas.engine.model.GridFlag;
import org.gridatlas.engine.model.GridKind;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * In a community of one part every grid is one Polygon (DATA.md rule 3). A partition can still
 * leave a grid in pieces — a real detached block, or a sliver where faces meet at a point. Each
 * smaller part goes, with its buildings, to the grid it shares most boundary with (never a campus's
 * grid when it has households, never one that would split a compound); household bounds are then
 * checked again and flagged with the reason. A part that cannot go anywhere stays, flagged
 * {@code not_contiguous} with why.
 */
final class ContiguityRepair {
    private final Bounds bounds;

    ContiguityRepair(Bounds bounds) {
        this.bounds = bounds;
    }

    /** The grids with every detached part given away; {@code notes} says what moved. */
    List<DraftGrid> repair(String community, List<DraftGrid> grids, List<String> notes) {
        List<DraftGrid> out = new ArrayList<>(grids);
        Set<Integer> changed = new HashSet<>();
        for (int i = 0; i < out.size(); i++) {
            Geometry poly = Geoms.polygonal(out.get(i).polygon());
            if (poly.getNumGeometries() < 2) continue;
            List<Polygon> parts = new ArrayList<>();
            for (int k = 0; k < poly.getNumGeometries(); k++) parts.add((Polygon) poly.getGeometryN(k));
            parts.sort(Comparator.comparingDouble(Polygon::getArea).reversed());
            for (Polygon part : parts.subList(1, parts.size())) {
                DraftGrid from = out.get(i);
                List<Piece> moving = from.pieces().stream()
                        .filter(p -> part.covers(Geoms.METRIC.createPoint(p.anchor())))
                        .toList();
                int to = neighbour(out, i, part, moving);
                if (to < 0) {
                    out.set(
                            i,
                            flagged(
                                    from,
                                    GridFlag.NOT_CONTIGUOUS,
                                    "a part of " + Math.round(part.getArea())
                                            + " m² has no neighbouring grid that can take it"));
                    continue;
                }
                DraftGrid target = out.get(to);
                out.set(i, without(from, part, moving));
                out.set(to, with(target, part, moving));
                changed.add(i);
                changed.add(to);
                notes.add("community " + community + ": a detached part of grid draft " + i + " ("
                        + Math.round(part.getArea()) + " m², "
                        + moving.stream().mapToInt(Piece::households).sum()
                        + " households) joins the grid it shares most boundary with");
            }
        }
        for (int i : changed) out.set(i, rechecked(out.get(i)));
        return out;
    }

    /** The grid sharing most boundary with the part that may take it, or -1. */
    private static int neighbour(List<DraftGrid> grids, int self, Polygon part, List<Piece> moving) {
        boolean households = moving.stream().anyMatch(p -> p.households() > 0);
        Set<String> compounds = new HashSet<>();
        moving.forEach(p -> {
            if (p.building().compoundId() != null) compounds.add(p.building().compoundId());
        });
        DraftGrid from = grids.get(self);
        // a compound with buildings left behind would be split by the move
        boolean splitsCompound = from.pieces().stream()
                .anyMatch(p ->
                        !moving.contains(p) && compounds.contains(p.building().compoundId()));
        if (splitsCompound) return -1;
        int best = -1;
        double shared = 0;
        for (int k = 0; k < grids.size(); k++) {
            DraftGrid o = grids.get(k);
            if (k == self || (households && o.kind() == GridKind.DEDICATED)) continue;
            if (!o.polygon().getEnvelopeInternal().intersects(part.getEnvelopeInternal())) continue;
            double len = Geoms.intersection(o.polygon().getBoundary(), part.getBoundary())
                    .getLength();
            if (len > shared) {
                shared = len;
                best = k;
            }
        }
        return best;
    }

    private static DraftGrid without(DraftGrid g, Polygon part, List<Piece> moving) {
        List<Piece> pieces = new ArrayList<>(g.pieces());
        pieces.removeAll(moving);
        return new DraftGrid(
                g.kind(),
                single(Geoms.polygonal(Geoms.difference(g.polygon(), part))),
                pieces,
                g.households() - moving.stream().mapToInt(Piece::households).sum(),
                g.flags(),
                g.why(),
                g.campusId());
    }

    private static DraftGrid with(DraftGrid g, Polygon part, List<Piece> moving) {
        List<Piece> pieces = new ArrayList<>(g.pieces());
        pieces.addAll(moving);
        return new DraftGrid(
                g.kind(),
                single(Geoms.polygonal(Geoms.union(List.of(g.polygon(), part)))),
                pieces,
                g.households() + moving.stream().mapToInt(Piece::households).sum(),
                g.flags(),
                g.why(),
                g.campusId());
    }

    /** Household bounds checked again after a move: an urban grid now out of bounds is flagged with the reason. */
    private DraftGrid rechecked(DraftGrid g) {
        if (g.kind() != GridKind.COMMUNITY) return g;
        DraftGrid d = g;
        if (g.households() < bounds.min() && !g.flags().contains(GridFlag.BELOW_MIN)) {
            return flagged(
                    d,
                    GridFlag.BELOW_MIN,
                    "holds " + g.households() + " households after a detached part was joined to its neighbour");
        }
        if (g.households() > bounds.max() && !g.flags().contains(GridFlag.ABOVE_MAX)) {
            return flagged(
                    d,
                    GridFlag.ABOVE_MAX,
                    "holds " + g.households() + " households after a detached part of its neighbour joined it");
        }
        return d;
    }

    private static Geometry single(Geometry g) {
        return g.getNumGeometries() == 1 ? g.getGeometryN(0) : g;
    }

    private static DraftGrid flagged(DraftGrid g, GridFlag flag, String why) {
        Set<GridFlag> flags = new LinkedHashSet<>(g.flags());
        flags.add(flag);
        return new DraftGrid(
                g.kind(),
                g.polygon(),
                g.pieces(),
                g.households(),
                new ArrayList<>(flags),
                g.why() == null ? why : g.why() + "; " + why,
                g.campusId());
    }
}
