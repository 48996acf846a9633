package org.gridatlas.api.serving;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.gridatlas.engine.model.Assignment;
import org.gridatlas.engine.model.Barrier;
import org.gridatlas.engine.model.Building;
import org.gridatlas.engine.model.Community;
import org.gridatlas.engine.model.Grid;
import org.gridatlas.engine.model.GridCode;
import org.gridatlas.engine.model.GridLevel;
import org.gridatlas.store.CommunityHistory;
import org.gridatlas.store.StaffMember;
import org.gridatlas.tiles.print.MapSheet;
import org.gridatlas.tiles.print.Paper;
import org.gridatlas.tiles.print.SheetPdf;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * Grid maps to print and post (网格公示图): a grid's page, a community's page of all its grids, a
 * street's grids one page each, or grids named by code, composed from a snapshot and the staff
 * records; the QR code carries the report link of the template with {@code {code}} replaced.
 */
public final class GridMaps {
    /** How each staff role is printed, in the order the people are listed. */
    static final Map<String, String> ROLE_NAMES = Map.of(
            StaffMember.CHIEF,
            "网格长",
            StaffMember.WORKER,
            "网格员",
            StaffMember.PARTY_SECRETARY,
            "党支部书记",
            "police_officer",
            "网格警",
            "city_officer",
            "城管队员",
            "housing_officer",
            "房管员");

    private static final List<String> ROLE_ORDER = List.of(
            StaffMember.CHIEF,
            StaffMember.WORKER,
            StaffMember.PARTY_SECRETARY,
            "police_officer",
            "city_officer",
            "housing_officer");
    /** The default link: the code alone, until a deployment names its appeal page. */
    public static final String DEFAULT_REPORT_URL = "{code}";
    /** How far around its subject a page reaches for roads, buildings and neighbours (of the subject's size). */
    private static final double AROUND = 0.6;

    private final CommunityHistory history;
    private final String reportUrl;
    private final Clock clock;

    public GridMaps(CommunityHistory history, String reportUrl, Clock clock) {
        this.history = history;
        this.reportUrl = reportUrl == null ? DEFAULT_REPORT_URL : reportUrl;
        this.clock = clock;
    }

    /** Writes the sheets as a PDF, one page each. */
    public void write(List<MapSheet> sheets, Paper paper, OutputStream out) throws IOException {
        SheetPdf.write(sheets, paper, out);
    }

    /** The pages of grids named by code, in the order given. */
    public List<MapSheet> grids(ServingState s, List<String> codes) {
        List<MapSheet> out = new ArrayList<>();
        for (String code : codes) {
            Grid g = s.grids.get(code);
            if (g == null || g.level() != GridLevel.GRID) throw new NotFound("grid " + code);
            out.add(grid(s, g));
        }
        return out;
    }

    /** A page for each grid of each community of the street. */
    public List<MapSheet> street(ServingState s, String streetCode) {
        List<Community> communities = s.communitiesByStreet.get(streetCode);
        if (communities == null) throw new NotFound("street " + streetCode);
        List<MapSheet> out = new ArrayList<>();
        for (Community c : communities)
            for (Grid g : s.gridsByCommunity.getOrDefault(c.code(), List.of())) out.add(grid(s, g));
        if (out.isEmpty()) throw new NotFound("grids of street " + streetCode);
        return out;
    }

    /** One page of the community with every grid labelled by code and each grid's chief listed. */
    public MapSheet community(ServingState s, String code) {
        Community c = s.communities.get(code);
        if (c == null) throw new NotFound("community " + code);
        List<Grid> grids = s.gridsByCommunity.getOrDefault(code, List.of());
        Envelope near = around(c.geometry());
        List<MapSheet.Labelled> neighbours = s.communities.values().stream()
                .filter(o ->
                        !o.code().equals(code) && near.intersects(o.geometry().getEnvelopeInternal()))
                .map(o -> new MapSheet.Labelled(o.name() + " " + o.code(), o.geometry()))
                .toList();
        Set<String> inside = new LinkedHashSet<>();
        List<MapSheet.Person> chiefs = new ArrayList<>();
        for (Grid g : grids) {
            for (Assignment a : s.assignmentsByGrid.getOrDefault(g.code(), List.of())) inside.add(a.buildingId());
            for (MapSheet.Person p : people(s, g.code()))
                if (p.role().equals(ROLE_NAMES.get(StaffMember.CHIEF)))
                    chiefs.add(new MapSheet.Person(gridName(g) + p.role(), p.name(), p.department(), p.phone()));
        }
        return new MapSheet(
                c.name() + "网格公示图",
                code,
                "社区编码 " + code + " · " + c.districtName() + " " + c.streetName() + " · " + grids.size() + " 个网格",
                c.geometry(),
                "网格",
                grids.stream()
                        .map(g -> new MapSheet.Labelled(gridName(g) + " " + g.code(), g.geometry()))
                        .toList(),
                neighbours,
                inside.stream()
                        .map(s.buildings::get)
                        .filter(Objects::nonNull)
                        .map(b -> new MapSheet.Labelled(null, b.geometry()))
                        .toList(),
                others(s, near, inside),
                barriers(s, near),
                grids.stream().mapToInt(Grid::households).sum(),
                grids.stream().mapToInt(Grid::buildings).sum(),
                chiefs,
                null,
                link(code),
                LocalDate.now(clock),
                "v" + history.communityVersion(code));
    }

    private MapSheet grid(ServingState s, Grid g) {
        Community c = s.communities.get(g.communityCode());
        Envelope near = around(g.geometry());
        List<MapSheet.Labelled> neighbours = new ArrayList<>();
        for (Grid o : s.grids.values())
            if (o.level() == GridLevel.GRID
                    && !o.code().equals(g.code())
                    && near.intersects(o.geometry().getEnvelopeInternal()))
                neighbours.add(new MapSheet.Labelled(o.code(), o.geometry()));
        Set<String> inside = new LinkedHashSet<>();
        for (Assignment a : s.assignmentsByGrid.getOrDefault(g.code(), List.of())) inside.add(a.buildingId());
        List<Building> buildings = inside.stream()
                .map(s.buildings::get)
                .filter(Objects::nonNull)
                .sorted(Comparator.comparing(Building::id))
                .toList();
        List<MapSheet.Labelled> numbered = new ArrayList<>();
        for (int i = 0; i < buildings.size(); i++)
            numbered.add(new MapSheet.Labelled(
                    number(buildings.get(i), i + 1), buildings.get(i).geometry()));
        List<StaffMember> staff = s.staffByGrid.getOrDefault(g.code(), List.of());
        String where = c == null ? "" : c.districtName() + " " + c.streetName() + " " + c.name();
        return new MapSheet(
                (c == null ? "" : c.name()) + gridName(g),
                g.code(),
                "网格编码 " + g.code() + " · " + where,
                g.geometry(),
                "微网格",
                s.microByParent.getOrDefault(g.code(), List.of()).stream()
                        .map(m -> new MapSheet.Labelled(m.code(), m.geometry()))
                        .toList(),
                neighbours,
                numbered,
                others(s, near, inside),
                barriers(s, near),
                g.households(),
                g.buildings(),
                people(s, g.code()),
                staff.stream()
                        .map(StaffMember::branch)
                        .filter(Objects::nonNull)
                        .findFirst()
                        .orElse(null),
                link(g.code()),
                LocalDate.now(clock),
                "v" + history.communityVersion(g.communityCode()));
    }

    /** 第3网格 of its community, by the sequence in its code. */
    private static String gridName(Grid g) {
        return "第" + new GridCode(g.code()).sequence() + "网格";
    }

    /** The number a resident finds on the building: its 楼栋号, else its 门牌号, else its place in the list. */
    private static String number(Building b, int place) {
        if (b.address() != null && b.address().buildingNo() != null)
            return b.address().buildingNo();
        if (b.address() != null && b.address().houseNumber() != null)
            return b.address().houseNumber();
        return String.valueOf(place);
    }

    private static List<MapSheet.Person> people(ServingState s, String grid) {
        return s.staffByGrid.getOrDefault(grid, List.of()).stream()
                .sorted(Comparator.comparingInt(m -> {
                    int i = ROLE_ORDER.indexOf(m.role());
                    return i < 0 ? ROLE_ORDER.size() : i;
                }))
                .map(m -> new MapSheet.Person(
                        ROLE_NAMES.getOrDefault(m.role(), m.role()), m.name(), m.department(), m.phone()))
                .toList();
    }

    private String link(String code) {
        return reportUrl.replace("{code}", code);
    }

    private static Envelope around(Geometry subject) {
        Envelope e = new Envelope(subject.getEnvelopeInternal());
        e.expandBy(e.getWidth() * AROUND, e.getHeight() * AROUND);
        return e;
    }

    private static List<Geometry> others(ServingState s, Envelope near, Set<String> inside) {
        List<Geometry> out = new ArrayList<>();
        for (Building b : s.buildings.values())
            if (!inside.contains(b.id()) && near.intersects(b.geometry().getEnvelopeInternal())) out.add(b.geometry());
        return out;
    }

    private static List<Barrier> barriers(ServingState s, Envelope near) {
        return s.stored.barriers().stream()
                .filter(b -> near.intersects(b.geometry().getEnvelopeInternal()))
                .toList();
    }
}
