package org.gridatlas.engine.lookup.address;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.sourceforge.pinyin4j.PinyinHelper;

/**
 * Characters a pinyin input method offers for the same syllables (和/河, 京/景, 心/新): a name typed
 * with one of them in place of another is a slip of the input method, not another name.
 */
final class Homophones {
    private Homophones() {}

    /** Each character's readings without tones; empty for a character that is not Chinese. */
    private static final Map<Character, Set<String>> READINGS = new ConcurrentHashMap<>();

    static boolean alike(char a, char b) {
        if (a == b) return true;
        Set<String> ra = readings(a);
        return !ra.isEmpty() && readings(b).stream().anyMatch(ra::contains);
    }

    /** Whether {@code text} holds {@code name} with exactly one character typed as a homophone of it. */
    static boolean oneSwapped(String name, String text) {
        int n = name.length();
        for (int at = 0; at + n <= text.length(); at++) {
            int differ = -1;
            boolean fits = true;
            for (int i = 0; i < n && fits; i++) {
                if (name.charAt(i) == text.charAt(at + i)) continue;
                if (differ >= 0) fits = false;
                else differ = i;
            }
            if (fits && differ >= 0 && alike(name.charAt(differ), text.charAt(at + differ))) return true;
        }
        return false;
    }

    private static Set<String> readings(char c) {
        return READINGS.computeIfAbsent(c, k -> {
            String[] r = PinyinHelper.toHanyuPinyinStringArray(k);
            return r == null
                    ? Set.of()
                    : Stream.of(r).map(p -> p.replaceAll("[0-9]", "")).collect(Collectors.toUnmodifiableSet());
        });
    }
}
