package org.gridatlas.api.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import org.gridatlas.fixtures.Slow;
import org.gridatlas.store.AccessToken;
import org.gridatlas.store.GridStore;
import org.gridatlas.store.PostGisGridStore;
import org.gridatlas.store.ThrowawayDatabase;
import org.junit.jupiter.api.Test;

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

    /**
     * Row 13: a token replaced (as the token command does, from a process of its own) stops working
     * at once on every instance: each rereads the list on PostgreSQL's notice. The second instance's
     * clock stands still, so only the notice can make it reread.
     */
    @Test
    void aReplacedTokenIsRefusedAtOnceOnEveryInstance() throws Exception {
        String lookup = "/api/v1/grids?limit=1", old = "Bearer " + ChangesResourceTest.READER;
        Instant stopped = Instant.now();
        try (PostGisGridStore elsewhere = PostGisGridStore.open(db.url());
                ApiServer other = new ApiServer(elsewhere, locked(), () -> stopped).start("127.0.0.1", 0);
                PostGisGridStore command = PostGisGridStore.open(db.url())) {
            for (ApiServer s : java.util.List.of(server(), other))
                assertEquals(
                        200,
                        RawHttp.send(s.port(), "GET", lookup, null, "Authorization", old)
                                .status());
            long heardHere = metric(server(), "gridatlas_token_reads_total"),
                    heardThere = metric(other, "gridatlas_token_reads_total");
            command.putToken(new AccessToken("李查看", "reader", AccessToken.digest("replaced"), Instant.now()));
            awaitAbove(server(), heardHere);
            awaitAbove(other, heardThere);
            for (ApiServer s : java.util.List.of(server(), other)) {
                assertEquals(
                        401,
                        RawHttp.send(s.port(), "GET", lookup, null, "Authorization", old)
                                .status());
                assertEquals(
                        200,
                        RawHttp.send(s.port(), "GET", lookup, null, "Authorization", "Bearer replaced")
                                .status());
            }
        }
    }

    /** The handshake that an instance heard the notice and reread its tokens. */
    private static void awaitAbove(ApiServer s, long reads) throws Exception {
        for (int i = 0; i < 2000; i++) if (metric(s, "gridatlas_token_reads_total") > reads) return;
        throw new AssertionError("the tokens were not reread on the notice");
    }
}
