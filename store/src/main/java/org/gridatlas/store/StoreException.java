package org.gridatlas.store;

import java.sql.SQLException;

/** A store could not do what was asked; nothing was changed. */
public final class StoreException extends RuntimeException {
    /** Why, as far as the caller needs to know: the store is unreachable, or it refused the data it was given. */
    public enum Kind {
        UNAVAILABLE,
        BAD_DATA,
        CONFLICT
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * From the database's SQLSTATE: class 22 (data exception: a value out of range, bad text) is
     * the data's fault, class 23 (integrity constraint) a conflict with what is stored; everything
     * else (connection, resources, the server) means the store is unavailable.
     */
    public Kind kind() {
        for (Throwable t = getCause(); t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                if (sql.getSQLState().startsWith("22")) return Kind.BAD_DATA;
                if (sql.getSQLState().startsWith("23")) return Kind.CONFLICT;
            }
        }
        return Kind.UNAVAILABLE;
    }
}
