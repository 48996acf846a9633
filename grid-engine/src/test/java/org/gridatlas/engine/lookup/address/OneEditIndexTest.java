package org.gridatlas.engine.lookup.address;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OneEditIndexTest {
    @Test
    void findsTheNamesWithACharacterMissingExtraOrWrongInAnyStretch() {
        OneEditIndex index = new OneEditIndex(List.of("阳光花园", "阳光北区", "建设里苑", "建设名苑", "和平街"));

        assertTrue(index.candidates("反映阳光花圆3号楼").contains("阳光花园"));
        assertFalse(index.candidates("反映阳光花圆3号楼").contains("建设里苑"));
        assertTrue(index.candidates("建设苑").containsAll(List.of("建设里苑", "建设名苑")));
        assertTrue(index.candidates("在和平大街").contains("和平街"));
        assertEquals(List.of(), index.candidates("人民医院对面"));
    }

    /** Every name within one edit of some stretch is found, and what is found beyond them is only two edits away. */
    @Test
    void findsExactlyTheNamesWithinOneEditOfTheText() {
        Random random = new Random(24);
        String alphabet = "阳光花园建设路";
        Set<String> names = new LinkedHashSet<>();
        while (names.size() < 300) names.add(word(random, alphabet, 3 + random.nextInt(4)));
        OneEditIndex index = new OneEditIndex(names);
        for (int i = 0; i < 300; i++) {
            String text = word(random, alphabet + "号楼", 2 + random.nextInt(10));
            List<String> within = new ArrayList<>();
            for (String n : names) if (EditDistance.inText(n, text) <= 1) within.add(n);
            List<String> found = index.candidates(text);
            assertTrue(found.containsAll(within), text);
            for (String n : found) assertTrue(EditDistance.inText(n, text) <= 2, text + " " + n);
        }
    }

    private static String word(Random random, String alphabet, int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        return s.toString();
    }
}
