package org.gridatlas.engine.io;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.gridatlas.engine.geom.GeometryHygiene;
import org.gridatlas.engine.geom.LocalProjection;
import org.gridatlas.engine.geom.TopologyChanges;
import org.gridatlas.engine.model.Alias;
import org.gridatlas.engine.model.AliasKind;
import org.gridatlas.engine.model.Barrier;
import org.gridatlas.engine.model.BarrierClass;
import org.gridatlas.engine.model.BarrierKind;
import org.gridatlas.engine.model.Building;
import org.gridatlas.engine.model.BuildingUse;
import org.gridatlas.engine.model.Campus;
import org.gridatlas.engine.model.CampusKind;
import org.gridatlas.engine.model.Community;
import org.gridatlas.engine.model.CommunityKind;
import org.gridatlas.engine.model.Dataset;
import org.gridatlas.engine.model.Hamlet;
import org.gridatlas.engine.model.InputNote;
import org.gridatlas.engine.model.Poi;
import org.gridatlas.engine.model.StreetAddress;
import org.gridatlas.engine.model.TopologyChange;
import org.gridatlas.engine.model.Unit;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Turns raw features into a validated {@link Dataset}. Every problem names its file, feature index
 * and id; all problems are collected before failing so one run shows them all. Repairable
 * polygons are repaired and the repair is reported as an {@link InputNote}.
 */
public final class DatasetAssembler {
    private static final Pattern COMMUNITY_CODE = Pattern.compile("\\d{12}");
    private static final Pattern STREET_CODE = Pattern.compile("\\d{9}");
    private static final Pattern DISTRICT_CODE = Pattern.compile("\\d{6}");
    /** A repair may move this share of a polygon's area before it counts as a different shape. */
    private static final double REPAIR_AREA_TOLERANCE = 0.01;

    private static final int MAX_PROBLEMS = 200;

    private final List<String> problems = new ArrayList<>();
    private final List<InputNote> notes = new ArrayList<>();
    private GeometryHygiene hygiene;
    private TopologyChanges topology;

    public Dataset assemble(Map<LayerSchema, List<Feature>> layers) {
        // every geometry is cleaned in the frame the engine will project the dataset in
        org.locationtech.jts.geom.Envelope extent = new org.locationtech.jts.geom.Envelope();
        for (Feature f : layers.getOrDefault(DataContract.COMMUNITIES, List.of())) {
            if (f.geometry() != null && lonLatEnvelope(f.geometry()))
                extent.expandToInclude(f.geometry().getEnvelopeInternal());
        }
        LocalProjection frame = extent.isNull() ? null : LocalProjection.around(extent);
        hygiene = frame == null ? null : new GeometryHygiene(frame);
        topology = frame == null ? null : new TopologyChanges(frame);
        List<Community> communities = communities(layers.getOrDefault(DataContract.COMMUNITIES, List.of()));
        List<Building> buildings = buildings(layers.getOrDefault(DataContract.BUILDINGS, List.of()));
        List<Barrier> barriers = barriers(layers.getOrDefault(DataContract.BARRIERS, List.of()));
        List<Campus> campuses = campuses(layers.getOrDefault(DataContract.DEDICATED, List.of()));
        List<Hamlet> hamlets = hamlets(layers.getOrDefault(DataContract.HAMLETS, List.of()), communities);
        List<Alias> aliases = aliases(layers.getOrDefault(DataContract.ALIASES, List.of()));
        List<Poi> pois = pois(layers.getOrDefault(DataContract.POIS, List.of()));
        if (problems.isEmpty()) checkBuildingsInCommunities(buildings, communities);
        if (!problems.isEmpty()) throw new DatasetException(problems);
        return new Dataset(communities, buildings, barriers, campuses, hamlets, aliases, notes, pois);
    }

    private List<Community> communities(List<Feature> features) {
        String file = DataContract.COMMUNITIES.geoJsonFile();
        if (features.isEmpty()) problem(file, -1, null, "no communities");
        List<Community> out = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < features.size(); i++) {
            Record r = new Record(file, i, features.get(i), "code");
            String code = r.text("code", true);
            String street = r.text("street_code", true);
            String district = r.text("district_code", true);
            if (code != null && !COMMUNITY_CODE.matcher(code).matches()) r.fail("code '" + code + "' is not 12 digits");
            if (street != null && !STREET_CODE.matcher(street).matches())
                r.fail("street_code '" + street + "' is not 9 digits");
            if (district != null && !DISTRICT_CODE.matcher(district).matches())
                r.fail("district_code '" + district + "' is not 6 digits");
            if (code != null && street != null && !code.startsWith(street))
                r.fail("code " + code + " does not start with its street_code " + street);
            if (street != null && district != null && !street.startsWith(district))
                r.fail("street_code " + street + " does not start with its district_code " + district);
            if (code != null && !codes.add(code)) r.fail("duplicate community code " + code);
            CommunityKind kind = r.parse("kind", CommunityKind::parse);
            Geometry g = r.polygonal(true);
            if (r.ok)
                out.add(new Community(
                        code,
                        r.text("name", false),
                        kind,
                        street,
                        r.text("street_name", false),
                        district,
                        r.text("district_name", false),
                        g,
                        r.geometry()));
        }
        return out;
    }

    private List<Building> buildings(List<Feature> features) {
        String file = DataContract.BUILDINGS.geoJsonFile();
        if (features.isEmpty())
            problem(file, -1, null, "no buildings: the layer is empty, so there is nothing to divide into grids");
        List<Building> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < features.size(); i++) {
            Record r = new Record(file, i, features.get(i), "id");
            String id = r.text("id", true);
            if (id != null && !ids.add(id)) r.fail("duplicate building id " + id);
            Integer hh = r.count("households");
            boolean missing = r.ok && hh == null;
            if (missing) notes.add(new InputNote(file, i, id, "households missing: counted as 0"));
            BuildingUse use = r.parse("use", BuildingUse::parse);
            Integer floors = r.count("floors");
            List<Unit> units = r.units(hh);
            Geometry g = r.geometry() instanceof Point p ? p : r.polygonal(false);
            StreetAddress address = StreetAddress.of(
                    r.text("address", false),
                    r.label("road"),
                    r.label("house_number"),
                    r.label("compound_name"),
                    r.label("building_no"));
            if (r.ok)
                out.add(new Building(
                        id,
                        hh == null ? 0 : hh,
                        missing,
                        use,
                        r.text("compound_id", false),
                        floors,
                        address,
                        units,
                        g));
        }
        return out;
    }

    private List<Alias> aliases(List<Feature> features) {
        String file = DataContract.ALIASES.csvFile();
        List<Alias> out = new ArrayList<>();
        for (int i = 0; i < features.size(); i++) {
            Record r = new Record(file, i + 1, features.get(i), "alias");
            String alias = r.text("alias", true), canonical = r.text("canonical", true);
            AliasKind kind = r.parse("kind", AliasKind::parse);
            if (alias != null && alias.equals(canonical)) r.fail("alias is the same as its canonical name");
            if (r.ok) out.add(new Alias(alias.trim(), kind, canonical.trim()));
        }
        return out;
    }

    private List<Barrier> barriers(List<Feature> features) {
        String file = DataContract.BARRIERS.geoJsonFile();
        List<Barrier> out = new ArrayList<>();
        for (int i = 0; i < features.size(); i++) {
            Record r = new Record(file, i, features.get(i), null);
            BarrierKind kind = r.parse("kind", BarrierKind::parse);
            BarrierClass cls = r.parse("class", BarrierClass::parse);
            Geometry g = r.geometry();
            if (g != null && !g.getGeometryType().contains("LineString"))
                r.fail("geometry is " + g.getGeometryType() + ", expected LineString or MultiLineString");
            else if (g != null && r.lonLat(g) != null && hygiene != null) g = r.cleaned(hygiene.lineal(g));
            if (r.ok && g != null && !g.isEmpty()) out.add(new Barrier(kind, cls, r.text("name", false), g));
        }
        return out;
    }

    private List<Campus> campuses(List<Feature> features) {
        String file = DataContract.DEDICATED.geoJsonFile();
        List<Campus> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < features.size(); i++) {
            Record r = new Record(file, i, features.get(i), "id");
            String id = r.text("id", true);
            if (id != null && !ids.add(id)) r.fail("duplicate campus id " + id);
            CampusKind kind = r.parse("kind", CampusKind::parse);
            Geometry g = r.polygonal(true);
            if (r.ok) out.add(new Campus(id, r.text("name", false), kind, g));
        }
        return out;
    }

    private List<Poi> pois(List<Feature> features) {
        String file = DataContract.POIS.geoJsonFile();
        List<Poi> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < features.size(); i++) {
            Record r = new Record(file, i, features.get(i), "id");
            String id = r.text("id", true), name = r.text("name", true), kind = r.text("kind", true);
            if (id != null && !ids.add(id)) r.fail("duplicate poi id " + id);
            Geometry g = r.geometry() instanceof Point p ? r.lonLat(p) : r.polygonal(true);
            String aliases = r.text("aliases", false);
            List<String> names = aliases == null
                    ? List.of()
                    : java.util.Arrays.stream(aliases.split("[;；]"))
                            .map(String::trim)
                            .filter(a -> !a.isEmpty())
                            .toList();
            if (r.ok) out.add(new Poi(id, name.trim(), kind.trim(), names, g));
        }
        return out;
    }

    private List<Hamlet> hamlets(List<Feature> features, List<Community> communities) {
        String file = DataContract.HAMLETS.geoJsonFile();
        Set<String> codes = new HashSet<>();
        communities.forEach(c -> codes.add(c.code()));
        List<Hamlet> out = new ArrayList<>();
        for (int i = 0; i < features.size(); i++) {
            Record r = new Record(file, i, features.get(i), "id");
            String id = r.text("id", true);
            Integer hh = r.count("households");
            String cc = r.text("community_code", true);
            if (cc != null && !codes.contains(cc))
                r.fail("community_code " + cc + " is not a community of the dataset");
            Geometry g = r.geometry() instanceof Point p ? r.lonLat(p) : r.polygonal(false);
            if (r.ok) out.add(new Hamlet(id, r.text("name", false), hh == null ? 0 : hh, cc, g));
        }
        return out;
    }

    /**
     * DATA.md: a building belongs to the community that contains its centroid; one in none is an
     * error. When most centres lie in none but would lie in one with lon and lat swapped, the layer
     * is in lat,lon order: that is said once, instead of a problem per building.
     */
    private void checkBuildingsInCommunities(List<Building> buildings, List<Community> communities) {
        CommunityFinder in = new CommunityFinder(communities);
        List<Integer> outside = new ArrayList<>();
        for (int i = 0; i < buildings.size(); i++)
            if (!in.contains(buildings.get(i).geometry().getCentroid().getCoordinate())) outside.add(i);
        if (outside.size() * 2 > buildings.size()) {
            long swapped = outside.stream()
                    .filter(i -> {
                        Coordinate c = buildings.get(i).geometry().getCentroid().getCoordinate();
                        return in.contains(new Coordinate(c.y, c.x));
                    })
                    .count();
            if (swapped * 2 > outside.size()) {
                problem(
                        DataContract.BUILDINGS.geoJsonFile(),
                        -1,
                        null,
                        outside.size() + " of " + buildings.size() + " building centres lie outside every community "
                                + "but inside one with lon and lat swapped: the file is in lat,lon order; write lon,lat (RFC 7946)");
                return;
            }
        }
        for (int i : outside) {
            Building b = buildings.get(i);
            Coordinate p = b.geometry().getCentroid().getCoordinate();
            problem(
                    DataContract.BUILDINGS.geoJsonFile(),
                    i,
                    b.id(),
                    "centroid (" + p.x + ", " + p.y + ") is outside every community");
        }
    }

    /** Which points lie in a community (boundary included). */
    private static final class CommunityFinder {
        private final STRtree index = new STRtree();
        private final Map<Community, IndexedPointInAreaLocator> locators = new HashMap<>();

        CommunityFinder(List<Community> communities) {
            for (Community c : communities) index.insert(c.geometry().getEnvelopeInternal(), c);
        }

        boolean contains(Coordinate p) {
            for (Object o : index.query(new org.locationtech.jts.geom.Envelope(p))) {
                Community c = (Community) o;
                if (locators.computeIfAbsent(c, k -> new IndexedPointInAreaLocator(k.geometry()))
                                .locate(p)
                        != Location.EXTERIOR) return true;
            }
            return false;
        }
    }

    private void problem(String file, int index, String id, String what) {
        if (problems.size() < MAX_PROBLEMS) {
            String record = file.endsWith(".csv") ? " record " : " feature ";
            problems.add(
                    file + (index >= 0 ? record + index : "") + (id == null ? "" : " (id " + id + ")") + ": " + what);
        }
    }

    /** One feature being validated: accessors record problems instead of throwing. */
    private final class Record {
        final String file;
        final int index;
        final Feature f;
        final String id;
        boolean ok = true;

        Record(String file, int index, Feature f, String idField) {
            this.file = file;
            this.index = index;
            this.f = f;
            Object v = idField == null ? null : f.properties().get(idField);
            this.id = v == null ? null : v.toString();
        }

        void fail(String what) {
            ok = false;
            problem(file, index, id, what);
        }

        String text(String field, boolean required) {
            Object v = f.properties().get(field);
            if (v == null || v.toString().isBlank()) {
                if (required) fail("missing " + field);
                return null;
            }
            if (v instanceof Map || v instanceof List) {
                fail(field + " is not a string");
                return null;
            }
            return v.toString();
        }

        /** An address part: text, or a whole number as planners' tables often hold house and building numbers. */
        String label(String field) {
            Object v = f.properties().get(field);
            if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()))
                return Long.toString(n.longValue());
            String s = text(field, false);
            return s == null ? null : s.trim();
        }

        <E> E parse(String field, java.util.function.Function<String, E> parser) {
            String s = text(field, true);
            if (s == null) return null;
            try {
                return parser.apply(s);
            } catch (IllegalArgumentException e) {
                fail(field + " " + e.getMessage());
                return null;
            }
        }

        /** A non-negative integer, or null when absent. */
        Integer count(String field) {
            Object v = f.properties().get(field);
            if (v == null) return null;
            if (v instanceof Number n
                    && n.doubleValue() == Math.rint(n.doubleValue())
                    && n.doubleValue() >= 0
                    && n.doubleValue() <= Integer.MAX_VALUE) {
                return n.intValue();
            }
            fail(field + " must be an integer >= 0, got " + v);
            return null;
        }

        List<Unit> units(Integer households) {
            Object v = f.properties().get("units");
            if (v == null) return List.of();
            if (!(v instanceof List<?> list)) {
                fail("units is not an array");
                return List.of();
            }
            List<Unit> units = new ArrayList<>();
            Set<String> names = new HashSet<>();
            int sum = 0;
            for (Object o : list) {
                if (!(o instanceof Map<?, ?> m)
                        || m.get("unit") == null
                        || !(m.get("households") instanceof Number n)
                        || n.intValue() < 0
                        || n.doubleValue() != n.intValue()) {
                    fail("units entry " + o + " is not {\"unit\": ..., \"households\": integer >= 0}");
                    return List.of();
                }
                String name = m.get("unit").toString();
                if (!names.add(name)) fail("unit " + name + " appears twice");
                units.add(new Unit(name, n.intValue()));
                sum += n.intValue();
            }
            if (households != null && !units.isEmpty() && sum != households) {
                fail("units add up to " + sum + " households but the building has " + households);
            }
            return units;
        }

        Geometry geometry() {
            if (f.geometry() == null || f.geometry().isEmpty()) {
                fail("missing geometry");
                return null;
            }
            return f.geometry();
        }

        /** Checks the coordinates are lon/lat; returns the geometry or null. */
        <G extends Geometry> G lonLat(G g) {
            for (Coordinate c : g.getCoordinates()) {
                if (!Double.isFinite(c.x) || !Double.isFinite(c.y)) {
                    fail("coordinate is not a finite number");
                    return null;
                }
                if (Math.abs(c.x) > 180 || Math.abs(c.y) > 90) {
                    fail(String.format(
                            "coordinates are not lon/lat: (%s, %s) is out of range%s",
                            c.x, c.y, ProjectedGuess.describe(c.x, c.y)));
                    return null;
                }
            }
            return g;
        }

        /** A valid Polygon or MultiPolygon in lon/lat, repaired (and noted) where a repair keeps its area. */
        Geometry polygonal(boolean multiAllowed) {
            Geometry g = geometry();
            if (g == null || lonLat(g) == null) return null;
            if (!(g instanceof Polygonal)) {
                fail("geometry is " + g.getGeometryType() + ", expected "
                        + (multiAllowed ? "Polygon or MultiPolygon" : "Polygon"));
                return null;
            }
            if (g instanceof MultiPolygon mp && mp.getNumGeometries() == 1) g = mp.getGeometryN(0);
            IsValidOp op = new IsValidOp(g);
            if (!op.isValid()) {
                TopologyValidationError err = op.getValidationError();
                Geometry fixed = GeometryFixer.fix(g);
                double before = Math.abs(signedArea(g));
                boolean keeps = fixed instanceof Polygonal
                        && !fixed.isEmpty()
                        && before > 0
                        && Math.abs(fixed.getArea() - before) <= REPAIR_AREA_TOLERANCE * before;
                if (!keeps) {
                    fail("invalid polygon: " + err.getMessage() + " at " + err.getCoordinate()
                            + " (cannot be repaired without changing its area)");
                    return null;
                }
                notes.add(new InputNote(
                        file,
                        index,
                        id,
                        "repaired invalid polygon (" + err.getMessage() + " at " + err.getCoordinate() + ")"));
                g = fixed instanceof MultiPolygon mp && mp.getNumGeometries() == 1 ? mp.getGeometryN(0) : fixed;
            }
            if (hygiene != null) {
                double before = g.getArea();
                g = cleaned(hygiene.polygonal(g));
                if (g == null) return null;
                if (g.isEmpty()) {
                    fail("nothing of this polygon is thicker than " + (int) (GeometryHygiene.THIN * 1000) + " mm");
                    return null;
                }
                if (Math.abs(g.getArea() - before) > REPAIR_AREA_TOLERANCE * before) {
                    fail("cleaning its spikes and slivers would change its area by more than 1%: check its rings");
                    return null;
                }
            }
            if (!multiAllowed && !(g instanceof Polygon)) {
                fail("geometry is a MultiPolygon of " + g.getNumGeometries() + " parts, expected one Polygon");
                return null;
            }
            if (topology != null && g != f.geometry()) noteTopology(topology.between(f.geometry(), g));
            return g;
        }

        /** Where repair and cleaning changed the feature's topology, for the report (DATA.md: never silently). */
        void noteTopology(List<TopologyChanges.Change> changes) {
            if (changes.isEmpty()) return;
            String label = id != null ? id : "#" + index;
            List<TopologyChange> entries = changes.stream()
                    .map(c -> new TopologyChange(label, c.kind().wireName, c.where().x, c.where().y, c.widthM()))
                    .toList();
            notes.add(new InputNote(
                    file,
                    index,
                    id,
                    "topology changed at the 1 mm working precision: "
                            + String.join(
                                    "; ",
                                    entries.stream()
                                            .map(TopologyChange::toString)
                                            .toList()),
                    List.of(),
                    entries));
        }

        /** The cleaned geometry, its repairs noted for the report. */
        Geometry cleaned(GeometryHygiene.Cleaned c) {
            if (!c.changed()) return c.geometry();
            List<String> names = c.repairs().stream().map(x -> x.wireName).toList();
            notes.add(new InputNote(
                    file, index, id, "cleaned at the 1 mm working precision: " + String.join(", ", names), names));
            return c.geometry();
        }
    }

    private static boolean lonLatEnvelope(Geometry g) {
        org.locationtech.jts.geom.Envelope e = g.getEnvelopeInternal();
        return !e.isNull()
                && Math.abs(e.getMinX()) <= 180
                && Math.abs(e.getMaxX()) <= 180
                && Math.abs(e.getMinY()) <= 90
                && Math.abs(e.getMaxY()) <= 90;
    }

    /** Area as the rings say it (shell minus holes), so a bow-tie's cancelling halves are not mistaken for its area. */
    private static double signedArea(Geometry g) {
        double a = 0;
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Polygon p = (Polygon) g.getGeometryN(i);
            a += org.locationtech.jts.algorithm.Area.ofRingSigned(
                    p.getExteriorRing().getCoordinateSequence());
            for (int h = 0; h < p.getNumInteriorRing(); h++) {
                a -= org.locationtech.jts.algorithm.Area.ofRingSigned(
                        p.getInteriorRingN(h).getCoordinateSequence());
            }
        }
        return a;
    }
}
