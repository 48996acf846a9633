package org.gridatlas.api.web;

/** A request the API refuses: HTTP status, the field at fault (or null) and why. Sent as JSON. */
public final class ApiError extends RuntimeException {
    private final int status;
    private final String field;

    public ApiError(int status, String field, String message) {
        super(message);
        this.status = status;
        this.field = field;
    }

    public int status() {
        return status;
    }

    public String field() {
        return field;
    }

    static ApiError badRequest(String field, String message) {
        return new ApiError(400, field, message);
    }

    static ApiError notFound(String what) {
        return new ApiError(404, null, what + " not found");
    }
}
