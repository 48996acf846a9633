package org.gridatlas.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridatlas.engine.errors.InputException;

/** An option of KEY=VALUE pairs (垃圾=24,噪音=48), each value matching a pattern, refused by name when one does not. */
final class Pairs {
    private Pairs() {}

    static Map<String, String> parse(String option, List<String> pairs, String valuePattern, String example) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String p : pairs) {
            String[] kv = p.split("=", 2);
            if (kv.length != 2 || kv[0].isBlank() || !kv[1].strip().matches(valuePattern)) {
                throw new InputException(option, "takes pairs like " + example + ", not '" + p + "'");
            }
            out.put(kv[0].strip(), kv[1].strip());
        }
        return out;
    }
}
