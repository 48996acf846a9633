package org.gridatlas.engine.errors;

/**
 * Bad input, named: what a user gave cannot be used. {@code field} is the input at fault as the
 * engine names it (a setting such as {@code crs}, a layer, a file); {@code reason} says why in plain
 * words, naming no command-line option or HTTP parameter, because the command line and the API each
 * word the field for their own users. Anything else that fails is not the user's input and is never
 * reported as if it were.
 */
public class InputException extends IllegalArgumentException {
    private final String field;
    private final String reason;

    /** {@code field}: null when the reason itself names what it is about (a file and its record). */
    public InputException(String field, String reason) {
        this(field, reason, null);
    }

    public InputException(String field, String reason, Throwable cause) {
        super(field == null ? reason : field + ": " + reason, cause);
        this.field = field;
        this.reason = reason;
    }

    /** The input at fault, or null when the reason names it. */
    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
