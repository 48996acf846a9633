package org.gridatlas.api.serving;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.gridatlas.engine.departments.Crosswalk;
import org.gridatlas.engine.departments.CrosswalkConflict;
import org.gridatlas.engine.departments.CrosswalkResult;
import org.gridatlas.engine.departments.ResourceCount;
import org.gridatlas.engine.departments.ResourceJoin;
import org.gridatlas.engine.departments.ResourcesInGrids;
import org.gridatlas.engine.errors.InputException;
import org.gridatlas.engine.io.DepartmentLayerReader;
import org.gridatlas.engine.io.InputCrs;
import org.gridatlas.engine.model.DepartmentResource;
import org.gridatlas.engine.model.DepartmentUnit;
import org.gridatlas.store.DepartmentLayerInfo;
import org.gridatlas.store.DepartmentLayerKind;
import org.gridatlas.store.DepartmentStore;
import org.gridatlas.tiles.TileFeature;
import org.gridatlas.tiles.TileLayer;

/**
 * Other departments' layers against the grids being served: imports, and the crosswalk or resource
 * join of a layer, computed once per version of the layer and of the grids and then kept. A reload
 * that leaves the grids as they were (staff, zones, another instance's change) computes nothing.
 */
public final class DepartmentNetworks {
    /** What was computed for a layer version against the grids as they were: a {@link UnitsLayer} or {@link ResourcesInGrids}. */
    private record Computed(long version, GridsBasis basis, Object result) {}

    /**
     * What a crosswalk or a resource join reads of a snapshot. Compared by content: a reload builds
     * new objects for the same grids, and a crosswalk of a big layer takes minutes.
     */
    private record GridsBasis(
            List<org.gridatlas.engine.model.Grid> grids,
            List<org.gridatlas.engine.model.Assignment> assignments,
            List<org.gridatlas.engine.model.Building> buildings,
            org.locationtech.jts.geom.Envelope serviceArea) {
        static GridsBasis of(ServingState s) {
            return new GridsBasis(s.stored.grids(), s.stored.assignments(), s.stored.buildings(), s.serviceArea);
        }
    }

    /** A units layer as read from the store, with its crosswalk against the grids. */
    private record UnitsLayer(List<DepartmentUnit> units, CrosswalkResult crosswalk) {}

    private final DepartmentStore store;
    private final Supplier<ServingState> state;
    private final Map<String, Computed> cache = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.LongAdder computations = new java.util.concurrent.atomic.LongAdder();

    public DepartmentNetworks(DepartmentStore store, Supplier<ServingState> state) {
        this.store = store;
        this.state = state;
    }

    public List<DepartmentLayerInfo> layers() {
        return store.departmentLayers();
    }

    /** Reads a layer file (refused whole on a bad record) and stores it as the layer's next version. */
    public DepartmentLayerInfo importLayer(
            String name, DepartmentLayerKind kind, Path file, InputCrs crs, String source) throws IOException {
        DepartmentLayerInfo info = kind == DepartmentLayerKind.UNITS
                ? store.replaceUnits(name, DepartmentLayerReader.units(file, crs, null), source)
                : store.replaceResources(name, DepartmentLayerReader.resources(file, crs, null), source);
        cache.remove(name);
        return info;
    }

    /** The layer's current version, which must be of this kind. */
    public DepartmentLayerInfo layer(String name, DepartmentLayerKind kind) {
        DepartmentLayerInfo info = store.departmentLayers().stream()
                .filter(i -> i.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new NoSuchLayer(name));
        if (info.kind() != kind)
            throw new InputException(
                    "name", "layer " + name + " holds " + info.kind().wireName() + ", not " + kind.wireName());
        return info;
    }

    public List<DepartmentUnit> units(String name) {
        return unitsLayer(layer(name, DepartmentLayerKind.UNITS)).units();
    }

    public CrosswalkResult crosswalk(String name) {
        return unitsLayer(layer(name, DepartmentLayerKind.UNITS)).crosswalk();
    }

    public ResourcesInGrids resources(String name) {
        return resources(layer(name, DepartmentLayerKind.RESOURCES));
    }

    /** Every resource layer's points in one grid, by layer name. */
    public Map<String, List<DepartmentResource>> inGrid(String gridCode) {
        Map<String, List<DepartmentResource>> out = new java.util.TreeMap<>();
        for (DepartmentLayerInfo i : store.departmentLayers()) {
            if (i.kind() == DepartmentLayerKind.RESOURCES)
                out.put(i.name(), resources(i).byGrid().getOrDefault(gridCode, List.of()));
        }
        return out;
    }

    /** Counts by type and department at one level (grid, community, street or district), over one resource layer or all. */
    public List<ResourceCount> counts(String level, String layer) {
        ServingState s = state.get();
        List<ResourceCount> out = new ArrayList<>();
        for (DepartmentLayerInfo i : store.departmentLayers()) {
            if (i.kind() != DepartmentLayerKind.RESOURCES || layer != null && !layer.equals(i.name())) continue;
            for (ResourceCount c : resources(i).rollUp(s.grids, s.communities))
                if (c.level().equals(level)) out.add(c);
        }
        if (layer == null) return merged(out);
        return out;
    }

    /** Several layers' counts of one level as one list: the same area, type and department added up. */
    private static List<ResourceCount> merged(List<ResourceCount> counts) {
        Map<List<String>, Integer> sum =
                new java.util.TreeMap<>(java.util.Comparator.comparing((List<String> k) -> k.get(0))
                        .thenComparing(k -> k.get(1))
                        .thenComparing(k -> k.get(2))
                        .thenComparing(k -> k.get(3)));
        for (ResourceCount c : counts)
            sum.merge(List.of(c.level(), c.code(), c.type(), c.department()), c.count(), Integer::sum);
        return sum.entrySet().stream()
                .map(e -> new ResourceCount(
                        e.getKey().get(0),
                        e.getKey().get(1),
                        e.getKey().get(2),
                        e.getKey().get(3),
                        e.getValue()))
                .toList();
    }

    /** Tile layers of every stored department layer: units' outlines, their conflicts with the grids, and resources (names in {@link #TILE_LAYERS}). */
    public List<TileLayer> tileLayers() {
        List<TileFeature> units = new ArrayList<>(), conflicts = new ArrayList<>(), resources = new ArrayList<>();
        for (DepartmentLayerInfo i : store.departmentLayers()) {
            if (i.kind() == DepartmentLayerKind.UNITS) {
                UnitsLayer l = unitsLayer(i);
                for (DepartmentUnit u : l.units()) {
                    units.add(new TileFeature(
                            u.geometry(),
                            Map.of("layer", i.name(), "id", u.id(), "name", u.name(), "department", u.department())));
                }
                for (CrosswalkConflict c : l.crosswalk().conflicts()) {
                    Map<String, Object> a = new java.util.LinkedHashMap<>();
                    a.put("layer", i.name());
                    a.put("kind", c.kind().wireName);
                    if (c.gridCode() != null) a.put("grid_code", c.gridCode());
                    if (c.unitId() != null) a.put("unit_id", c.unitId());
                    if (!c.where().isEmpty()) conflicts.add(new TileFeature(c.where(), a));
                }
            } else {
                ResourcesInGrids r = resources(i);
                r.byGrid().forEach((grid, list) -> list.forEach(x -> resources.add(resource(i.name(), x, grid))));
                r.outside().forEach(x -> resources.add(resource(i.name(), x, null)));
            }
        }
        return List.of(
                new TileLayer(TILE_LAYERS.get(0), 11, units),
                new TileLayer(TILE_LAYERS.get(1), 11, conflicts),
                new TileLayer(TILE_LAYERS.get(2), 13, resources));
    }

    /** The names of the department tile layers; they are not in /tiles/all, which the big screen draws whole. */
    public static final List<String> TILE_LAYERS = List.of("department_units", "department_conflicts", "resources");

    private static TileFeature resource(String layer, DepartmentResource r, String grid) {
        Map<String, Object> a = new java.util.LinkedHashMap<>();
        a.put("layer", layer);
        a.put("id", r.id());
        a.put("type", r.type());
        a.put("name", r.name());
        a.put("department", r.department());
        if (grid != null) a.put("grid_code", grid);
        return new TileFeature(r.point(), a);
    }

    private UnitsLayer unitsLayer(DepartmentLayerInfo info) {
        return (UnitsLayer) computed(info, s -> {
            List<DepartmentUnit> units =
                    readable(info, store.units(info.name()), DepartmentUnit::id, DepartmentUnit::geometry);
            return new UnitsLayer(
                    units,
                    new Crosswalk(units, s.serviceArea)
                            .run(new ArrayList<>(s.grids.values()), s.stored.assignments(), s.buildings));
        });
    }

    private ResourcesInGrids resources(DepartmentLayerInfo info) {
        return (ResourcesInGrids) computed(
                info,
                s -> new ResourceJoin(s.index)
                        .join(readable(
                                info,
                                store.resources(info.name()),
                                DepartmentResource::id,
                                DepartmentResource::point)));
    }

    /**
     * The stored records that can be served: one stored before the checks on import (a coordinate not
     * finite, say) is skipped, loudly, rather than failing every reload and start-up.
     */
    private static <T> List<T> readable(
            DepartmentLayerInfo info,
            List<T> records,
            java.util.function.Function<T, String> id,
            java.util.function.Function<T, org.locationtech.jts.geom.Geometry> geometry) {
        List<T> out = new ArrayList<>(records.size());
        for (T r : records) {
            String why = org.gridatlas.engine.geom.Geoms.notLonLat(geometry.apply(r));
            if (why == null) out.add(r);
            else
                LOG.error(
                        "layer {} version {}: record {} skipped, its geometry: {}; import the layer again",
                        info.name(),
                        info.version(),
                        id.apply(r),
                        why);
        }
        return out;
    }

    /** How many crosswalks and resource joins were computed since start (the metric that shows reloads compute none). */
    public long computations() {
        return computations.sum();
    }

    /** Computed once per version of the layer and content of the grids, then kept. */
    private Object computed(DepartmentLayerInfo info, java.util.function.Function<ServingState, Object> compute) {
        ServingState s = state.get();
        GridsBasis basis = GridsBasis.of(s);
        Computed c = cache.get(info.name());
        if (c != null && c.version() == info.version() && c.basis().equals(basis)) {
            // kept against the new snapshot's lists, so that the old snapshot can be collected
            cache.replace(info.name(), c, new Computed(c.version(), basis, c.result()));
            return c.result();
        }
        computations.increment();
        Computed fresh = new Computed(info.version(), basis, compute.apply(s));
        cache.put(info.name(), fresh);
        return fresh.result();
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DepartmentNetworks.class);

    /** No layer of that name. */
    public static final class NoSuchLayer extends RuntimeException {
        public NoSuchLayer(String name) {
            super("no layer " + name);
        }
    }
}
