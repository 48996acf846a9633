package org.gridatlas.engine.partition;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ExactBudgetTest {
    private static final Duration TEN = Duration.ofSeconds(10);

    @Test
    void aDistrictSharesFourCommunityLimitsByHouseholds() {
        ExactBudget district = new ExactBudget(TEN, 100_000);
        assertEquals(Duration.ofSeconds(4), district.limit(10_000));
        assertEquals(Duration.ofMillis(400), district.limit(1_000));
        // never more than one community's limit
        assertEquals(TEN, district.limit(50_000));
    }

    @Test
    void aShareTooSmallToPayForASolveIsNone() {
        ExactBudget district = new ExactBudget(TEN, 10_000_000);
        assertEquals(Duration.ZERO, district.limit(3_000));
        assertEquals(Duration.ofMillis(60), district.limit(15_000));
    }

    @Test
    void aCommunityOnItsOwnHasTheWholeLimit() {
        assertEquals(TEN, ExactBudget.community(TEN).limit(1_000));
        assertEquals(Duration.ZERO, new ExactBudget(Duration.ZERO, 100_000).limit(50_000));
    }
}
