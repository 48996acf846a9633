package org.gridatlas.store;

import java.util.Comparator;
import java.util.List;
import org.gridatlas.engine.io.Feature;
import org.gridatlas.engine.io.LayerSchema;
import org.gridatlas.engine.model.DepartmentResource;
import org.gridatlas.engine.model.DepartmentUnit;

/**
 * Other departments' layers in the GeoPackage, each import the layer's next version.
 * Unsynchronised: {@link GeoPackageGridStore} serialises every call.
 */
final class GeoPackageDepartmentLayers implements DepartmentStore {

    private final GeoPackageTables file;

    GeoPackageDepartmentLayers(GeoPackageTables file) {
        this.file = file;
    }

    @Override
    public DepartmentLayerInfo replaceUnits(String name, List<DepartmentUnit> units, String source) {
        DepartmentTables.requireUniqueIds(
                name, units.stream().map(DepartmentUnit::id).toList());
        return replaceLayer(
                name,
                DepartmentLayerKind.UNITS,
                source,
                DepartmentTables.UNITS,
                units.stream().map(u -> DepartmentTables.row(name, u)).toList());
    }

    @Override
    public DepartmentLayerInfo replaceResources(String name, List<DepartmentResource> resources, String source) {
        DepartmentTables.requireUniqueIds(
                name, resources.stream().map(DepartmentResource::id).toList());
        return replaceLayer(
                name,
                DepartmentLayerKind.RESOURCES,
                source,
                DepartmentTables.RESOURCES,
                resources.stream().map(r -> DepartmentTables.row(name, r)).toList());
    }

    private DepartmentLayerInfo replaceLayer(
            String name, DepartmentLayerKind kind, String source, LayerSchema table, List<Feature> rows) {
        DepartmentLayerInfo info = DepartmentTables.next(imports(), name, kind, rows.size(), source);
        try {
            file.inTransaction(() -> {
                file.table(table).delete("layer = ?", name);
                file.table(table).insert(rows);
                file.table(DepartmentTables.LAYERS).insert(List.of(DepartmentTables.row(info)));
            });
        } catch (RuntimeException e) {
            throw new StoreException("layer " + name + " not stored, store unchanged: " + e.getMessage(), e);
        }
        return info;
    }

    private List<DepartmentLayerInfo> imports() {
        return file.read(DepartmentTables.LAYERS).stream()
                .map(DepartmentTables::info)
                .toList();
    }

    @Override
    public List<DepartmentLayerInfo> departmentLayers() {
        return DepartmentTables.current(imports());
    }

    @Override
    public List<DepartmentUnit> units(String name) {
        return file.read(DepartmentTables.UNITS).stream()
                .filter(f -> name.equals(f.properties().get("layer")))
                .map(DepartmentTables::unit)
                .sorted(Comparator.comparing(DepartmentUnit::id))
                .toList();
    }

    @Override
    public List<DepartmentResource> resources(String name) {
        return file.read(DepartmentTables.RESOURCES).stream()
                .filter(f -> name.equals(f.properties().get("layer")))
                .map(DepartmentTables::resource)
                .sorted(Comparator.comparing(DepartmentResource::id))
                .toList();
    }
}
