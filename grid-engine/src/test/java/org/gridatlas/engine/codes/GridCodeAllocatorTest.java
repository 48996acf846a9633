package org.gridatlas.engine.codes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.gridatlas.engine.TestData;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;

class GridCodeAllocatorTest {
    @Test
    void numbersRowsNorthToSouthEachWestToEast() {
        // given in a scrambled order: SE, NW, SW, NE (y grows northwards)
        List<Geometry> g = List.of(
                TestData.rect(100, 0, 100, 100),
                TestData.rect(0, 110, 100, 100),
                TestData.rect(0, 0, 100, 100),
                TestData.rect(100, 95, 100, 100));
        List<String> codes = GridCodeAllocator.codes("990101001001", g, 1);
        assertEquals(List.of("990101001001004", "990101001001001", "990101001001003", "990101001001002"), codes);
    }

    @Test
    void dedicatedGridsStartAt901() {
        List<String> codes = GridCodeAllocator.codes(
                "990101001001", List.of(TestData.rect(0, 0, 10, 10)), GridCodeAllocator.FIRST_DEDICATED);
        assertEquals(List.of("990101001001901"), codes);
    }

    @Test
    void refusesToRunOutOfSequenceNumbers() {
        List<Geometry> many = new ArrayList<>();
        for (int i = 0; i < 100; i++) many.add(TestData.rect(i * 20, 0, 10, 10));
        assertThrows(
                IllegalStateException.class,
                () -> GridCodeAllocator.codes("990101001001", many, GridCodeAllocator.FIRST_DEDICATED));
    }
}
