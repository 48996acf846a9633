package org.gridatlas.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeoPackageGridStoreTest extends GridStoreContract {
    @TempDir
    Path dir;

    private GeoPackageGridStore store;

    @BeforeEach
    void open() {
        store = GeoPackageGridStore.open(dir.resolve("store.gpkg"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Override
    protected GridStore store() {
        return store;
    }

    @Test
    void survivesReopening() {
        store.replace(DATA, RESULT, "kept");
        store.close();
        store = GeoPackageGridStore.open(dir.resolve("store.gpkg"));
        assertEquals(RESULT.grids().size(), store.load().grids().size());
    }

    @Test
    void aStoreWrittenBeforeAddressesGainsTheirColumns() {
        store.close();
        Path old = dir.resolve("old.gpkg");
        mil.nga.geopackage.GeoPackageManager.create(old.toFile());
        mil.nga.geopackage.GeoPackage gp = mil.nga.geopackage.GeoPackageManager.open(old.toFile());
        // the buildings and reports tables as they were before the address fields
        java.util.Map<String, org.gridatlas.engine.io.FieldType> fields =
                new java.util.LinkedHashMap<>(org.gridatlas.engine.io.DataContract.BUILDINGS.fields());
        fields.keySet().removeAll(java.util.List.of("road", "house_number", "compound_name", "building_no"));
        org.gridatlas.engine.io.GeoPackageLayers.create(
                gp, new org.gridatlas.engine.io.LayerSchema("buildings", true, fields));
        gp.close();
        store = GeoPackageGridStore.open(old);
        org.gridatlas.engine.model.Building b = DATA.buildings().get(0);
        org.gridatlas.engine.model.StreetAddress address =
                org.gridatlas.engine.model.StreetAddress.of("文化路128号", "文化路", "128", null, null);
        java.util.List<org.gridatlas.engine.model.Building> buildings = new java.util.ArrayList<>(DATA.buildings());
        buildings.set(
                0,
                new org.gridatlas.engine.model.Building(
                        b.id(),
                        b.households(),
                        false,
                        b.use(),
                        b.compoundId(),
                        b.floors(),
                        address,
                        b.units(),
                        b.geometry()));
        store.replace(
                new org.gridatlas.engine.model.Dataset(
                        DATA.communities(),
                        buildings,
                        DATA.barriers(),
                        DATA.campuses(),
                        DATA.hamlets(),
                        java.util.List.of(),
                        java.util.List.of()),
                RESULT,
                "after the upgrade");
        assertEquals(
                address,
                store.load().buildings().stream()
                        .filter(x -> x.id().equals(b.id()))
                        .findFirst()
                        .orElseThrow()
                        .address());
    }
}
