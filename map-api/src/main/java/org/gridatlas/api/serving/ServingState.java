package org.gridatlas.api.serving;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gridatlas.engine.edit.CommunityState;
import org.gridatlas.engine.lookup.CellGridIndex;
import org.gridatlas.engine.lookup.GridLocator;
import org.gridatlas.engine.lookup.PointInGridIndex;
import org.gridatlas.engine.lookup.address.AddressMatcher;
import org.gridatlas.engine.lookup.address.Gazetteer;
import org.gridatlas.engine.model.Assignment;
import org.gridatlas.engine.model.Barrier;
import org.gridatlas.engine.model.Building;
import org.gridatlas.engine.model.Community;
import org.gridatlas.engine.model.Grid;
import org.gridatlas.engine.model.GridLevel;
import org.gridatlas.store.StaffMember;
import org.gridatlas.store.StoredState;
import org.gridatlas.store.Zone;
import org.locationtech.jts.geom.Envelope;

/**
 * One immutable snapshot of what the server answers from: the stored state, the point-in-grid
 * index and the lookup tables built from them. A change builds a new snapshot and swaps it in
 * whole, so a request never sees half of one and half of another.
 */
public final class ServingState {
    /** Points this far (degrees, ~5 km) outside the communities' extent are outside the service area. */
    public static final double SERVICE_MARGIN_DEG = 0.05;

    public record Street(String code, String name, String districtCode, String districtName) {}

    public final StoredState stored;
    public final GridLocator index;
    public final PointInGridIndex microIndex;
    /** Free-text addresses to grids, from the stored buildings' addresses and the aliases. */
    public final AddressMatcher addresses;

    public final Map<String, Grid> grids = new LinkedHashMap<>();
    public final Map<String, Community> communities = new LinkedHashMap<>();
    public final Map<String, Street> streets = new TreeMap<>();
    public final Map<String, Building> buildings = new HashMap<>();
    public final Map<String, List<Assignment>> assignmentsByGrid = new HashMap<>();
    public final Map<String, String> gridOfBuilding = new HashMap<>();
    public final Map<String, List<StaffMember>> staffByGrid = new HashMap<>();
    public final Map<String, Zone> zoneOfCommunity = new HashMap<>();
    /** Grids (level grid) of each community, micro grids of each grid, communities of each street: built once. */
    public final Map<String, List<Grid>> gridsByCommunity = new HashMap<>();

    public final Map<String, List<Grid>> microByParent = new HashMap<>();
    public final Map<String, List<Community>> communitiesByStreet = new HashMap<>();
    public final Envelope serviceArea = new Envelope();

    public ServingState(StoredState s, List<StaffMember> staff, List<Zone> zones) {
        this.stored = s;
        for (Zone z : zones) zoneOfCommunity.put(z.communityCode(), z);
        for (StaffMember m : staff)
            staffByGrid.computeIfAbsent(m.gridCode(), k -> new ArrayList<>()).add(m);
        s.grids().stream().sorted(Comparator.comparing(Grid::code)).forEach(g -> {
            grids.put(g.code(), g);
            if (g.level() == GridLevel.GRID)
                gridsByCommunity
                        .computeIfAbsent(g.communityCode(), k -> new ArrayList<>())
                        .add(g);
            else
                microByParent
                        .computeIfAbsent(g.parentCode(), k -> new ArrayList<>())
                        .add(g);
        });
        for (Community c : s.communities()) {
            communities.put(c.code(), c);
            communitiesByStreet
                    .computeIfAbsent(c.streetCode(), k -> new ArrayList<>())
                    .add(c);
            streets.putIfAbsent(
                    c.streetCode(), new Street(c.streetCode(), c.streetName(), c.districtCode(), c.districtName()));
            serviceArea.expandToInclude(c.geometry().getEnvelopeInternal());
        }
        if (!serviceArea.isNull()) serviceArea.expandBy(SERVICE_MARGIN_DEG);
        for (Building b : s.buildings()) {
            buildings.put(b.id(), b);
        }
        for (Assignment a : s.assignments()) {
            assignmentsByGrid
                    .computeIfAbsent(a.gridCode(), k -> new ArrayList<>())
                    .add(a);
            gridOfBuilding.putIfAbsent(a.buildingId(), a.gridCode());
        }
        this.index = new CellGridIndex(s.grids());
        this.addresses = new AddressMatcher(new Gazetteer(
                s.communities(), s.buildings(), s.aliases(), s.grids(), s.assignments(), s.barriers(), s.pois()));
        this.microIndex = new PointInGridIndex(s.grids(), GridLevel.MICRO);
    }

    /**
     * One community as the planner edits it: its buildings (those in its grids, and new ones
     * standing in it), the barriers near it, its grids and their assignments.
     */
    public CommunityState communityState(String code) {
        Community c = communities.get(code);
        if (c == null) throw new NotFound("community " + code);
        List<Grid> grids = gridsByCommunity.getOrDefault(code, List.of());
        List<Assignment> assignments = new ArrayList<>();
        for (Grid g : grids) assignments.addAll(assignmentsByGrid.getOrDefault(g.code(), List.of()));
        org.locationtech.jts.geom.prep.PreparedGeometry area =
                org.locationtech.jts.geom.prep.PreparedGeometryFactory.prepare(c.geometry());
        List<Building> inside = new ArrayList<>();
        for (Building b : stored.buildings()) {
            String grid = gridOfBuilding.get(b.id());
            Grid g = grid == null ? null : this.grids.get(grid);
            if (g != null
                    ? g.communityCode().equals(code)
                    : area.contains(b.geometry().getCentroid())) inside.add(b);
        }
        Envelope near = new Envelope(c.geometry().getEnvelopeInternal());
        near.expandBy(0.005);
        List<Barrier> barriers = stored.barriers().stream()
                .filter(b -> b.geometry().getEnvelopeInternal().intersects(near))
                .toList();
        return new CommunityState(c, inside, barriers, grids, assignments);
    }

    /** As {@link #hierarchy(Grid)}, down to the micro grid holding the point when there are micro grids. */
    public Hierarchy hierarchy(Grid g, double lon, double lat) {
        Hierarchy h = hierarchy(g);
        GridLocator.Hit micro = microIndex.size() == 0 ? null : microIndex.locate(lon, lat);
        if (micro != null && g.code().equals(micro.grid().parentCode()))
            h = h.withMicro(
                    new Hierarchy.Micro(micro.grid().code(), micro.grid().households()));
        return h;
    }

    /** district → street → 片区 (when set) → community → grid, as names and codes. */
    public Hierarchy hierarchy(Grid g) {
        Community c = communities.get(g.communityCode());
        Zone z = c == null ? null : zoneOfCommunity.get(c.code());
        return new Hierarchy(
                c == null ? null : new Hierarchy.Named(c.districtCode(), String.valueOf(c.districtName())),
                c == null ? null : new Hierarchy.Named(c.streetCode(), String.valueOf(c.streetName())),
                z == null ? null : new Hierarchy.Named(z.zoneCode(), String.valueOf(z.zoneName())),
                c == null
                        ? null
                        : new Hierarchy.Community(
                                c.code(), String.valueOf(c.name()), c.kind().wireName()),
                new Hierarchy.Grid(g.code(), g.kind().wireName(), g.households()),
                null);
    }
}
