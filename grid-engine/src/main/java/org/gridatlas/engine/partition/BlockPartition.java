package org.gridatlas.engine.partition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridatlas.engine.geom.Geoms;
import org.gridatlas.engine.partition.PlanInput.PlacedBarrier;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * The blocks of a community's area: its faces between barriers (roads, rivers, the community's
 * line), and the superblocks they form where an atom spans several blocks (a compound across a
 * path, a footprint over a line), which then act as one. Built once; read by every level of detail.
 */
final class BlockPartition {
    /**
     * A footprint that reaches this share of its area (or at least 1 m²) into a neighbouring block
     * ties the blocks: several small spills over paths must not add up past rule 1's tolerance.
     */
    private static final double CROSSING_SHARE = 0.001;

    private final Geometry domain;
    private final List<PlanarArrangement.TaggedLine> barrierLines;
    private final List<Polygon> blocks;
    private final FaceIndex blockIndex;
    private final int[] blockOfAtom;
    private final UnionFind superblocks;
    private final Map<Integer, List<Atom>> atomsBySuperblock = new LinkedHashMap<>();
    private final Map<Integer, Integer> householdsBySuperblock = new HashMap<>();

    /** {@code domain}: the community's area the grids divide, in metres. */
    BlockPartition(Geometry domain, List<PlacedBarrier> barriers, List<Atom> atoms) {
        this.domain = domain;
        this.barrierLines = new ArrayList<>(PlanarArrangement.linesOf(domain.getBoundary(), EdgeTag.BOUNDARY));
        PreparedGeometry prepared = PreparedGeometryFactory.prepare(domain);
        for (PlacedBarrier barrier : barriers) {
            if (!prepared.intersects(barrier.line())) continue;
            Geometry clipped = prepared.containsProperly(barrier.line())
                    ? barrier.line()
                    : Geoms.intersection(barrier.line(), domain);
            barrierLines.addAll(PlanarArrangement.linesOf(clipped, barrier.tag()));
        }
        this.blocks = PlanarArrangement.build(barrierLines, domain).faces();
        this.blockIndex = new FaceIndex(blocks);
        this.blockOfAtom = new int[atoms.size()];
        this.superblocks = new UnionFind(Math.max(1, blocks.size()));
        tieBlocks(atoms);
    }

    /** Blocks that one atom spans act as one. */
    private void tieBlocks(List<Atom> atoms) {
        for (Atom atom : atoms) {
            int first = -1;
            for (Piece piece : atom.pieces()) {
                int home = blockIndex.locateOrNearest(piece.anchor());
                if (first < 0) first = home;
                else superblocks.union(first, home);
                if (piece.footprint().getDimension() < 2) continue;
                if (blockIndex.prepared(home).contains(piece.footprint())) continue;
                double area = piece.footprint().getArea();
                for (int other : blockIndex.candidates(piece.footprint().getEnvelopeInternal())) {
                    if (other == home || !blockIndex.prepared(other).intersects(piece.footprint())) continue;
                    double spill = Geoms.intersection(blocks.get(other), piece.footprint())
                            .getArea();
                    if (spill > Math.min(1.0, CROSSING_SHARE * area)) superblocks.union(home, other);
                }
            }
            blockOfAtom[atom.id()] = first;
        }
        for (Atom atom : atoms) {
            int superblock = superblockOf(atom);
            atomsBySuperblock
                    .computeIfAbsent(superblock, k -> new ArrayList<>())
                    .add(atom);
            householdsBySuperblock.merge(superblock, atom.households(), Integer::sum);
        }
    }

    Geometry domain() {
        return domain;
    }

    /** The domain's line and the barriers inside it, each tagged with what it is. */
    List<PlanarArrangement.TaggedLine> barrierLines() {
        return barrierLines;
    }

    /** The superblock a point lies in (or nearest to). */
    int superblockAt(Coordinate point) {
        return superblocks.find(blockIndex.locateOrNearest(point));
    }

    int superblockOf(Atom atom) {
        return superblocks.find(blockOfAtom[atom.id()]);
    }

    /** Each superblock's atoms, in the order the superblocks were first met. */
    Map<Integer, List<Atom>> atomsBySuperblock() {
        return atomsBySuperblock;
    }

    int households(int superblock) {
        return householdsBySuperblock.get(superblock);
    }

    Geometry geometry(int superblock) {
        List<Geometry> parts = new ArrayList<>();
        for (int block = 0; block < blocks.size(); block++)
            if (superblocks.find(block) == superblock) parts.add(blocks.get(block));
        return Geoms.coverageUnion(parts);
    }

    /** Whether a finer level of detail divides some superblock that the coarser one keeps whole. */
    boolean refines(int coarser, int finer) {
        for (Map.Entry<Integer, Integer> entry : householdsBySuperblock.entrySet()) {
            int households = entry.getValue();
            if (households <= coarser
                    && households > finer
                    && atomsBySuperblock.get(entry.getKey()).size() > 1) return true;
        }
        return false;
    }
}
