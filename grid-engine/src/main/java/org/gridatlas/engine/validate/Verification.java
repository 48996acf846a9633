package org.gridatlas.engine.validate;

import java.util.List;
import java.util.Map;

/** What {@link GridVerifier} found: per rule (by {@link Rule#wireName}), how many violations, and a few examples of each. */
public record Verification(Map<String, Integer> counts, Map<String, List<String>> examples) {

    public boolean passed() {
        return counts.values().stream().allMatch(c -> c == 0);
    }

    public int violations(Rule rule) {
        return counts.getOrDefault(rule.wireName(), 0);
    }
}
