package org.gridatlas.api.web;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import org.gridatlas.fixtures.Slow;
import org.gridatlas.store.GridStore;
import org.gridatlas.store.PostGisGridStore;
import org.gridatlas.store.ThrowawayDatabase;

/** The attack suite against a server on PostGIS, in a throwaway database. */
@Slow
class PostGisAttackTest extends AttackSuite {
    private ThrowawayDatabase db;
    private PostGisGridStore store;

    @Override
    protected GridStore openStore() throws Exception {
        db = new ThrowawayDatabase(TwoInstancesTest.SERVER, "gridatlas_attack");
        store = PostGisGridStore.open(db.url());
        return store;
    }

    @Override
    protected void closeStore() throws Exception {
        store.close();
        db.close();
    }

    @Override
    protected void spoilReport(String id) throws Exception {
        try (Connection c = DriverManager.getConnection(db.url());
                PreparedStatement ps = c.prepareStatement("UPDATE reports SET status = 'spoilt' WHERE report_id = ?")) {
            ps.setString(1, id);
            ps.executeUpdate();
        }
    }
}
