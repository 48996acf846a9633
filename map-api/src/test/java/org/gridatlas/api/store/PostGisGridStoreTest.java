package org.gridatlas.api.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The same contract against the real PostgreSQL + PostGIS on this machine, in a throwaway database. */
class PostGisGridStoreTest extends GridStoreContract {
    static final String SERVER = System.getenv().getOrDefault("GRIDATLAS_TEST_PG", "jdbc:postgresql://127.0.0.1:5432/");
    private String database;
    private PostGisGridStore store;

    /** Creates an empty database and returns its JDBC URL. */
    static String createDatabase(String name) throws Exception {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres?user=postgres"); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return SERVER + name + "?user=postgres";
    }

    static void dropDatabase(String name) throws Exception {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres?user=postgres"); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    @BeforeEach
    void open() throws Exception {
        database = "gridatlas_test_" + Long.toHexString(System.nanoTime());
        store = PostGisGridStore.open(createDatabase(database));
    }

    @AfterEach
    void close() throws Exception {
        store.close();
        dropDatabase(database);
    }

    @Override
    protected GridStore store() {
        return store;
    }
}
