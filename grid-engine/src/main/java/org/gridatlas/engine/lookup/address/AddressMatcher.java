package org.gridatlas.engine.lookup.address;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gridatlas.engine.lookup.address.Gazetteer.Addressed;
import org.gridatlas.engine.lookup.address.Gazetteer.Kind;
import org.gridatlas.engine.lookup.address.Gazetteer.NameRef;
import org.gridatlas.engine.lookup.address.Gazetteer.Place;
import org.gridatlas.engine.model.Community;

/**
 * Reads a free-text address the way an operator does: finds the gazetteer's names in it (exactly,
 * or with a character missing or wrong), reads the numbers that follow each name as the door,
 * building, unit, floor and room, ignores the words around the address (市民来电反映…门口…), and
 * matches as far down as the text allows. It never guesses: a name several places share, a door
 * that is not on the road, a compound divided between grids without the building named — each
 * answers without a grid, with the candidates and the reason.
 */
public final class AddressMatcher {
    private static final double FUZZY_FACTOR = 0.85, SHORT_NAME_FACTOR = 0.95, DISAGREEMENT_FACTOR = 0.6;
    /** Characters a place name ends with: a gap ending in one may be a misspelt name. */
    private static final String NAME_ENDINGS = "路街巷道里区园苑院村城居厦寓邸湾府庭期镇";

    private static final String DOOR_PREFIXES = "甲乙丙丁";
    private static final String[] MARKERS = {
        "号楼", "号院", "号门", "单元", "号", "栋", "幢", "座", "#", "门", "层", "楼", "室", "户", "组"
    };
    private static final Pattern PROVINCE_CITY =
            Pattern.compile("(\\p{IsHan}{2,3}(?:省|自治区)|北京市|天津市|上海市|重庆市)?(\\p{IsHan}{2,4}?市)?$");
    private static final Pattern ROAD_ENDING = Pattern.compile("(?:路|(?<!街)街|大道|巷|胡同)$");
    private static final Pattern UNKNOWN_ROAD = Pattern.compile("(\\p{IsHan}{2,6}?(?:路|街|大街|大道|巷|胡同))\\d+号");

    /** Words after two roads that make them a crossing: 交叉口, 交汇处, 路口, 十字路口, and 口 alone (A路B街口). */
    private static final Pattern CROSSING_WORD = Pattern.compile("^(?:交叉路口|交叉口|交汇处|交汇口|交口|十字路口|丁字路口|路口|口)");
    /** Between two roads of a crossing: nothing, or a word joining them. */
    private static final Pattern CONNECTOR = Pattern.compile("^(?:与|和|跟|同|及|、|/|-)?$");
    /** A position around a crossing or a landmark: 东北角, 北门, 东侧, 西面 … */
    private static final Pattern POSITION = Pattern.compile("^(?:的)?(东北|西北|东南|西南|东|西|南|北)(?:角|门|侧|面|边)");

    private final Gazetteer gazetteer;
    private final Surroundings surroundings;

    public AddressMatcher(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
        this.surroundings = new Surroundings(gazetteer.locator);
    }

    /** A name found in the text: its places (several when they share it), and the edits it took (0: exact). */
    private record Spot(int start, int end, List<NameRef> refs, int edits) {
        boolean has(Kind k) {
            for (NameRef r : refs) if (r.place().kind() == k) return true;
            return false;
        }

        List<Place> places(Kind k) {
            return refs.stream()
                    .filter(r -> r.place().kind() == k)
                    .map(NameRef::place)
                    .toList();
        }

        boolean shortName(Kind k) {
            return refs.stream().anyMatch(r -> r.place().kind() == k && r.form() == Gazetteer.Form.SHORT);
        }
    }

    /** A road's name the gazetteer does not have (光明北路), as the text writes it. */
    private record UnknownRoad(int start, int end, String name) {}

    /** A number in the text with its parts (3-2-401 has three) and the word after it (号楼, 单元 …, "" for none). */
    private record Num(int start, int end, List<String> parts, String marker) {}

    /** The caller's home in a ticket (来电人家住…，): set aside when the rest of the text names the place of the problem. */
    private static final Pattern HOME = Pattern.compile("(?:来电人|本人|我)?(?:家住|住在|居住在|居住于|家庭住址|住址)[^,。;!?]*[,。;!?]");

    public AddressMatch match(String raw) {
        String text = AddressText.normalise(raw == null ? "" : raw);
        Matcher home = text.indexOf('住') < 0 ? null : HOME.matcher(text); // every word of HOME has 住
        if (home != null && home.find()) {
            AddressMatch problem = matchText(text.substring(0, home.start()) + text.substring(home.end()));
            if (problem.level() != MatchLevel.NONE) return problem;
        }
        return matchText(text);
    }

    private AddressMatch matchText(String text) {
        if (text.isEmpty()) return none(new Reading(), "the address is empty");
        List<Addressed> exact = gazetteer.byFullAddress.get(text);
        if (exact != null) return byFullAddress(exact);
        List<Object> items = scan(text);
        Reading r = read(items, text);
        return judged(resolve(r, text), r);
    }

    /**
     * The one place a grid is withheld: when any part of the text that names something disagrees
     * with the match (a road the city lacks, a building or door the place does not have, a
     * community elsewhere), the grids the match leads to become candidates, with the reasons.
     */
    private static AddressMatch judged(AddressMatch m, Reading r) {
        if (r.contradictions.isEmpty()) return m;
        List<String> candidates =
                m.candidates().isEmpty() && m.gridCode() != null ? List.of(m.gridCode()) : m.candidates();
        String why = String.join("; ", r.contradictions) + (m.reason() == null ? "" : "; " + m.reason());
        return new AddressMatch(
                m.level(),
                round(m.confidence() * DISAGREEMENT_FACTOR),
                null,
                candidates,
                m.parsed(),
                m.buildingId(),
                m.communityCode(),
                m.alternatives(),
                m.notes(),
                why);
    }

    // ---- reading the text ----

    private List<Object> scan(String t) {
        List<Object> items = new ArrayList<>();
        int gapStart = -1;
        for (int i = 0; i < t.length(); ) {
            char c = t.charAt(i);
            if (Character.isDigit(c)) {
                // 甲128号: a door numbered with a prefix (甲, 乙 …) right after the road's name
                boolean prefixed = i > 0
                        && gapStart == i - 1
                        && DOOR_PREFIXES.indexOf(t.charAt(i - 1)) >= 0
                        && !items.isEmpty()
                        && items.get(items.size() - 1) instanceof Spot s
                        && s.end() == i - 1;
                if (!prefixed) flushGap(t, gapStart, i, true, items);
                gapStart = -1;
                int end = i;
                List<String> parts = new ArrayList<>(3);
                while (true) {
                    int s = end;
                    while (end < t.length() && Character.isDigit(t.charAt(end))) end++;
                    parts.add((prefixed && parts.isEmpty() ? t.substring(i - 1, i) : "") + t.substring(s, end));
                    if (end + 1 < t.length() && t.charAt(end) == '-' && Character.isDigit(t.charAt(end + 1))) end++;
                    else break;
                }
                String marker = "";
                for (String m : MARKERS)
                    if (t.startsWith(m, end)) {
                        marker = m;
                        break;
                    }
                // 59号楼下, 392号楼道: the door's 号, then 楼下 (downstairs), 楼道 (the stairwell)
                if (marker.equals("号楼") && end + 2 < t.length() && "道下上前后顶梯".indexOf(t.charAt(end + 2)) >= 0)
                    marker = "号";
                // 902门口, 128号门前: the front of the door, not entrance (门) number so-and-so
                if (marker.endsWith("门")
                        && end + marker.length() < t.length()
                        && "口前外".indexOf(t.charAt(end + marker.length())) >= 0) {
                    marker = marker.substring(0, marker.length() - 1);
                }
                items.add(new Num(i, end + marker.length(), parts, marker));
                i = end + marker.length();
            } else if (!Character.isLetter(c)) {
                flushGap(t, gapStart, i, false, items);
                gapStart = -1;
                i++;
            } else {
                NameTrie.Node name = gazetteer.longestNameAt(t, i);
                // a weak name inside other characters (天府大道) is more likely part of an unknown name
                if (name != null && name.weak() && gapStart >= 0 && !endsWithLeadIn(t, gapStart, i)) name = null;
                if (name != null) {
                    flushGap(t, gapStart, i, false, items);
                    gapStart = -1;
                    items.add(new Spot(i, i + name.name.length(), name.refs, 0));
                    i += name.name.length();
                } else {
                    if (gapStart < 0) gapStart = i;
                    i++;
                }
            }
        }
        flushGap(t, gapStart, t.length(), false, items);
        return items;
    }

    /** Words that lead into an address in an appeal (…反映, …投诉, 在…, 家住…): a name may start right after them. */
    private static final String[] LEAD_INS = {
        "反映", "反应", "来电", "人称", "称", "投诉", "举报", "上报", "报告", "报称", "位于", "地址", "地点", "家住", "住在", "居住", "在", "到", "于",
        "至", "是", "的", "咨询", "求助", "诉求", "市民", "群众", "居民"
    };

    private static boolean endsWithLeadIn(String t, int from, int to) {
        for (String w : LEAD_INS) if (to - from >= w.length() && t.startsWith(w, to - w.length())) return true;
        return false;
    }

    /**
     * Text between names and numbers. When it stands where a name would (before a number, or
     * ending like a place name) it may be a misspelt name: the closest names are looked up, and
     * kept only when one name, or names of one reading, are closest.
     */
    private void flushGap(String t, int start, int end, boolean beforeNumber, List<Object> items) {
        if (start < 0) return;
        Spot before =
                items.isEmpty() || !(items.get(items.size() - 1) instanceof Spot s) || s.end() != start ? null : s;
        if (before != null && beforeNumber && end - start <= 2) {
            // 滨河花园二2号楼: characters left between a name and its number may be the rest of a longer name
            // (滨河花园二期) written with one missing; then the text means either, and says neither
            String name = t.substring(before.start(), before.end());
            List<NameRef> longer = closest(gazetteer.similarNames(t.substring(before.start(), end)), name.length());
            if (!longer.isEmpty()) {
                List<NameRef> both = new ArrayList<>(before.refs());
                longer.forEach(r -> {
                    if (!both.contains(r)) both.add(r);
                });
                items.set(items.size() - 1, new Spot(before.start(), end, both, 1));
            }
            return;
        }
        if (end - start < 2) return;
        String gap = t.substring(start, end);
        if (!beforeNumber && NAME_ENDINGS.indexOf(gap.charAt(gap.length() - 1)) < 0) return;
        List<Gazetteer.Fuzzy> found = gazetteer.similarNames(gap);
        List<NameRef> refs = closest(found, 0);
        if (!refs.isEmpty()) {
            withRivals(refs, found, gap);
            items.add(new Spot(
                    start,
                    end,
                    refs,
                    found.stream()
                            .filter(Gazetteer.Fuzzy::accepted)
                            .mapToInt(Gazetteer.Fuzzy::edits)
                            .min()
                            .getAsInt()));
        } else {
            String road = unknownRoad(gap);
            if (road != null) items.add(new UnknownRoad(end - road.length(), end, road));
        }
    }

    /** The road a stretch of text ends with when it is written like one (3 characters or more, ending 路, 街 …), after the words that lead in. */
    private static String unknownRoad(String gap) {
        if (!ROAD_ENDING.matcher(gap).find()) return null;
        int from = 0;
        for (String w : LEAD_INS) {
            int at = gap.lastIndexOf(w);
            if (at >= 0) from = Math.max(from, at + w.length());
        }
        String name = gap.substring(from);
        return name.length() >= 3 ? name : null;
    }

    /**
     * The places of the names that match most of the text (most characters less edits: 乐业新村二期 over
     * 乐业新村 in 乐业心村二期) among those longer than {@code longerThan}; several when they tie.
     */
    private List<NameRef> closest(List<Gazetteer.Fuzzy> found, int longerThan) {
        int best = Integer.MIN_VALUE;
        for (Gazetteer.Fuzzy f : found)
            if (f.accepted() && f.name().length() > longerThan)
                best = Math.max(best, f.name().length() - 2 * f.edits());
        List<NameRef> refs = new ArrayList<>();
        for (Gazetteer.Fuzzy f : found) {
            if (f.accepted() && f.name().length() > longerThan && f.name().length() - 2 * f.edits() == best)
                refs.addAll(gazetteer.refs(f.name()));
        }
        return refs;
    }

    /**
     * A misspelt name is taken only when no other name of its kind fits what was written as well
     * (one edit from it): 阳光北 is 阳光北区 with a character left out or 阳光苑 with one wrong, so both
     * are kept and the text means neither. A name that fits only a part of what was written (阳光苑
     * in 阳光花圆, by the 阳光 in it) is no rival, nor is a phase of the name (乐业新村二期 beside 乐业新村).
     */
    private void withRivals(List<NameRef> refs, List<Gazetteer.Fuzzy> found, String gap) {
        Set<Kind> kinds = new java.util.HashSet<>();
        Set<String> chosen = new java.util.HashSet<>();
        refs.forEach(r -> {
            kinds.add(r.place().kind());
            chosen.add(r.place().name());
        });
        List<String> written = new ArrayList<>();
        for (Gazetteer.Fuzzy f : found)
            if (f.accepted() && gazetteer.refs(f.name()).stream().anyMatch(refs::contains)) {
                chosen.add(f.name());
                written.add(EditDistance.written(f.name(), gap));
            }
        for (Gazetteer.Fuzzy f : found) {
            if (chosen.contains(f.name())) continue;
            if (chosen.stream().anyMatch(c -> c.startsWith(f.name()) || f.name().startsWith(c))) continue;
            if (written.stream().noneMatch(w -> EditDistance.between(f.name(), w) <= 1)) continue;
            for (NameRef r : gazetteer.refs(f.name()))
                if (kinds.contains(r.place().kind()) && !refs.contains(r)) refs.add(r);
        }
    }

    /** What the text says, level by level, with the places each name may be. */
    private static final class Reading {
        final Set<String> districts = new LinkedHashSet<>(),
                streets = new LinkedHashSet<>(),
                communities = new LinkedHashSet<>();
        String districtName, streetName, communityName, province, city;
        Spot road, compound, village, landmark;
        /** Two roads the text says meet (A路与B街交叉口), and the position named around them or the landmark. */
        Spot[] crossing;

        String position;
        String house, building, unit, floor, room;
        int fuzzy;
        boolean shortNames;
        /** What the text names that the match does not have: any one withholds the grid. */
        final List<String> contradictions = new ArrayList<>();
    }

    private Reading read(List<Object> items, String text) {
        Reading r = new Reading();
        Object context = null;
        int firstAdmin = -1;
        for (int k = 0; k < items.size(); k++) {
            Object item = items.get(k);
            if (item instanceof Spot s) {
                Num next = k + 1 < items.size() && items.get(k + 1) instanceof Num n && n.start() == s.end() ? n : null;
                Kind role = role(s, next);
                if (s.edits() > 0) r.fuzzy++;
                if (s.shortName(role)) r.shortNames = true;
                switch (role) {
                    case COMPOUND -> r.compound = s;
                    case ROAD -> {
                        r.road = s;
                        r.house = null;
                    }
                    case COMMUNITY -> {
                        s.places(Kind.COMMUNITY).forEach(p -> r.communities.add(p.code()));
                        r.communityName = s.places(Kind.COMMUNITY).get(0).name();
                        r.village = s;
                    }
                    case STREET -> {
                        s.places(Kind.STREET).forEach(p -> r.streets.add(p.code()));
                        r.streetName = s.places(Kind.STREET).get(0).name();
                    }
                    case DISTRICT -> {
                        s.places(Kind.DISTRICT).forEach(p -> r.districts.add(p.code()));
                        r.districtName = s.places(Kind.DISTRICT).get(0).name();
                    }
                    case LANDMARK -> {
                        r.landmark = s;
                        r.position = position(text, s.end());
                    }
                }
                if (role == Kind.ROAD
                        && context instanceof Spot before
                        && before.has(Kind.ROAD)
                        && CONNECTOR
                                .matcher(text.substring(before.end(), s.start()))
                                .matches()) {
                    Matcher w = CROSSING_WORD.matcher(text.substring(s.end()));
                    if (w.find()) {
                        r.crossing = new Spot[] {before, s};
                        r.position = position(text, s.end() + w.end());
                    }
                }
                if (firstAdmin < 0 && role != Kind.COMPOUND && role != Kind.ROAD) firstAdmin = s.start();
                context = s;
            } else if (item instanceof UnknownRoad u) {
                r.contradictions.add("no road " + u.name() + " in this dataset");
                context = u; // its door is not read as a building of the place named before
            } else if (item instanceof Num n && context instanceof Spot s) {
                number(r, s, n);
            }
        }
        if (firstAdmin > 0) {
            Matcher m = PROVINCE_CITY.matcher(text.substring(0, firstAdmin));
            if (m.find()) {
                r.province = m.group(1);
                r.city = m.group(2);
            }
        }
        return r;
    }

    /** The position named right after a crossing or landmark (东北角, 北门), or null. */
    private static String position(String text, int from) {
        Matcher m = POSITION.matcher(text.substring(from));
        return m.find() ? m.group(1) : null;
    }

    /** Which of a name's readings the text means: the most precise, a road when a door number follows. */
    private static Kind role(Spot s, Num next) {
        boolean door = next != null
                && (next.marker().equals("号")
                        || next.marker().equals("号院")
                        || next.marker().isEmpty());
        if (s.has(Kind.ROAD) && (door || !s.has(Kind.COMPOUND))) return Kind.ROAD;
        for (Kind k : new Kind[] {Kind.COMPOUND, Kind.COMMUNITY, Kind.STREET, Kind.DISTRICT, Kind.LANDMARK})
            if (s.has(k)) return k;
        return Kind.ROAD;
    }

    /** Reads one number by what it follows and the word after it. */
    private static void number(Reading r, Spot context, Num n) {
        String m = n.marker();
        List<String> p = n.parts();
        boolean buildingWord = m.equals("号楼") || m.equals("栋") || m.equals("幢") || m.equals("座") || m.equals("#");
        boolean afterRoad = context == r.road,
                afterVillage = context == r.village && r.road != context && r.compound != context;
        if ((afterRoad || afterVillage) && r.house == null && !buildingWord && r.building == null) {
            if (m.equals("号") || m.equals("号院") || m.equals("号门") || m.isEmpty()) {
                r.house = String.join("-", p);
                return;
            }
        }
        if (afterVillage && r.compound == null && r.house == null) return; // 3组 and the like
        if (r.building == null && (buildingWord || m.equals("号") || m.isEmpty() || (m.equals("楼") && r.unit == null))) {
            r.building = p.get(0);
            if (p.size() == 3) {
                r.unit = p.get(1);
                r.room = p.get(2);
            } else if (p.size() == 2) {
                if (belowHundred(p.get(1))) r.unit = p.get(1);
                else r.room = p.get(1);
            }
            return;
        }
        if (r.unit == null && (m.equals("单元") || m.equals("门") || (m.isEmpty() && p.size() == 2))) {
            r.unit = p.get(0);
            if (p.size() == 2) r.room = p.get(1);
            return;
        }
        if (m.equals("层") || m.equals("楼")) {
            r.floor = p.get(0);
            return;
        }
        if (r.room == null && (m.equals("室") || m.equals("户") || m.isEmpty())) r.room = String.join("-", p);
    }

    /** Whether digits of any length are a number under 100 (a unit's, not a room's): read without parsing, so no length overflows. */
    private static boolean belowHundred(String digits) {
        int first = 0;
        while (first < digits.length() - 1 && digits.charAt(first) == '0') first++;
        return digits.length() - first <= 2;
    }

    // ---- matching what was read ----

    private AddressMatch resolve(Reading r, String text) {
        List<String> notes = new ArrayList<>();
        double factor = Math.pow(FUZZY_FACTOR, r.fuzzy) * (r.shortNames ? SHORT_NAME_FACTOR : 1);
        if (r.compound != null) {
            List<Place> compounds = admitted(r, r.compound.places(Kind.COMPOUND));
            if (r.road != null) {
                List<Place> onRoad = compounds.stream()
                        .filter(c -> c.buildings.stream().anyMatch(b -> onRoad(b, r)))
                        .toList();
                if (!onRoad.isEmpty()) compounds = onRoad;
                else r.contradictions.add(doorMissing(r, compounds.get(0).name));
            }
            if (compounds.size() > 1) {
                return new AddressMatch(
                        MatchLevel.COMPOUND,
                        round(0.5 * factor),
                        null,
                        grids(
                                compounds.stream()
                                        .flatMap(c -> c.buildings.stream())
                                        .toList(),
                                null),
                        parsed(r, compounds.get(0).name, null),
                        null,
                        null,
                        alternatives(compounds),
                        notes,
                        compounds.size() + " compounds are called " + compounds.get(0).name
                                + ": name the community or the road and door number");
            }
            Place c = compounds.get(0);
            return inCompound(r, c, factor, notes);
        }
        if (r.road != null && r.house != null) {
            List<Place> roads = r.road.places(Kind.ROAD);
            Place road = roads.get(0);
            List<Addressed> door = admittedBuildings(r, road.numbered.getOrDefault(r.house, List.of()));
            if (!door.isEmpty()) return atDoor(r, road, door, factor, notes);
            notes.add("no door " + r.house + " on " + road.name);
        }
        if (r.village != null && r.house != null && r.road == null) {
            List<Place> villages = r.village.places(Kind.COMMUNITY).stream()
                    .filter(v -> v.numbered.containsKey(r.house) && inStreetsAndDistricts(v.code, r))
                    .toList();
            if (villages.size() == 1)
                return atDoor(r, villages.get(0), villages.get(0).numbered.get(r.house), factor, notes);
            if (villages.size() > 1) {
                List<String> grids = grids(
                        villages.stream()
                                .flatMap(v -> v.numbered.get(r.house).stream())
                                .toList(),
                        null);
                return new AddressMatch(
                        MatchLevel.ROAD_NUMBER,
                        round(0.5 * factor),
                        null,
                        grids,
                        parsed(r, null, null),
                        null,
                        null,
                        alternatives(villages),
                        notes,
                        villages.size() + " villages are called " + villages.get(0).name + ": name the town");
            }
            notes.add("no house " + r.house + " in "
                    + r.village.places(Kind.COMMUNITY).get(0).name);
        }
        if (r.crossing != null) return crossing(r, factor, notes);
        if (r.landmark != null) return landmark(r, factor, notes);
        return administrative(r, text, factor, notes);
    }

    /** Where two named roads meet: at the corner named, or the grids around; none when they never meet. */
    private AddressMatch crossing(Reading r, double factor, List<String> notes) {
        Place a = r.crossing[0].places(Kind.ROAD).get(0),
                b = r.crossing[1].places(Kind.ROAD).get(0);
        String what = a.name + " and " + b.name;
        List<org.locationtech.jts.geom.Coordinate> points = gazetteer.crossings.between(a.name, b.name);
        if (points.isEmpty())
            return none(
                    r,
                    a.geometry == null || b.geometry == null
                            ? "the dataset has no line of " + (a.geometry == null ? a.name : b.name)
                                    + " to find the crossing"
                            : what + " do not meet",
                    notes);
        Surroundings.Answer at = surroundings.crossing(points, Surroundings.Direction.of(r.position), what);
        return located(MatchLevel.CROSSING, at, r, factor, notes);
    }

    /** The answer at a crossing or landmark: its grid, or its candidates with why. */
    private AddressMatch located(
            MatchLevel level, Surroundings.Answer at, Reading r, double factor, List<String> notes) {
        return new AddressMatch(
                level,
                round((at.grid() == null ? 0.5 : 0.8) * factor),
                at.grid(),
                at.candidates(),
                parsed(r, null, null),
                null,
                null,
                List.of(),
                notes,
                at.reason());
    }

    /** The grid of a landmark, at its gate or side when named; several landmarks of one name give their grids as candidates. */
    private AddressMatch landmark(Reading r, double factor, List<String> notes) {
        List<Place> places = r.landmark.places(Kind.LANDMARK);
        Surroundings.Direction side = Surroundings.Direction.of(r.position);
        if (places.size() > 1) {
            Set<String> grids = new java.util.TreeSet<>();
            for (Place p : places)
                grids.addAll(surroundings.landmark(p.geometry, side, p.name).candidates());
            return new AddressMatch(
                    MatchLevel.LANDMARK,
                    round(0.4 * factor),
                    null,
                    List.copyOf(grids),
                    parsed(r, null, null),
                    null,
                    null,
                    alternatives(places),
                    notes,
                    places.size() + " landmarks are called " + places.get(0).name + ": name the road or the community");
        }
        Place p = places.get(0);
        return located(MatchLevel.LANDMARK, surroundings.landmark(p.geometry, side, p.name), r, factor, notes);
    }

    private AddressMatch inCompound(Reading r, Place c, double factor, List<String> notes) {
        if (r.building != null) {
            List<Addressed> found = c.numbered.getOrDefault(r.building, List.of());
            if (found.size() == 1) return building(r, found.get(0), c.name, factor, notes);
            if (found.isEmpty()) r.contradictions.add("no building " + r.building + " in " + c.name);
            else notes.add(found.size() + " buildings numbered " + r.building + " in " + c.name);
        }
        List<String> grids = grids(c.buildings, null);
        String why =
                grids.size() == 1 ? null : c.name + " lies in " + grids.size() + " grids: give the building number";
        return new AddressMatch(
                MatchLevel.COMPOUND,
                round(0.85 * factor),
                grids.size() == 1 ? grids.get(0) : null,
                grids,
                parsed(r, c.name, null),
                null,
                c.code,
                List.of(),
                notes,
                why);
    }

    private AddressMatch atDoor(Reading r, Place road, List<Addressed> door, double factor, List<String> notes) {
        String compound = door.get(0).building().address().compoundName();
        if (r.building != null) {
            List<Addressed> found =
                    door.stream().filter(b -> r.building.equals(b.buildingNo())).toList();
            if (found.size() == 1) return building(r, found.get(0), compound, factor, notes);
            r.contradictions.add("no building " + r.building + " at " + road.name + " " + r.house);
        }
        if (door.size() == 1) return building(r, door.get(0), compound, factor * 0.95, notes);
        List<String> grids = grids(door, null);
        String why = grids.size() == 1
                ? null
                : "door " + r.house + " of " + road.name + " leads to " + door.size() + " buildings in " + grids.size()
                        + " grids: give the building number";
        return new AddressMatch(
                MatchLevel.ROAD_NUMBER,
                round(0.9 * factor),
                grids.size() == 1 ? grids.get(0) : null,
                grids,
                parsed(r, compound, null),
                null,
                door.get(0).communityCode(),
                List.of(),
                notes,
                why);
    }

    private AddressMatch building(Reading r, Addressed b, String compound, double factor, List<String> notes) {
        boolean unitKnown = r.unit != null && b.hasUnit(r.unit);
        if (r.unit != null && !unitKnown && !b.building().units().isEmpty())
            r.contradictions.add("building " + b.building().id() + " has no unit " + r.unit);
        List<String> grids = new ArrayList<>(new java.util.TreeSet<>(b.grids(unitKnown ? r.unit : null)));
        MatchLevel level = unitKnown ? MatchLevel.UNIT : MatchLevel.BUILDING;
        String why = grids.size() == 1
                ? null
                : "building " + b.building().id() + " is divided between " + grids.size()
                        + " grids by unit: give the unit";
        return new AddressMatch(
                level,
                round((unitKnown ? 1.0 : 0.95) * factor),
                grids.size() == 1 ? grids.get(0) : null,
                grids,
                parsed(r, compound, b),
                b.building().id(),
                b.communityCode(),
                List.of(),
                notes,
                why);
    }

    /** No door or compound: as far as the community or street the text names, with its grids as candidates. */
    private AddressMatch administrative(Reading r, String text, double factor, List<String> notes) {
        Set<String> communities = new LinkedHashSet<>(r.communities);
        if (communities.isEmpty() && r.road != null) {
            // a road without a door: the one community (or street) all of it lies in, if there is one
            Set<String> along = new LinkedHashSet<>();
            for (Place road : r.road.places(Kind.ROAD)) road.buildings.forEach(b -> along.add(b.communityCode()));
            if (along.size() == 1) communities.addAll(along);
            else
                notes.add(r.road.places(Kind.ROAD).get(0).name + " runs through " + along.size()
                        + " communities: give the door number");
        }
        communities.removeIf(c -> !inStreetsAndDistricts(c, r));
        if (communities.size() == 1) {
            String code = communities.iterator().next();
            return new AddressMatch(
                    MatchLevel.COMMUNITY,
                    round(0.5 * factor),
                    null,
                    gazetteer.gridsOfCommunity.getOrDefault(code, List.of()),
                    parsed(r, null, null),
                    null,
                    code,
                    List.of(),
                    notes,
                    "the address names the community but no door, compound or building in it");
        }
        if (communities.size() > 1) {
            List<String> grids = communities.stream()
                    .flatMap(c -> gazetteer.gridsOfCommunity.getOrDefault(c, List.of()).stream())
                    .toList();
            return new AddressMatch(
                    MatchLevel.COMMUNITY,
                    round(0.3 * factor),
                    null,
                    grids,
                    parsed(r, null, null),
                    null,
                    null,
                    communities.stream()
                            .map(c -> new AddressMatch.Alternative(
                                    "community", gazetteer.communities.get(c).name(), c))
                            .toList(),
                    notes,
                    communities.size() + " communities share the name: give the street");
        }
        if (r.streets.size() == 1) {
            String code = r.streets.iterator().next();
            return new AddressMatch(
                    MatchLevel.STREET,
                    round(0.3 * factor),
                    null,
                    gazetteer.gridsOfStreet.getOrDefault(code, List.of()),
                    parsed(r, null, null),
                    null,
                    null,
                    List.of(),
                    notes,
                    "the address names the street but no community, door or compound in it");
        }
        String why;
        if (!r.districts.isEmpty()) why = "the address names only the district: a district has no grid";
        else if (r.road != null) why = "the road alone does not lead to one community";
        else {
            Matcher m = UNKNOWN_ROAD.matcher(text);
            why = m.find()
                    ? "road " + m.group(1) + " is not in this dataset's gazetteer"
                    : "no district, street, community, road or compound of this dataset is named in the address";
        }
        return none(r, why, notes);
    }

    private AddressMatch byFullAddress(List<Addressed> found) {
        Reading r = new Reading();
        if (found.size() == 1)
            return building(r, found.get(0), found.get(0).building().address().compoundName(), 1.0, new ArrayList<>());
        List<String> grids = grids(found, null);
        return new AddressMatch(
                MatchLevel.ROAD_NUMBER,
                0.9,
                grids.size() == 1 ? grids.get(0) : null,
                grids,
                parsed(r, null, null),
                null,
                found.get(0).communityCode(),
                List.of(),
                List.of(),
                grids.size() == 1
                        ? null
                        : found.size() + " buildings have this address, in " + grids.size() + " grids");
    }

    private AddressMatch none(Reading r, String why) {
        return none(r, why, List.of());
    }

    private AddressMatch none(Reading r, String why, List<String> notes) {
        return new AddressMatch(
                MatchLevel.NONE, 0, null, List.of(), parsed(r, null, null), null, null, List.of(), notes, why);
    }

    // ---- helpers ----

    /** Places that lie in the communities, streets and districts the text names; all of them (with a note) when none does. */
    private List<Place> admitted(Reading r, List<Place> places) {
        List<Place> in = places.stream().filter(p -> inNamedAreas(p.code, r)).toList();
        if (!in.isEmpty()) return in;
        r.contradictions.add("the address names " + named(r) + " but " + places.get(0).name + " lies elsewhere");
        return places;
    }

    private List<Addressed> admittedBuildings(Reading r, List<Addressed> buildings) {
        List<Addressed> in = buildings.stream()
                .filter(b -> inNamedAreas(b.communityCode(), r))
                .toList();
        if (!in.isEmpty() || buildings.isEmpty()) return in;
        r.contradictions.add("the address names " + named(r) + " but the door lies elsewhere");
        return buildings;
    }

    private boolean inNamedAreas(String community, Reading r) {
        return (r.communities.isEmpty() || r.communities.contains(community)) && inStreetsAndDistricts(community, r);
    }

    private static boolean inStreetsAndDistricts(String community, Reading r) {
        return (r.streets.isEmpty() || r.streets.stream().anyMatch(community::startsWith))
                && (r.districts.isEmpty() || r.districts.stream().anyMatch(community::startsWith));
    }

    private static String named(Reading r) {
        return r.communityName != null ? r.communityName : r.streetName != null ? r.streetName : r.districtName;
    }

    /** Why a compound is not where the text's road (and door) say: the door is not on the road, or not the compound's. */
    private static String doorMissing(Reading r, String compound) {
        Place road = r.road.places(Kind.ROAD).get(0);
        if (r.house == null) return compound + " is not on " + road.name;
        return road.numbered.containsKey(r.house)
                ? "door " + r.house + " of " + road.name + " is not " + compound + "'s"
                : "no door " + r.house + " on " + road.name;
    }

    /** Whether a building is on the text's road, at its door when the text gives one. */
    private static boolean onRoad(Addressed b, Reading r) {
        return (r.house == null || r.house.equals(b.house()))
                && r.road.places(Kind.ROAD).stream().anyMatch(p -> p.name.equals(b.road()));
    }

    private static List<String> grids(Collection<Addressed> buildings, String unit) {
        Set<String> out = new java.util.TreeSet<>();
        for (Addressed b : buildings) out.addAll(b.grids(unit));
        return new ArrayList<>(out);
    }

    private List<AddressMatch.Alternative> alternatives(List<Place> places) {
        return places.stream()
                .map(p -> new AddressMatch.Alternative(p.kind.name().toLowerCase(), p.name, p.code))
                .toList();
    }

    private ParsedAddress parsed(Reading r, String compound, Addressed b) {
        Community c = b == null ? null : gazetteer.communities.get(b.communityCode());
        String road = b != null && b.building().address().road() != null
                ? b.building().address().road()
                : r.road == null ? null : r.road.places(Kind.ROAD).get(0).name;
        return new ParsedAddress(
                r.province,
                r.city,
                c != null ? c.districtName() : r.districtName,
                c != null ? c.streetName() : r.streetName,
                c != null ? c.name() : r.communityName,
                road,
                b != null && b.house() != null ? b.house() : r.house,
                compound,
                r.building,
                r.unit,
                r.floor,
                r.room,
                r.landmark == null ? null : r.landmark.places(Kind.LANDMARK).get(0).name,
                r.crossing == null
                        ? null
                        : r.crossing[0].places(Kind.ROAD).get(0).name + "/"
                                + r.crossing[1].places(Kind.ROAD).get(0).name,
                r.position);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
