package org.gridatlas.engine.lookup.address;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridatlas.engine.geom.Geoms;
import org.gridatlas.engine.lookup.GridLocator;
import org.gridatlas.engine.lookup.PointInGridIndex;
import org.gridatlas.engine.model.Alias;
import org.gridatlas.engine.model.Assignment;
import org.gridatlas.engine.model.Barrier;
import org.gridatlas.engine.model.BarrierKind;
import org.gridatlas.engine.model.Building;
import org.gridatlas.engine.model.BuildingKey;
import org.gridatlas.engine.model.Community;
import org.gridatlas.engine.model.Grid;
import org.gridatlas.engine.model.GridLevel;
import org.gridatlas.engine.model.Poi;
import org.gridatlas.engine.model.StreetAddress;
import org.gridatlas.engine.model.Unit;
import org.locationtech.jts.geom.Geometry;

/**
 * The dataset's own names, as addresses use them: districts, streets, communities, roads and
 * compounds (with their aliases and the short forms people say, 建设里 for 建设里小区), the house
 * numbers on each road, the buildings of each compound by number, and the grid of every building
 * and unit. Exact names are found by dictionary; names written with a missing or wrong character
 * are retrieved from an index of one-edit variants and then checked by edit distance.
 */
public final class Gazetteer {
    public enum Kind {
        DISTRICT,
        STREET,
        COMMUNITY,
        ROAD,
        COMPOUND,
        LANDMARK
    }

    /**
     * A building with where it lies and its grid, or its units' grids when it is divided between
     * grids; its road, house number, building number and units as addresses are read (normalised
     * once, here, not per appeal).
     */
    public record Addressed(
            Building building,
            String communityCode,
            String grid,
            Map<String, String> unitGrids,
            String road,
            String house,
            String buildingNo,
            Set<String> units) {
        /** Every grid the building (or, when given, its unit) lies in. */
        public Set<String> grids(String unit) {
            if (grid != null) return Set.of(grid);
            if (unit != null && unitGrids.containsKey(unit)) return Set.of(unitGrids.get(unit));
            return new LinkedHashSet<>(unitGrids.values());
        }

        boolean hasUnit(String unit) {
            return units.contains(unit);
        }
    }

    /**
     * A named place. {@code code}: the community's code (communities, compounds), the street's, or
     * the district's; null for a road. {@code numbered}: a road's doors by house number, a
     * compound's buildings by building number, a village's houses by number.
     */
    public static final class Place {
        final Kind kind;
        final String name;
        final String code;
        final List<Addressed> buildings = new ArrayList<>();
        final Map<String, List<Addressed>> numbered = new HashMap<>();
        /** A road's lines, a landmark's point or outline, in lon/lat; null when the dataset has none. */
        Geometry geometry;
        /** A landmark's kind (school, hospital …). */
        String landmarkKind;

        Place(Kind kind, String name, String code) {
            this.kind = kind;
            this.name = name;
            this.code = code;
        }

        public Kind kind() {
            return kind;
        }

        public String name() {
            return name;
        }

        public String code() {
            return code;
        }
    }

    /** How a name names its place: its own name, an alias (aliases.csv), or the short form people say. */
    enum Form {
        OWN,
        ALIAS,
        SHORT
    }

    /** A name as written in text, and how it names the place. */
    record NameRef(Place place, Form form) {}

    private static final int MIN_NAME = 2;

    final Map<String, List<NameRef>> names = new HashMap<>();
    /** The names by their characters, for spotting them in a text. */
    private final NameTrie trie = new NameTrie();

    final Map<String, List<Addressed>> byFullAddress = new HashMap<>();
    final Map<String, List<String>> gridsOfCommunity = new HashMap<>();
    final Map<String, List<String>> gridsOfStreet = new HashMap<>();
    final Map<String, Community> communities = new HashMap<>();
    /** The grid of a point: where crossings and landmarks lead. */
    final GridLocator locator;
    /** Where the named roads meet. */
    final Crossings crossings;

    private final OneEditIndex oneEdit;

    public Gazetteer(
            List<Community> communityList,
            List<Building> buildings,
            List<Alias> aliases,
            List<Grid> grids,
            List<Assignment> assignments) {
        this(communityList, buildings, aliases, grids, assignments, List.of(), List.of());
    }

    /** With the named road lines of {@code barriers} (for crossings) and the landmarks people point at. */
    public Gazetteer(
            List<Community> communityList,
            List<Building> buildings,
            List<Alias> aliases,
            List<Grid> grids,
            List<Assignment> assignments,
            List<Barrier> barriers,
            List<Poi> pois) {
        this.locator = new PointInGridIndex(
                grids.stream().filter(g -> g.geometry() != null).toList(), GridLevel.GRID);
        Map<String, Grid> gridByCode = new HashMap<>();
        for (Grid g : grids) {
            gridByCode.put(g.code(), g);
            if (g.level() != GridLevel.GRID) continue;
            gridsOfCommunity
                    .computeIfAbsent(g.communityCode(), k -> new ArrayList<>())
                    .add(g.code());
            gridsOfStreet
                    .computeIfAbsent(g.streetCode(), k -> new ArrayList<>())
                    .add(g.code());
        }
        gridsOfCommunity.values().forEach(l -> l.sort(null));
        gridsOfStreet.values().forEach(l -> l.sort(null));
        Map<String, String> gridOfKey = new HashMap<>();
        for (Assignment a : assignments) gridOfKey.put(a.buildingKey(), a.gridCode());

        Map<String, Place> communityPlaces = new HashMap<>(),
                roads = new LinkedHashMap<>(),
                compounds = new LinkedHashMap<>();
        Set<String> streets = new java.util.HashSet<>(), districts = new java.util.HashSet<>();
        for (Community c : communityList) {
            communities.put(c.code(), c);
            Place p = new Place(Kind.COMMUNITY, c.name(), c.code());
            communityPlaces.put(c.code(), p);
            if (c.name() != null) {
                add(c.name(), p, Form.OWN);
                for (String suffix : new String[] {"社区", "居委会", "村委会", "村民委员会"}) {
                    if (c.name().endsWith(suffix) && c.name().length() - suffix.length() >= MIN_NAME)
                        add(c.name().substring(0, c.name().length() - suffix.length()), p, Form.SHORT);
                }
            }
            if (c.streetName() != null && streets.add(c.streetCode()))
                add(c.streetName(), new Place(Kind.STREET, c.streetName(), c.streetCode()), Form.OWN);
            if (c.districtName() != null && districts.add(c.districtCode()))
                add(c.districtName(), new Place(Kind.DISTRICT, c.districtName(), c.districtCode()), Form.OWN);
        }
        for (Building b : buildings) {
            StreetAddress a = b.address();
            if (a == null) continue;
            Grid g = gridByCode.get(gridOfKey.get(b.id()));
            Map<String, String> unitGrids = new LinkedHashMap<>();
            for (Unit u : b.units()) {
                String grid = gridOfKey.get(BuildingKey.unit(b.id(), u.unit()).toString());
                if (grid != null) unitGrids.put(number(u.unit()), grid);
            }
            String community = g != null
                    ? g.communityCode()
                    : unitGrids.isEmpty()
                            ? null
                            : gridByCode
                                    .get(unitGrids.values().iterator().next())
                                    .communityCode();
            if (g == null && unitGrids.isEmpty()) continue; // not in any grid: nothing to send an appeal to
            Set<String> units = new java.util.HashSet<>();
            b.units().forEach(u -> units.add(number(u.unit())));
            Addressed ad = new Addressed(
                    b,
                    community,
                    g == null ? null : g.code(),
                    Map.copyOf(unitGrids),
                    a.road() == null ? null : AddressText.normalise(a.road()),
                    a.houseNumber() == null ? null : number(a.houseNumber()),
                    a.buildingNo() == null ? null : number(a.buildingNo()),
                    Set.copyOf(units));
            if (a.full() != null)
                byFullAddress
                        .computeIfAbsent(AddressText.normalise(a.full()), k -> new ArrayList<>())
                        .add(ad);
            String house = ad.house();
            if (a.road() != null) {
                Place road = roads.computeIfAbsent(ad.road(), k -> new Place(Kind.ROAD, k, null));
                road.buildings.add(ad);
                if (house != null)
                    road.numbered.computeIfAbsent(house, k -> new ArrayList<>()).add(ad);
            } else if (house != null && communityPlaces.containsKey(community)) {
                communityPlaces
                        .get(community)
                        .numbered
                        .computeIfAbsent(house, k -> new ArrayList<>())
                        .add(ad);
            }
            if (a.compoundName() != null && community != null) {
                String name = AddressText.normalise(a.compoundName());
                Place compound = compounds.computeIfAbsent(
                        community + "|" + name, k -> new Place(Kind.COMPOUND, name, community));
                compound.buildings.add(ad);
                if (a.buildingNo() != null)
                    compound.numbered
                            .computeIfAbsent(ad.buildingNo(), k -> new ArrayList<>())
                            .add(ad);
            }
        }
        Map<String, List<Geometry>> lines = new HashMap<>();
        for (Barrier b : barriers)
            if (b.kind() == BarrierKind.ROAD && b.name() != null && !b.name().isBlank())
                lines.computeIfAbsent(AddressText.normalise(b.name()), k -> new ArrayList<>())
                        .add(b.geometry());
        lines.forEach((name, parts) -> roads.computeIfAbsent(name, k -> new Place(Kind.ROAD, k, null)).geometry =
                Geoms.LONLAT.buildGeometry(parts));
        this.crossings = new Crossings(lines);
        for (Place r : roads.values()) add(r.name, r, Form.OWN);
        for (Poi poi : pois) {
            if (poi.name() == null || poi.geometry() == null) continue;
            Place p = new Place(Kind.LANDMARK, AddressText.normalise(poi.name()), null);
            p.geometry = poi.geometry();
            p.landmarkKind = poi.kind();
            add(poi.name(), p, Form.OWN);
            for (String alias : poi.aliases()) add(alias, p, Form.ALIAS);
        }
        for (Place c : compounds.values()) {
            add(c.name, c, Form.OWN);
            if (c.name.endsWith("小区") && c.name.length() - 2 >= MIN_NAME)
                add(c.name.substring(0, c.name.length() - 2), c, Form.SHORT);
        }
        for (Alias a : aliases) {
            String canonical = AddressText.normalise(a.canonical());
            List<Place> targets = switch (a.kind()) {
                case ROAD -> roads.containsKey(canonical) ? List.of(roads.get(canonical)) : List.of();
                case COMPOUND ->
                    compounds.values().stream()
                            .filter(p -> p.name.equals(canonical))
                            .toList();
                case COMMUNITY ->
                    communityPlaces.values().stream()
                            .filter(p -> canonical.equals(p.name))
                            .toList();
            };
            for (Place p : targets) add(a.alias(), p, Form.ALIAS);
        }
        names.forEach(trie::add);
        // a two-character name is only ever matched exactly
        this.oneEdit = new OneEditIndex(
                names.keySet().stream().filter(n -> n.length() >= 3).toList());
    }

    private void add(String rawName, Place p, Form form) {
        String name = AddressText.normalise(rawName);
        if (name.length() < MIN_NAME) return;
        List<NameRef> refs = names.computeIfAbsent(name, k -> new ArrayList<>(1));
        for (NameRef r : refs) if (r.place() == p) return;
        refs.add(new NameRef(p, form));
    }

    /**
     * The longest name of the gazetteer that starts at {@code from} in {@code text}, or null. A
     * short form (安居 for 安居小区) counts only where the name ends, before a number or a sign:
     * followed by more characters it is likely the start of another name (安居花园).
     */
    NameTrie.Node longestNameAt(String text, int from) {
        NameTrie.Node longest = null;
        NameTrie.Node n = trie.root;
        for (int i = from; i < text.length() && (n = n.child(text.charAt(i))) != null; i++) {
            if (n.name == null || i + 1 - from < MIN_NAME) continue;
            boolean ends = i + 1 == text.length() || !Character.isLetter(text.charAt(i + 1));
            if (ends || n.ownName) longest = n;
        }
        return longest;
    }

    /**
     * Names that {@code text} may contain with a character missing, extra or wrong: every name
     * one edit from a stretch of it (all of them, so each rival is seen; a long name written with
     * two edits is not retrieved), each with the fewest edits that make it a substring of the text. A name is {@code accepted} within what its length allows, or one edit away when the
     * edit left a character out or typed a homophone (杨光 for 阳光); the others one edit away are
     * only rivals, which keep an accepted name from being taken as the one meant.
     */
    List<Fuzzy> similarNames(String text) {
        List<Fuzzy> out = new ArrayList<>();
        for (String name : oneEdit.candidates(text)) {
            if (EditDistance.absent(name, text) > 2) continue; // each character the text lacks is an edit
            int d = EditDistance.inText(name, text);
            if (d == 0 || d > 2) continue; // found exactly, or further than any name may be written
            boolean accepted = d <= EditDistance.allowed(name, text)
                    || d == 1 && (EditDistance.oneDropped(name, text) || Homophones.oneSwapped(name, text));
            if (accepted || d == 1) out.add(new Fuzzy(name, d, accepted));
        }
        return out;
    }

    record Fuzzy(String name, int edits, boolean accepted) {}

    List<NameRef> refs(String name) {
        return names.getOrDefault(name, List.of());
    }

    /** A house, building or unit number as digits and dashes: "128号" → "128", "3号楼" → "3", "2单元" → "2". */
    static String number(String raw) {
        String s = AddressText.normalise(raw);
        for (String suffix : new String[] {"号楼", "号院", "单元", "号", "栋", "幢", "座", "#", "门"}) {
            if (s.endsWith(suffix) && s.length() > suffix.length()) return s.substring(0, s.length() - suffix.length());
        }
        return s;
    }
}
