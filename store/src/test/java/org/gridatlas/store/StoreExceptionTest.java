package org.gridatlas.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** The database's SQLSTATE decides whether the data, a conflict or the store is at fault. */
class StoreExceptionTest {
    @Test
    void sqlStateClassesDecideTheKind() {
        assertEquals(StoreException.Kind.BAD_DATA, kind("22008"), "datetime field overflow");
        assertEquals(StoreException.Kind.BAD_DATA, kind("22021"), "character not in repertoire (a NUL)");
        assertEquals(StoreException.Kind.CONFLICT, kind("23505"), "unique violation");
        assertEquals(StoreException.Kind.UNAVAILABLE, kind("08006"), "connection failure");
        assertEquals(StoreException.Kind.UNAVAILABLE, kind(null), "no state: a pool time-out");
        assertEquals(StoreException.Kind.UNAVAILABLE, new StoreException("x", new java.io.IOException("disk")).kind());
    }

    private static StoreException.Kind kind(String state) {
        return new StoreException("wrapped", new RuntimeException(new SQLException("boom", state))).kind();
    }
}
