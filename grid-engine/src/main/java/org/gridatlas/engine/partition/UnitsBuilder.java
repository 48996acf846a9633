package org.gridatlas.engine.partition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridatlas.engine.geom.GeometryHygiene;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * Makes the units the partition works on at a level of detail: a superblock whose households
 * exceed the level's threshold is divided among its atoms (one cell each), every other superblock
 * is one unit. A division that would split an atom is dropped for good: that superblock is kept
 * whole at every level, with a note saying so.
 */
final class UnitsBuilder {
    /** A rural unit's weight is its share of the village, households and area blended, in thousandths. */
    static final int RURAL_SCALE = 1000;

    private final BlockPartition blocks;
    private final List<Atom> atoms;
    private final Geometry community;
    private final Geometry given;
    private final boolean rural;
    private final String communityCode;
    private final List<String> notes;
    private final Set<Integer> keepWhole = new LinkedHashSet<>();
    private final Map<Integer, CellDivider> divisions = new HashMap<>();

    /**
     * {@code community}: the whole community (its parts are linked where {@code given}, its shape as
     * the file gives it, has them apart); {@code rural}: weigh units by share of the village.
     */
    UnitsBuilder(
            BlockPartition blocks,
            List<Atom> atoms,
            Geometry community,
            Geometry given,
            boolean rural,
            String communityCode,
            List<String> notes) {
        this.blocks = blocks;
        this.atoms = atoms;
        this.community = community;
        this.given = given;
        this.rural = rural;
        this.communityCode = communityCode;
        this.notes = notes;
    }

    /** What one try at a level of detail gave: the units, or the superblock whose division split an atom. */
    private sealed interface Attempt {}

    private record Built(Units units) implements Attempt {}

    private record SplitAtom(int superblock, Atom atom) implements Attempt {}

    /** The units at this threshold (households above which a superblock is divided among its atoms). */
    Units build(int threshold) {
        // each failed try keeps one more superblock whole, so there are at most as many tries as superblocks, plus one
        for (int attempt = 0; attempt <= blocks.atomsBySuperblock().size(); attempt++) {
            Map<Integer, CellDivider> dividers = new HashMap<>();
            List<PlanarArrangement.TaggedLine> lines = new ArrayList<>(blocks.barrierLines());
            blocks.atomsBySuperblock().forEach((superblock, members) -> {
                if (members.size() < 2 || blocks.households(superblock) <= threshold || keepWhole.contains(superblock))
                    return;
                // a superblock's division is the same at every level of detail: make it once
                CellDivider divider =
                        divisions.computeIfAbsent(superblock, k -> CellDivider.divide(blocks.geometry(k), members));
                dividers.put(superblock, divider);
                for (Geometry separator : divider.separators())
                    lines.addAll(PlanarArrangement.linesOf(separator, EdgeTag.SEPARATOR));
            });
            Attempt result = attempt(PlanarArrangement.build(lines, blocks.domain()), dividers);
            if (result instanceof Built built) return built.units();
            SplitAtom split = (SplitAtom) result;
            keepWhole.add(split.superblock());
            notes.add("community " + communityCode + ": the pieces of " + describe(split.atom())
                    + " fell into separate cells; their block is kept whole");
        }
        throw new IllegalStateException("community " + communityCode + ": every superblock kept whole, still no units");
    }

    private Attempt attempt(PlanarArrangement arrangement, Map<Integer, CellDivider> dividers) {
        List<Polygon> faces = arrangement.faces();
        int faceCount = faces.size();
        // group faces by (superblock, owning atom) and split each group into connected pieces
        Map<Long, Integer> groupOf = new LinkedHashMap<>();
        int[] group = new int[faceCount];
        for (int face = 0; face < faceCount; face++) {
            Coordinate inside = arrangement.interiorPoint(face);
            int superblock = blocks.superblockAt(inside);
            CellDivider divider = dividers.get(superblock);
            int owner = divider == null ? -1 : divider.ownerAt(inside);
            group[face] =
                    groupOf.computeIfAbsent(((long) superblock << 32) | (owner & 0xffffffffL), k -> groupOf.size());
        }
        UnionFind pieces = new UnionFind(faceCount);
        for (PlanarArrangement.Adjacency adjacency : arrangement.adjacencies())
            if (group[adjacency.a()] == group[adjacency.b()]) pieces.union(adjacency.a(), adjacency.b());
        Map<Integer, Integer> unitOfRoot = new LinkedHashMap<>();
        int[] unitOfFace = new int[faceCount];
        for (int face = 0; face < faceCount; face++)
            unitOfFace[face] = unitOfRoot.computeIfAbsent(pieces.find(face), k -> unitOfRoot.size());
        int units = unitOfRoot.size();

        List<List<Polygon>> unitFaces = new ArrayList<>();
        List<List<Atom>> unitAtoms = new ArrayList<>();
        for (int unit = 0; unit < units; unit++) {
            unitFaces.add(new ArrayList<>());
            unitAtoms.add(new ArrayList<>());
        }
        for (int face = 0; face < faceCount; face++)
            unitFaces.get(unitOfFace[face]).add(faces.get(face));

        // place each atom in the unit holding its pieces; an atom whose pieces fell apart keeps its superblock whole
        FaceIndex faceIndex = new FaceIndex(faces);
        for (Atom atom : atoms) {
            int home = -1;
            for (Piece piece : atom.pieces()) {
                int unit = unitOfFace[faceIndex.locateOrNearest(piece.anchor())];
                if (home < 0) home = unit;
                else if (home != unit) {
                    int superblock = blocks.superblockOf(atom);
                    if (dividers.containsKey(superblock)) return new SplitAtom(superblock, atom);
                }
            }
            unitAtoms.get(home).add(atom);
        }
        return new Built(new Units(graph(arrangement, unitOfFace, unitFaces, unitAtoms), unitFaces, unitAtoms));
    }

    /** The units' graph: weights, centroids, areas, outer boundary, and the links of faces that touch. */
    private UnitGraph graph(
            PlanarArrangement arrangement,
            int[] unitOfFace,
            List<List<Polygon>> unitFaces,
            List<List<Atom>> unitAtoms) {
        int units = unitFaces.size();
        int[] weight = new int[units];
        int[] households = new int[units];
        double[] centreX = new double[units],
                centreY = new double[units],
                area = new double[units],
                outer = new double[units];
        for (int unit = 0; unit < units; unit++) {
            for (Atom atom : unitAtoms.get(unit)) households[unit] += atom.households();
            for (Polygon face : unitFaces.get(unit)) {
                double faceArea = face.getArea();
                Coordinate centroid = face.getCentroid().getCoordinate();
                centreX[unit] += centroid.x * faceArea;
                centreY[unit] += centroid.y * faceArea;
                area[unit] += faceArea;
                outer[unit] += face.getLength();
            }
            if (area[unit] > 0) {
                centreX[unit] /= area[unit];
                centreY[unit] /= area[unit];
            }
        }
        // what of a unit's faces' boundaries no other face shares is on the domain's edge
        for (PlanarArrangement.Adjacency adjacency : arrangement.adjacencies()) {
            double shared = 0;
            for (double length : adjacency.lengthByTag()) shared += length;
            outer[unitOfFace[adjacency.a()]] -= shared;
            outer[unitOfFace[adjacency.b()]] -= shared;
        }
        for (int unit = 0; unit < units; unit++) outer[unit] = Math.max(0, outer[unit]);
        if (rural) ruralWeights(households, area, weight);
        else System.arraycopy(households, 0, weight, 0, units);
        UnitGraph graph = new UnitGraph(weight, centreX, centreY, area, outer);
        for (PlanarArrangement.Adjacency adjacency : arrangement.adjacencies())
            graph.addShared(unitOfFace[adjacency.a()], unitOfFace[adjacency.b()], adjacency.lengthByTag());
        joinCommunityParts(graph, unitFaces);
        return graph;
    }

    /** Each unit's share of the village in thousandths: half by households, half by area (all by area without households). */
    private static void ruralWeights(int[] households, double[] area, int[] weight) {
        double totalHouseholds = Arrays.stream(households).sum(),
                totalArea = Arrays.stream(area).sum();
        double byHouseholds = totalHouseholds > 0 ? 0.5 : 0;
        for (int unit = 0; unit < weight.length; unit++) {
            double share = byHouseholds * (totalHouseholds > 0 ? households[unit] / totalHouseholds : 0)
                    + (1 - byHouseholds) * (totalArea > 0 ? area[unit] / totalArea : 0);
            weight[unit] = (int) Math.round(RURAL_SCALE * share);
        }
    }

    /**
     * Links the parts of a multi-part community (islands) so a grid may span them, one piece per
     * part (DATA.md rule 3), parts counted as the file gives them: a part cleaning cut at a neck
     * is never linked across it. Only a given part that is one connected piece of units is linked,
     * so a grid never gets two pieces in the same part; and only pieces at least
     * {@link GeometryHygiene#THIN} apart, as parts meeting at a point are not one grid.
     */
    private void joinCommunityParts(UnitGraph graph, List<List<Polygon>> unitFaces) {
        if (community.getNumGeometries() < 2 || given.getNumGeometries() < 2) return;
        int[] pieceOfUnit = graph.components();
        int pieceCount = Arrays.stream(pieceOfUnit).max().orElse(-1) + 1;
        if (pieceCount < 2) return;
        FaceIndex givenParts = new FaceIndex(polygonsOf(given));
        List<Polygon> cleanedParts = polygonsOf(community);
        FaceIndex parts = new FaceIndex(cleanedParts);
        int[] partOfPiece = new int[pieceCount], givenOfPiece = new int[pieceCount];
        Arrays.fill(partOfPiece, -1);
        Map<Integer, Integer> piecesInPart = new HashMap<>();
        for (int unit = 0; unit < graph.size(); unit++) {
            if (partOfPiece[pieceOfUnit[unit]] >= 0) continue;
            Coordinate inside = unitFaces.get(unit).get(0).getInteriorPoint().getCoordinate();
            partOfPiece[pieceOfUnit[unit]] = parts.locateOrNearest(inside);
            givenOfPiece[pieceOfUnit[unit]] = givenParts.locateOrNearest(inside);
            piecesInPart.merge(givenOfPiece[pieceOfUnit[unit]], 1, Integer::sum);
        }
        boolean[][] touching = new boolean[cleanedParts.size()][cleanedParts.size()];
        for (int i = 0; i < cleanedParts.size(); i++)
            for (int k = i + 1; k < cleanedParts.size(); k++)
                touching[i][k] = touching[k][i] =
                        cleanedParts.get(i).isWithinDistance(cleanedParts.get(k), GeometryHygiene.THIN);
        // connect sole pieces of their parts along the shortest links (a spanning tree over them)
        List<double[]> links = new ArrayList<>();
        for (int a = 0; a < graph.size(); a++) {
            for (int b = a + 1; b < graph.size(); b++) {
                int pieceA = pieceOfUnit[a], pieceB = pieceOfUnit[b];
                if (pieceA == pieceB || givenOfPiece[pieceA] == givenOfPiece[pieceB]) continue;
                if (piecesInPart.get(givenOfPiece[pieceA]) > 1 || piecesInPart.get(givenOfPiece[pieceB]) > 1) continue;
                if (touching[partOfPiece[pieceA]][partOfPiece[pieceB]]) continue;
                links.add(new double[] {graph.distance(a, b), a, b});
            }
        }
        links.sort((x, y) -> Double.compare(x[0], y[0]));
        UnionFind joined = new UnionFind(pieceCount);
        for (double[] link : links) {
            int a = (int) link[1], b = (int) link[2];
            if (joined.union(pieceOfUnit[a], pieceOfUnit[b])) graph.addVirtual(a, b);
        }
    }

    private static String describe(Atom atom) {
        return atom.compoundId() != null
                ? "compound " + atom.compoundId()
                : "building " + atom.pieces().get(0).building().id();
    }

    private static List<Polygon> polygonsOf(Geometry geometry) {
        List<Polygon> out = new ArrayList<>();
        for (int i = 0; i < geometry.getNumGeometries(); i++) out.add((Polygon) geometry.getGeometryN(i));
        return out;
    }
}
