package org.gridatlas.engine.edit;

import org.gridatlas.engine.validate.Rule;

/** An edit that would break a rule of DATA.md, or names what is not there; nothing was changed. */
public final class EditRefused extends RuntimeException {
    private final Rule rule;

    public EditRefused(Rule rule, String message) {
        super(message);
        this.rule = rule;
    }

    /** An edit that names what is not there or asks what cannot be (no rule is at stake). */
    public static EditRefused request(String message) {
        return new EditRefused(null, message);
    }

    /** The rule the edit would break; null for a bad request. */
    public Rule rule() {
        return rule;
    }

    /** How answers name the refusal: the rule's name, or "request". */
    public String field() {
        return rule == null ? "request" : rule.wireName();
    }
}
