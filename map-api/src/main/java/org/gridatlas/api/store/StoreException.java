package org.gridatlas.api.store;

/** A store could not do what was asked; nothing was changed. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
