package org.gridatlas.engine.errors;

/**
 * Delineating one community failed on input that passed reading: a bug in the engine, never bad
 * input. Names the community so that the case can be reproduced.
 */
public final class PlanningFailure extends RuntimeException {
    private final String community;

    public PlanningFailure(String community, Throwable cause) {
        super(
                "internal error while delineating community " + community
                        + " (this is a bug: please report it with the input): " + cause,
                cause);
        this.community = community;
    }

    public String community() {
        return community;
    }
}
