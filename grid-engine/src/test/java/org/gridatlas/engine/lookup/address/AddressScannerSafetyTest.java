package org.gridatlas.engine.lookup.address;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Whatever a caller types, the matcher answers: a match or none, never an exception. */
class AddressScannerSafetyTest {
    private static final String ALPHABET =
            "建设里小区文化路海滨阳光花园社区街道号楼栋幢座单元门层室户组期之甲乙一二三四五六七八九十百千两零" + "0123456789０１２３４５６７８９-—~#（）()，。：、 　abcXYZ\t\n號樓單區";

    private final AddressMatcher matcher = AddressMatcherTest.handWrittenMatcher();

    @Test
    void textsStartingWithANumberOrWithHugeNumbersAreAnswered() {
        for (String text : new String[] {
            "3号楼2单元门口垃圾",
            "128号",
            "12345热线转办",
            "3",
            "-3",
            "甲",
            "甲3号",
            "建设里小区99999999999999999999号楼",
            "建设里3-99999999999999999999-1",
            "文化路99999999999999999999号",
            "建设里小区3-2-401-5-6",
            "建设里99-99999999999999999999",
            "一二三四五六七八九一二三四五六七八九号",
            "阳光花园99999999999期"
        }) {
            AddressMatch m = assertDoesNotThrow(() -> matcher.match(text), text);
            assertNotNull(m.level(), text);
        }
    }

    @Test
    void randomTextsOfAddressCharactersNeverThrow() {
        SplittableRandom rnd = new SplittableRandom(24);
        for (int i = 0; i < 5_000; i++) {
            StringBuilder b = new StringBuilder();
            int n = rnd.nextInt(40);
            for (int k = 0; k < n; k++) {
                int pick = rnd.nextInt(10);
                if (pick == 0) b.appendCodePoint(0x4E00 + rnd.nextInt(0x9FA5 - 0x4E00)); // any CJK character
                else if (pick == 1) b.append((char) rnd.nextInt(0x80));
                else if (pick == 2) b.append(Long.toString(rnd.nextLong() & Long.MAX_VALUE));
                else b.append(ALPHABET.charAt(rnd.nextInt(ALPHABET.length())));
            }
            String text = b.toString();
            assertNotNull(assertDoesNotThrow(() -> matcher.match(text), text).level(), text);
        }
    }
}
