package org.gridatlas.engine.lookup.address;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EditDistanceTest {
    @Test
    void whatWasWrittenForANameIsTheLongestStretchWithItsFewestEdits() {
        assertEquals("阳光花圆", EditDistance.written("阳光花园", "群众反映阳光花圆"));
        assertEquals("临嘉园", EditDistance.written("临海嘉园", "在临嘉园"));
        // 阳光苑 fits 阳光花圆 only by its 阳光: two edits from what was written, so no rival of 阳光花园
        assertEquals(1, EditDistance.inText("阳光苑", "阳光花圆"));
        assertEquals(2, EditDistance.between("阳光苑", EditDistance.written("阳光花园", "阳光花圆")));
        assertEquals(1, EditDistance.between("阳光名苑", "阳光苑"));
    }

    @Test
    void aDroppedCharacterIsWhereTheWrittenNameEndsAndLeavesThreeCharacters() {
        assertTrue(EditDistance.oneDropped("临海嘉园", "来电人称临嘉园"));
        assertFalse(EditDistance.oneDropped("临海嘉园", "临嘉园东门"), "not where the written name ends");
        assertFalse(EditDistance.oneDropped("中山路", "淮海中路"), "two characters left are part of another word");
        assertFalse(EditDistance.oneDropped("临海嘉园", "海嘉园"), "never the first character");
    }

    @Test
    void charactersTheTextLacksAreAFloorUnderTheEdits() {
        assertEquals(0, EditDistance.absent("阳光花园", "群众反映阳光花园"));
        assertEquals(2, EditDistance.absent("天山大道", "天府大街"));
    }
}
