package org.gridatlas.engine.partition;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gridatlas.engine.model.CommunityBounds;
import org.junit.jupiter.api.Test;

class ExactBudgetTest {
    private static final ExactBudget TEN = new ExactBudget(Duration.ofSeconds(10));

    @Test
    void oneCommunityInDoubtHasTheWholeLimit() {
        List<CommunityBounds> district = List.of(proven("001", 1), doubtful("002", 3, 1), proven("003", 0));
        assertEquals(Map.of(1, Duration.ofSeconds(10)), TEN.shares(district));
    }

    @Test
    void severalShareTheLimitEqually() {
        Map<Integer, Duration> shares = TEN.shares(doubtfulCommunities(74));
        assertEquals(74, shares.size());
        shares.values().forEach(s -> assertEquals(Duration.ofMillis(135), s));
    }

    @Test
    void tooManyForAWorthwhileShareEachFundTheMostToGainFirst() {
        List<CommunityBounds> district = doubtfulCommunities(740);
        district.set(500, doubtful("900", 4, 1));
        district.set(600, doubtful("901", 3, 1));
        Map<Integer, Duration> shares = TEN.shares(district);
        assertEquals(100, shares.size());
        shares.values().forEach(s -> assertEquals(ExactBudget.LEAST, s));
        List<Integer> order = new ArrayList<>(shares.keySet());
        // three above the fewest, then two, then one above it with two out of bounds, then by code
        assertEquals(List.of(500, 600, 1, 3, 5), order.subList(0, 5));
    }

    @Test
    void aLimitBelowTheLeastShareGoesWholeToTheFirst() {
        List<CommunityBounds> district = List.of(doubtful("001", 2, 1), doubtful("002", 3, 1));
        assertEquals(Map.of(1, Duration.ofMillis(50)), new ExactBudget(Duration.ofMillis(50)).shares(district));
    }

    @Test
    void noLimitOrNoDoubtIsNoTime() {
        assertEquals(Map.of(), new ExactBudget(Duration.ZERO).shares(doubtfulCommunities(2)));
        assertEquals(Map.of(), TEN.shares(List.of(proven("001", 1), new CommunityBounds("002", 2, 1, "bounded"))));
    }

    private static List<CommunityBounds> doubtfulCommunities(int n) {
        List<CommunityBounds> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(doubtful(String.format("%03d", i), 1 + i % 2, i % 2));
        return out;
    }

    private static CommunityBounds doubtful(String code, int out, int lower) {
        return new CommunityBounds(code, out, lower, "heuristic");
    }

    private static CommunityBounds proven(String code, int out) {
        return new CommunityBounds(code, out, out, "optimal");
    }
}
