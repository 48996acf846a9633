package org.gridatlas.api.web;

import java.nio.file.Files;
import java.nio.file.Path;
import org.gridatlas.store.GeoPackageGridStore;
import org.gridatlas.store.GridStore;

/** The attack suite against a server on the embedded GeoPackage store. */
class GeoPackageAttackTest extends AttackSuite {
    private Path dir;
    private GeoPackageGridStore store;

    @Override
    protected GridStore openStore() throws Exception {
        dir = Files.createTempDirectory("gridatlas-attack");
        store = GeoPackageGridStore.open(dir.resolve("s.gpkg"));
        return store;
    }

    @Override
    protected void closeStore() throws Exception {
        store.close();
        Files.deleteIfExists(dir.resolve("s.gpkg"));
        Files.deleteIfExists(dir);
    }
}
