package org.gridatlas.store;

/** A commit made over a version of the community that is no longer the current one; nothing was stored. */
public final class StaleVersionException extends RuntimeException {
    private final long current;

    public StaleVersionException(String community, long expected, long current) {
        super("community " + community + " is at version " + current + ", not " + expected
                + ": someone committed in between; preview again");
        this.current = current;
    }

    public long current() {
        return current;
    }
}
