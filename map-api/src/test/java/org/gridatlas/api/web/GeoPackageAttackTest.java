package org.gridatlas.api.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
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

    @Override
    protected void spoilReport(String id) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("s.gpkg"));
                PreparedStatement ps = c.prepareStatement("UPDATE reports SET status = 'spoilt' WHERE report_id = ?")) {
            ps.setString(1, id);
            ps.executeUpdate();
        }
    }
}
