package org.gridatlas.engine.edit;

/** An edit that would break a rule of DATA.md (or makes no sense here); nothing was changed. */
public final class EditRefused extends RuntimeException {
    private final String rule;

    public EditRefused(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    /** The DATA.md rule (e.g. "rule 3: one valid polygon") or "request" for an edit that names what is not there. */
    public String rule() {
        return rule;
    }
}
