package org.gridatlas.api.serving;

/** What a request named is not there (a community, a grid, a version); answered 404. */
public final class NotFound extends RuntimeException {
    public NotFound(String what) {
        super(what + " not found");
    }
}
