package org.gridatlas.api.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The summaries' window is sized to the heap, so a small server starts rather than running out of memory. */
class ReportsWindowCapTest {
    private static final long MB = 1024 * 1024;

    @Test
    void aSmallHeapGetsAWindowItsLongestReportsFitIn() {
        int cap = ReportsResource.windowCap(256 * MB);
        assertEquals(21_845, cap);
        // reports with the longest texts hold about 5 KB: the window then takes under half the heap
        assertTrue(cap * 5L * 1024 < 128 * MB, "window of " + cap + " reports");
    }

    @Test
    void aLargeHeapKeepsTheFixedCap() {
        assertEquals(ReportsResource.MAX_WINDOW, ReportsResource.windowCap(4096 * MB));
    }
}
