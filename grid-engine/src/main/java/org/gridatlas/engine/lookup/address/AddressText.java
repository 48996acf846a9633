package org.gridatlas.engine.lookup.address;

import java.text.Normalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts address text in one form before it is read: full-width letters, digits and signs as ASCII
 * (NFKC), traditional forms of the address words as simplified, every dash as '-', no spaces, and
 * numbers written in Chinese (三号楼, 二单元, 十二层, 一百二十八号) as digits.
 */
public final class AddressText {
    private AddressText() {}

    private static final Pattern CHINESE_NUMBER =
            Pattern.compile("([零〇一二两三四五六七八九十百千]+)(?=号|號|栋|棟|幢|座|单元|單元|门|層|层|楼|樓|室|户|組|组)");
    /** A compound's phase is part of its name, so it is written one way, in Chinese: 2期 → 二期. */
    private static final Pattern DIGIT_PHASE = Pattern.compile("(?<!\\d)(\\d{1,2})期");

    private static final String DIGITS = "〇一二三四五六七八九";
    private static final Pattern ZHI = Pattern.compile("(?<=\\d)之(?=[\\d一二三四五六七八九十])");

    public static String normalise(String raw) {
        String s = plain(raw) ? raw : Normalizer.normalize(raw, Normalizer.Form.NFKC);
        char[] b = new char[s.length()];
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case ' ', '\t', '\n', '\r', '\u3000' -> {}
                case '—', '–', '‐', '‑', '―', '−', '~', '～', '_' -> b[n++] = '-';
                case '號' -> b[n++] = '号';
                case '樓' -> b[n++] = '楼';
                case '棟' -> b[n++] = '栋';
                case '單' -> b[n++] = '单';
                case '層' -> b[n++] = '层';
                case '區' -> b[n++] = '区';
                case '組' -> b[n++] = '组';
                case '園' -> b[n++] = '园';
                // Chinese characters have no case: only ASCII and the rest are lowered
                default ->
                    b[n++] = c < 0x80
                            ? (char) (c >= 'A' && c <= 'Z' ? c + 32 : c)
                            : c >= 0x4E00 && c <= 0x9FFF ? c : Character.toLowerCase(c);
            }
        }
        String out = new String(b, 0, n);
        if (out.indexOf('之') >= 0) out = ZHI.matcher(out).replaceAll("-");
        if (out.indexOf('期') >= 0)
            out = DIGIT_PHASE.matcher(out).replaceAll(r -> chinese(Integer.parseInt(r.group(1))) + "期");
        if (!hasChineseNumeral(out)) return out;
        Matcher m = CHINESE_NUMBER.matcher(out);
        if (!m.find()) return out;
        StringBuilder r = new StringBuilder(out.length());
        do {
            int v = chineseNumber(m.group(1));
            m.appendReplacement(r, v < 0 ? m.group(1) : Integer.toString(v));
        } while (m.find());
        m.appendTail(r);
        return r.toString();
    }

    private static boolean hasChineseNumeral(String s) {
        for (int i = 0; i < s.length(); i++)
            switch (s.charAt(i)) {
                case '零', '〇', '一', '二', '两', '三', '四', '五', '六', '七', '八', '九', '十', '百', '千' -> {
                    return true;
                }
                default -> {}
            }
        return false;
    }

    /** Whether the text is ASCII and common Chinese characters only, which NFKC leaves as they are. */
    private static boolean plain(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= 0x80 && (c < 0x4E00 || c > 0x9FFF)) return false;
        }
        return true;
    }

    /** 3 → 三, 12 → 十二, 20 → 二十 (numbers under 100, as phases, buildings and units are). */
    public static String chinese(int v) {
        if (v < 10) return String.valueOf(DIGITS.charAt(v));
        String tens = v / 10 == 1 ? "十" : DIGITS.charAt(v / 10) + "十";
        return tens + (v % 10 == 0 ? "" : String.valueOf(DIGITS.charAt(v % 10)));
    }

    /** 三 → 3, 十二 → 12, 二十 → 20, 一百零八 → 108, 两 → 2; -1 when the characters are not a number. */
    static int chineseNumber(String s) {
        int total = 0, section = 0, digit = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int d = "零〇一二三四五六七八九".indexOf(c);
            if (d >= 0) {
                digit = d <= 1 ? 0 : d - 1;
                continue;
            }
            if (c == '两') {
                digit = 2;
                continue;
            }
            int unit = c == '十' ? 10 : c == '百' ? 100 : c == '千' ? 1000 : -1;
            if (unit < 0) return -1;
            section += (digit < 0 ? 1 : digit) * unit;
            digit = -1;
        }
        if (digit > 0) section += digit;
        total += section;
        // a plain string of digits (一二八 = 128) reads digit by digit
        if (s.length() > 1 && s.chars().noneMatch(c -> c == '十' || c == '百' || c == '千')) {
            int v = 0;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                int d = c == '两' ? 2 : "零〇一二三四五六七八九".indexOf(c);
                v = v * 10 + (d <= 1 ? 0 : d - 1);
            }
            return v;
        }
        return total;
    }
}
