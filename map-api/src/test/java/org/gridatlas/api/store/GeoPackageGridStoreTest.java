package org.gridatlas.api.store;

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
}
