package org.gridatlas.engine.partition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridatlas.engine.geom.Geoms;
import org.gridatlas.engine.model.Building;
import org.gridatlas.engine.model.BuildingKey;
import org.gridatlas.engine.model.Unit;
import org.locationtech.jts.algorithm.MinimumDiameter;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.AffineTransformation;

/** Groups buildings into atoms (DATA.md rule 5): compounds stay whole unless over the maximum, buildings are split only by unit. */
public final class AtomBuilder {
    private AtomBuilder() {}

    /** A building in metres, ready for planning. */
    public record PlacedBuilding(Building building, Geometry footprint) {}

    static List<Atom> build(List<PlacedBuilding> buildings, Bounds bounds) {
        return build(buildings, bounds, List.of());
    }

    /** As above; the buildings of each hamlet (自然村, rule 7) form one atom whatever its size. */
    static List<Atom> build(List<PlacedBuilding> buildings, Bounds bounds, List<Geometry> hamlets) {
        Map<String, List<PlacedBuilding>> compounds = new LinkedHashMap<>();
        List<Atom> atoms = new ArrayList<>();
        List<List<PlacedBuilding>> inHamlet = new ArrayList<>();
        List<org.locationtech.jts.geom.prep.PreparedGeometry> hamletAreas = new ArrayList<>();
        for (Geometry h : hamlets) {
            hamletAreas.add(org.locationtech.jts.geom.prep.PreparedGeometryFactory.prepare(h));
            inHamlet.add(new ArrayList<>());
        }
        next:
        for (PlacedBuilding b : buildings) {
            for (int h = 0; h < hamlets.size(); h++) {
                if (hamletAreas.get(h).intersects(b.footprint().getCentroid())) {
                    inHamlet.get(h).add(b);
                    continue next;
                }
            }
            String cid = b.building().compoundId();
            if (cid == null) addBuilding(atoms, b, null, false, bounds);
            else compounds.computeIfAbsent(cid, k -> new ArrayList<>()).add(b);
        }
        for (List<PlacedBuilding> members : inHamlet) {
            if (members.isEmpty()) continue;
            List<Piece> pieces = new ArrayList<>();
            for (PlacedBuilding b : members) pieces.add(whole(b));
            atoms.add(new Atom(
                    atoms.size(),
                    pieces,
                    members.stream().mapToInt(b -> b.building().households()).sum(),
                    null,
                    false,
                    false));
        }
        compounds.forEach((cid, members) -> {
            int total =
                    members.stream().mapToInt(b -> b.building().households()).sum();
            if (total <= bounds.max()) {
                List<Piece> pieces = new ArrayList<>();
                for (PlacedBuilding b : members) pieces.add(whole(b));
                atoms.add(new Atom(atoms.size(), pieces, total, cid, false, false));
            } else {
                for (PlacedBuilding b : members) addBuilding(atoms, b, cid, true, bounds);
            }
        });
        return tieOverlapping(atoms);
    }

    /** Footprints that overlap (stacked or mis-drawn data) cannot be told apart by a boundary: their atoms become one. */
    private static List<Atom> tieOverlapping(List<Atom> atoms) {
        org.locationtech.jts.index.strtree.STRtree index = new org.locationtech.jts.index.strtree.STRtree();
        for (Atom a : atoms)
            for (Piece p : a.pieces())
                if (p.footprint().getDimension() == 2)
                    index.insert(p.footprint().getEnvelopeInternal(), new Object[] {a, p});
        UnionFind uf = new UnionFind(atoms.size());
        boolean any = false;
        for (Atom a : atoms) {
            for (Piece p : a.pieces()) {
                if (p.footprint().getDimension() < 2) continue;
                for (Object o : index.query(p.footprint().getEnvelopeInternal())) {
                    Atom b = (Atom) ((Object[]) o)[0];
                    Piece q = (Piece) ((Object[]) o)[1];
                    if (b.id() <= a.id()
                            || uf.find(a.id()) == uf.find(b.id())
                            || !p.footprint().intersects(q.footprint())) continue;
                    double smaller =
                            Math.min(p.footprint().getArea(), q.footprint().getArea());
                    if (Geoms.intersection(p.footprint(), q.footprint()).getArea() > 0.01 * smaller) {
                        uf.union(a.id(), b.id());
                        any = true;
                    }
                }
            }
        }
        if (!any) return atoms;
        Map<Integer, List<Atom>> groups = new LinkedHashMap<>();
        for (Atom a : atoms)
            groups.computeIfAbsent(uf.find(a.id()), k -> new ArrayList<>()).add(a);
        List<Atom> out = new ArrayList<>();
        for (List<Atom> g : groups.values()) {
            List<Piece> pieces = new ArrayList<>();
            g.forEach(a -> pieces.addAll(a.pieces()));
            out.add(new Atom(
                    out.size(),
                    pieces,
                    g.stream().mapToInt(Atom::households).sum(),
                    g.stream()
                            .map(Atom::compoundId)
                            .filter(java.util.Objects::nonNull)
                            .findFirst()
                            .orElse(null),
                    g.stream().anyMatch(Atom::fromSplitCompound),
                    g.stream().anyMatch(Atom::heavyWithoutUnits)));
        }
        return out;
    }

    private static void addBuilding(
            List<Atom> atoms, PlacedBuilding b, String cid, boolean splitCompound, Bounds bounds) {
        Building bd = b.building();
        boolean heavy = bd.households() > bounds.max();
        if (heavy
                && bd.hasUnits()
                && b.footprint() instanceof Polygon poly
                && bd.units().size() > 1) {
            List<Geometry> slices = slices(poly, bd.units().size());
            for (int i = 0; i < bd.units().size(); i++) {
                Unit u = bd.units().get(i);
                Geometry s = slices.get(i);
                Piece p = new Piece(BuildingKey.unit(bd.id(), u.unit()).toString(), bd, u.households(), s, anchor(s));
                atoms.add(new Atom(atoms.size(), List.of(p), u.households(), cid, splitCompound, false));
            }
        } else {
            atoms.add(new Atom(atoms.size(), List.of(whole(b)), bd.households(), cid, splitCompound, heavy));
        }
    }

    private static Piece whole(PlacedBuilding b) {
        return new Piece(
                b.building().id(), b.building(), b.building().households(), b.footprint(), anchor(b.footprint()));
    }

    static Coordinate anchor(Geometry g) {
        return g.getDimension() == 0 ? g.getCoordinate() : g.getInteriorPoint().getCoordinate();
    }

    /** Cuts a footprint across its long axis into n equal slices, in order along the axis (unit 1 at one end). */
    static List<Geometry> slices(Polygon footprint, int n) {
        Geometry rect = new MinimumDiameter(footprint).getMinimumRectangle();
        // grown by 1% so rounding never shaves a vertex off the end slices
        Coordinate c = rect.getCentroid().getCoordinate();
        rect = AffineTransformation.scaleInstance(1.01, 1.01, c.x, c.y).transform(rect);
        Coordinate[] r = rect.getCoordinates();
        if (r.length < 5) return List.of(footprint);
        // the long side of the minimum rectangle is the axis units are strung along
        boolean firstLong = r[0].distance(r[1]) >= r[1].distance(r[2]);
        Coordinate a0 = firstLong ? r[0] : r[1], a1 = firstLong ? r[1] : r[2];
        Coordinate b0 = firstLong ? r[3] : r[0], b1 = firstLong ? r[2] : r[3];
        List<Geometry> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double f0 = (double) i / n, f1 = (double) (i + 1) / n;
            Polygon slab = Geoms.METRIC.createPolygon(new Coordinate[] {
                lerp(a0, a1, f0), lerp(a0, a1, f1), lerp(b0, b1, f1), lerp(b0, b1, f0), lerp(a0, a1, f0)
            });
            Geometry s = Geoms.polygonal(Geoms.intersection(footprint, slab));
            out.add(s.isEmpty() ? footprint.getInteriorPoint() : s);
        }
        return out;
    }

    private static Coordinate lerp(Coordinate a, Coordinate b, double f) {
        return new Coordinate(a.x + (b.x - a.x) * f, a.y + (b.y - a.y) * f);
    }
}
