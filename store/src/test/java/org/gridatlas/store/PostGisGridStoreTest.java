package org.gridatlas.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The same contract against the real PostgreSQL + PostGIS on this machine, in a throwaway database. */
class PostGisGridStoreTest extends GridStoreContract {
    static final String SERVER = System.getenv().getOrDefault("GRIDATLAS_TEST_PG", "jdbc:postgresql://127.0.0.1:5432/");
    private ThrowawayDatabase database;
    private PostGisGridStore store;

    @BeforeEach
    void open() throws Exception {
        database = new ThrowawayDatabase(SERVER, "gridatlas_test");
        store = PostGisGridStore.open(database.url());
    }

    @AfterEach
    void close() throws Exception {
        store.close();
        database.close();
    }

    @Override
    protected GridStore store() {
        return store;
    }
}
