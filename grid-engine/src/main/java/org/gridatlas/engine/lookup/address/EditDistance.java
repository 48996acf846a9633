package org.gridatlas.engine.lookup.address;

/** Edit distances for names written with a character missing, extra or wrong. */
final class EditDistance {
    private EditDistance() {}

    /** Words that end place names and say little about which place: 路, 大街, 小区, 花园, 二期 … */
    private static final String[] GENERIC_ENDINGS = {
        "村民委员会", "居委会", "村委会", "社区", "街道", "大街", "大道", "公路", "胡同", "小区", "花园", "家园", "公寓", "新村", "雅居", "佳园", "名苑", "嘉园",
        "新城", "东区", "西区", "南区", "北区", "大厦", "广场", "路", "街", "巷", "道", "苑", "园", "院", "城", "村", "镇", "乡", "里"
    };

    private static final java.util.regex.Pattern PHASE = java.util.regex.Pattern.compile("[一二三四五六七八九十\\d]+期$");

    /** The distinctive part of a name: without its phase and its generic ending (阳光 of 阳光花园二期). */
    static String stem(String name) {
        String stem = PHASE.matcher(name).replaceFirst("");
        String ending = ending(stem);
        return stem.substring(0, stem.length() - ending.length());
    }

    private static String ending(String unphased) {
        for (String ending : GENERIC_ENDINGS)
            if (unphased.endsWith(ending) && unphased.length() > ending.length()) return ending;
        return "";
    }

    /**
     * Edits a name may carry in {@code text} and still be recognised: one, two for a name whose
     * distinctive part has six characters or more. A distinctive part under three characters must
     * stand in the text as it is — one wrong character of 天府 leaves 天山, another road — so only a
     * generic ending of two characters may be misspelt (阳光花圆 for 阳光花园; 解放碑 is not 解放街).
     */
    static int allowed(String name, String text) {
        String stem = stem(name);
        if (stem.length() >= 3) return stem.length() < 6 ? 1 : 2;
        return stem.length() == 2
                        && ending(PHASE.matcher(name).replaceFirst("")).length() >= 2
                        && text.contains(stem)
                ? 1
                : 0;
    }

    /**
     * Whether {@code text} ends with {@code name} with one of its characters after the first left
     * out (临嘉园 for 临海嘉园), as a stretch of text before a number or a place word ends with the
     * name written there; without its first character the rest may end another word (海平嘉园), and
     * a name's first characters amid other words (解放 of 解放碑步行街) are not 解放街 short of its 街.
     * What is left must be three characters or more: two (中路, ending 淮海中路) are as often part of
     * another word, and a two-character name is matched only as written.
     */
    static boolean oneDropped(String name, String text) {
        if (name.length() < 4) return false;
        for (int i = 1; i < name.length(); i++)
            if (text.endsWith(name.substring(0, i) + name.substring(i + 1))) return true;
        return false;
    }

    /** How many of the name's characters do not occur in the text: a floor under its edits in it. */
    static int absent(String name, String text) {
        int n = 0;
        for (int i = 0; i < name.length(); i++) if (text.indexOf(name.charAt(i)) < 0) n++;
        return n;
    }

    /** The fewest insertions, deletions and substitutions that turn {@code a} into {@code b} (Levenshtein). */
    static int between(String a, String b) {
        int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++)
                cur[j] = Math.min(
                        prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1),
                        Math.min(prev[j] + 1, cur[j - 1] + 1));
            int[] swap = prev;
            prev = cur;
            cur = swap;
        }
        return prev[b.length()];
    }

    /**
     * What {@code text} wrote for {@code name}: the longest stretch of it that is {@code name} with
     * the fewest edits (阳光花圆 in 反映阳光花圆, not 阳光花 with a character left out), so a rival is
     * judged against the name as written, not against the words around it.
     */
    static String written(String name, String text) {
        int d = inText(name, text), m = name.length();
        String best = null;
        for (int end = text.length(); end >= 1; end--)
            for (int start = Math.max(0, end - m - d); start <= end - Math.max(1, m - d); start++) {
                if (best != null && end - start <= best.length()) break;
                String s = text.substring(start, end);
                if (between(name, s) == d) best = s;
            }
        return best == null ? name : best;
    }

    /** The fewest insertions, deletions and substitutions that make {@code name} a substring of {@code text} (Sellers). */
    static int inText(String name, String text) {
        int m = name.length();
        int[] prev = new int[m + 1], cur = new int[m + 1];
        for (int i = 0; i <= m; i++) prev[i] = i;
        int best = m;
        for (int j = 0; j < text.length(); j++) {
            char t = text.charAt(j);
            cur[0] = 0;
            for (int i = 1; i <= m; i++) {
                int sub = prev[i - 1] + (name.charAt(i - 1) == t ? 0 : 1);
                cur[i] = Math.min(sub, Math.min(prev[i] + 1, cur[i - 1] + 1));
            }
            best = Math.min(best, cur[m]);
            int[] swap = prev;
            prev = cur;
            cur = swap;
        }
        return best;
    }
}
