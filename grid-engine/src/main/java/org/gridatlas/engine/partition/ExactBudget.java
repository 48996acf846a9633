package org.gridatlas.engine.partition;

import java.time.Duration;

/**
 * How much of CP-SAT's deterministic time the exact step has: at most {@code perCommunity} for one
 * community, and for a district of {@code districtHouseholds} at most {@link #DISTRICT_LIMITS}
 * community limits in all, shared among its communities by their households. The shares are fixed
 * before any community is planned, not first come first served, so that the same input gets the
 * same time, and so the same plan, on every run however the communities are scheduled. A share
 * too small to pay for the solver's start (its presolve alone costs a few hundredths) is none.
 */
public record ExactBudget(Duration perCommunity, long districtHouseholds) {
    /** A district's exact time, in community limits: bounded however many communities need the step. */
    static final int DISTRICT_LIMITS = 4;
    /** The least share worth a solve. */
    static final Duration LEAST = Duration.ofMillis(50);

    /** The budget of a community planned on its own (zero: no exact step). */
    public static ExactBudget community(Duration perCommunity) {
        return new ExactBudget(perCommunity, 0);
    }

    /** The time of a community of {@code households}. */
    Duration limit(long households) {
        if (districtHouseholds <= 0) return perCommunity;
        long share = Math.round((double) DISTRICT_LIMITS * perCommunity.toMillis() * households / districtHouseholds);
        return share < LEAST.toMillis() ? Duration.ZERO : Duration.ofMillis(Math.min(perCommunity.toMillis(), share));
    }
}
