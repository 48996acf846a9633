package org.gridatlas.engine.validate;

/**
 * The rules of docs/DATA.md as they are checked: one name for each, the same in the verifier's
 * counts, the editor's refusals and the API's answers. {@link #section} is where DATA.md states it.
 */
public enum Rule {
    EACH_BUILDING_ONCE("rule 1"),
    BUILDING_INSIDE_GRID("rule 1"),
    COVERAGE("rule 2"),
    NO_OVERLAP("rule 2"),
    ONE_VALID_POLYGON("rule 3"),
    HOUSEHOLDS_SUM("rule 4"),
    BOUNDS_OR_FLAGGED("rule 4"),
    COMPOUND_NOT_SPLIT("rule 5"),
    BUILDING_NOT_SPLIT("rule 5"),
    CODES_UNIQUE("codes"),
    CODE_LAYOUT("codes"),
    MICRO_COVERAGE("micro grids");

    private final String section;

    Rule(String section) {
        this.section = section;
    }

    public String wireName() {
        return name().toLowerCase();
    }

    public String section() {
        return section;
    }
}
