package org.gridatlas.api.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.gridatlas.store.Report;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

/** The map's recent reports stay a bounded window however many reports a long-running server receives. */
class RecentReportsTest {
    /** A clock the test moves. */
    private static final class Hands extends Clock {
        Instant now = Instant.parse("2026-11-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static Report report(int i, Instant t) {
        return new Report(
                "r" + i,
                t,
                "litter",
                119.6 + (i % 100) * 1e-4,
                39.93 + (i / 100 % 100) * 1e-4,
                "wgs84",
                null,
                "G" + (i % 7),
                t);
    }

    @Test
    void a100000ReportRunKeepsOnlyTheLastDay() {
        Hands clock = new Hands();
        RecentReports recent = new RecentReports(Duration.ofDays(1), 1_000_000, clock, 11);
        int maxHeld = 0;
        for (int i = 0; i < 100_000; i++) {
            clock.now = clock.now.plusSeconds(3); // one report every 3 s: 28,800 a day, 100,000 in 83 hours
            recent.add(report(i, clock.now));
            maxHeld = Math.max(maxHeld, recent.size());
        }
        int lastDay = 24 * 3600 / 3 + 1;
        assertEquals(lastDay, recent.size(), "exactly the reports of the last 24 h");
        assertEquals(lastDay, maxHeld, "never more than a day's worth at any time");
        assertEquals(lastDay, recent.layer().size(), "the tile layer holds the same reports");
        int counted = 0;
        for (int g = 0; g < 7; g++) counted += recent.count("G" + g);
        assertEquals(lastDay, counted, "per-grid counts follow evictions");
        assertEquals(
                recent.size(),
                recent.layer().query(new Envelope(119, 121, 39, 41)).size());

        clock.now = clock.now.plus(Duration.ofDays(2)); // a quiet weekend: the window empties without new reports
        assertEquals(lastDay, recent.evict().size());
        assertEquals(0, recent.size());
        assertEquals(0, recent.layer().size());
    }

    @Test
    void aBurstIsCappedAndOldReportsAreNotTaken() {
        Hands clock = new Hands();
        RecentReports recent = new RecentReports(Duration.ofDays(1), 5_000, clock, 11);
        for (int i = 0; i < 20_000; i++) recent.add(report(i, clock.now.minusMillis(20_000 - i)));
        assertEquals(5_000, recent.size(), "at most the cap, the newest kept");
        int counted = 0;
        for (int g = 0; g < 7; g++) counted += recent.count("G" + g);
        assertEquals(5_000, counted, "the counts hold only what is kept");
        recent.add(report(99_999, clock.now.minus(Duration.ofDays(2))));
        assertEquals(5_000, recent.size(), "a report older than the window is not shown");
        assertTrue(recent.layer().size() <= 5_000);
    }
}
