package org.gridatlas.engine.io;

/**
 * Bad input, named: what a user gave (a file, an option) cannot be used, and the message says which
 * and why. The command line answers it with exit code 2; anything else that fails is not the
 * user's input and is never reported as if it were.
 */
public class InputException extends IllegalArgumentException {
    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
