package org.gridatlas.api.geoserver;

/** GeoServer refused or failed a request; the message says which request and why, in words a person can act on. */
public final class GeoServerException extends RuntimeException {
    private final int status;

    public GeoServerException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** GeoServer's HTTP status, or 0 when it could not be reached at all. */
    public int status() {
        return status;
    }
}
