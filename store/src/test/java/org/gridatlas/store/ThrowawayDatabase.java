package org.gridatlas.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** An empty PostgreSQL database made for one test or benchmark run and dropped when closed. */
public final class ThrowawayDatabase implements AutoCloseable {
    private final String server;
    private final String name;

    /** {@code server}: a JDBC URL ending in '/', e.g. jdbc:postgresql://127.0.0.1:5432/ (user postgres, trust auth). */
    public ThrowawayDatabase(String server, String prefix) throws SQLException {
        this.server = server;
        this.name = prefix + "_" + Long.toHexString(System.nanoTime());
        execute("CREATE DATABASE " + name);
    }

    public String url() {
        return server + name + "?user=postgres";
    }

    @Override
    public void close() throws SQLException {
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(server + "postgres?user=postgres");
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
