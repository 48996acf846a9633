package org.gridatlas.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.gridatlas.engine.errors.InputException;

/**
 * How every PostGIS call runs: on a pooled connection, writes in one transaction that commits when
 * the work returns and rolls back when it throws, and failures told one way — the server out of
 * reach is "store unreachable"; a write that failed says so and that nothing changed.
 */
final class Jdbc {
    /** Work on a connection. */
    interface Work<T> {
        T run(Connection c) throws SQLException, IOException;
    }

    /** An SQLException from code that cannot throw one (a {@link CommunityVersioning} step), to be told as the write's failure. */
    static final class Failed extends RuntimeException {
        Failed(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }

    private final DataSource pool;

    Jdbc(DataSource pool) {
        this.pool = pool;
    }

    <T> T read(Work<T> work) {
        try (Connection c = pool.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw unreachable(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code failed}: what the caller is told when the work fails ("import failed"), before ", store unchanged". */
    <T> T inTransaction(String failed, Work<T> work) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                T out = work.run(c);
                c.commit();
                return out;
            } catch (SQLException | IOException | RuntimeException e) {
                c.rollback();
                if (e instanceof StaleVersionException
                        || e instanceof ReportStatus.IllegalMove
                        || e instanceof InputException) {
                    throw (RuntimeException) e; // refusals, not failures
                }
                Throwable cause = e instanceof Failed f ? f.getCause() : e;
                throw new StoreException(failed + ", store unchanged: " + cause.getMessage(), cause);
            }
        } catch (SQLException e) {
            throw unreachable(e);
        }
    }

    /** Whether the server gives a working connection within two seconds (for readiness). */
    boolean reachable() {
        try (Connection c = pool.getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private static StoreException unreachable(SQLException e) {
        return new StoreException("store unreachable: " + e.getMessage(), e);
    }
}
