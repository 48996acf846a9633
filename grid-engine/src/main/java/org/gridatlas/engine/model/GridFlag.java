package org.gridatlas.engine.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Why a grid breaks a rule of DATA.md: the values of a grid's {@code flags}, the one list the
 * planner, the edits, the verifier, the report and the API share (DATA.md lists the same).
 */
public enum GridFlag {
    /** Rule 4: an urban grid under the minimum households. */
    BELOW_MIN,
    /** Rule 4: an urban grid over the maximum households. */
    ABOVE_MAX,
    /** Rule 5: one building alone is over the maximum and has no units to divide it by. */
    SINGLE_BUILDING_OVER_MAX,
    /** Rule 3: a grid whose part cut off by the community's shape could join no neighbour. */
    NOT_CONTIGUOUS,
    /** Rule 7: a village whose barriers and hamlets allow no number of grids the rule asks for. */
    RURAL_GRID_COUNT;

    @JsonValue
    public String wireName() {
        return name().toLowerCase();
    }

    @JsonCreator
    public static GridFlag parse(String s) {
        return WireNames.parse(GridFlag.class, s);
    }
}
