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
     * Whether {@code text} holds {@code name} with one of its characters after the first left out
     * (临嘉园 for 临海嘉园); without its first character the rest may end another word (海平嘉园).
     */
    static boolean oneDropped(String name, String text) {
        for (int i = 1; i < name.length(); i++)
            if (text.contains(name.substring(0, i) + name.substring(i + 1))) return true;
        return false;
    }

    /**
     * Whether {@code text} ends with {@code name} written with one character wrong or left out (阳光苑
     * as 阳光北): a slip as likely as the one that made another name, where the written name ends.
     */
    static boolean slipAtEnd(String name, String text) {
        int n = name.length();
        if (text.length() >= n) {
            String tail = text.substring(text.length() - n);
            int differ = 0;
            for (int i = 0; i < n; i++) if (tail.charAt(i) != name.charAt(i)) differ++;
            if (differ == 1) return true;
        }
        for (int i = 1; i < n; i++) if (text.endsWith(name.substring(0, i) + name.substring(i + 1))) return true;
        return false;
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
