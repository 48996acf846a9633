package org.gridatlas.engine.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Enums travel as their lower-case names (DATA.md's snake_case values). */
final class WireNames {
    private WireNames() {}

    static <E extends Enum<E>> E parse(Class<E> type, String s) {
        if (s != null) {
            for (E e : type.getEnumConstants()) {
                if (e.name().equals(s.toUpperCase(Locale.ROOT))) return e;
            }
        }
        String allowed = Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
        throw new IllegalArgumentException("'" + s + "' is not one of " + allowed);
    }
}
