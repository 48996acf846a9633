package org.gridatlas.engine.departments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ShareRoundingTest {
    @Test
    void aGridsSharesRoundedOneByOneNeverAddUpPastOne() {
        // each rounded half up alone: 0.333334 + 0.666667 = 1.000001
        long[] halves = ShareRounding.millionths(new double[] {0.3333335, 0.6666665});
        assertEquals(1_000_000, halves[0] + halves[1], Arrays.toString(halves));
        assertTrue(halves[0] >= 333_333 && halves[0] <= 333_334, Arrays.toString(halves));
        assertArrayEquals(
                new long[] {1_000_000},
                ShareRounding.millionths(new double[] {1 - 3e-14}),
                "a whole grid in one unit stays 1");
        assertArrayEquals(
                new long[] {500_000, 250_000}, ShareRounding.millionths(new double[] {0.5, 0.25}), "a gap stays a gap");
    }

    @Test
    void sharesKeepTheirRoundedSumAndMoveLessThanAMillionthEach() {
        SplittableRandom rnd = new SplittableRandom(3);
        for (int trial = 0; trial < 2_000; trial++) {
            double[] parts = rnd.doubles(1 + rnd.nextInt(8)).toArray();
            double sum = Arrays.stream(parts).sum()
                    / (trial % 2 == 0 ? 1 : rnd.nextDouble(1, 2)); // some grids not wholly covered
            double[] shares = Arrays.stream(parts).map(p -> p / sum).toArray();
            long[] m = ShareRounding.millionths(shares);
            assertEquals(
                    Math.round(Arrays.stream(shares).sum() * 1e6),
                    Arrays.stream(m).sum(),
                    Arrays.toString(shares));
            for (int k = 0; k < m.length; k++)
                assertTrue(Math.abs(m[k] - shares[k] * 1e6) < 1, Arrays.toString(shares));
        }
    }

    @Test
    void aGridsRowsAreRoundedTogetherAndAGridWithoutHouseholdsKeepsNone() {
        List<CrosswalkRow> rows = ShareRounding.roundTogether(List.of(
                new CrosswalkRow("g1", "u1", 0.3333335, 0.3333335),
                new CrosswalkRow("g1", "u2", 0.6666665, 0.6666665),
                new CrosswalkRow("g2", "u1", 1 - 3e-14, Double.NaN)));
        assertEquals(1.0, rows.get(0).householdShare() + rows.get(1).householdShare(), 1e-12);
        assertEquals(1.0, rows.get(0).areaShare() + rows.get(1).areaShare(), 1e-12);
        assertEquals(
                "0.333334",
                String.format(java.util.Locale.ROOT, "%.6f", rows.get(0).areaShare()),
                "six decimals exactly");
        assertEquals(1.0, rows.get(2).areaShare());
        assertTrue(Double.isNaN(rows.get(2).householdShare()));
    }
}
