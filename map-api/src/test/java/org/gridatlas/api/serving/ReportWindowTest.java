package org.gridatlas.api.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridatlas.store.Report;
import org.gridatlas.store.ReportEvent;
import org.gridatlas.store.ReportStatus;
import org.gridatlas.store.ReportStore;
import org.junit.jupiter.api.Test;

class ReportWindowTest {
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    private static Report at(String id, Instant t) {
        return new Report(id, t, "垃圾", 119.6, 39.93, "wgs84", null, "G1", t);
    }

    /** A store that holds what it is given and answers only what the window asks. */
    private static ReportStore holding(List<Report> reports) {
        return new ReportStore() {
            public boolean addReport(Report r) {
                throw new UnsupportedOperationException();
            }

            public Optional<Report> report(String id) {
                throw new UnsupportedOperationException();
            }

            public List<Report> reports(String g, Instant s, int l) {
                return reports.stream()
                        .filter(r -> !r.time().isBefore(s))
                        .sorted(java.util.Comparator.comparing(Report::time).reversed())
                        .limit(l)
                        .collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
            }

            public Map<String, Integer> reportCounts(Instant f, Instant t) {
                throw new UnsupportedOperationException();
            }

            public List<Report> reportsBetween(Instant from, Instant to) {
                throw new UnsupportedOperationException("the window reads the newest, never a whole range");
            }

            public Optional<Report> move(String id, ReportStatus to, Instant at, String actor, String note) {
                throw new UnsupportedOperationException();
            }

            public List<ReportEvent> events(String id) {
                throw new UnsupportedOperationException();
            }
        };
    }

    @Test
    void holdsTheSpanTakesNewAndMovedReportsAndLetsTheOldGo() {
        ReportWindow w = new ReportWindow(
                holding(List.of(at("old", NOW.minus(Duration.ofDays(20))), at("a", NOW.minus(Duration.ofDays(2))))),
                Duration.ofDays(15),
                100,
                Clock.fixed(NOW, ZoneOffset.UTC));
        assertEquals(
                List.of("a"),
                w.between(NOW.minus(Duration.ofDays(15)), NOW).stream()
                        .map(Report::id)
                        .toList(),
                "loaded from the store, within the span");
        assertTrue(w.covers(NOW.minus(Duration.ofDays(7))));
        assertFalse(w.covers(NOW.minus(Duration.ofDays(16))), "older than the span: the store answers");
        w.put(at("b", NOW.minusSeconds(10)));
        w.put(at("a", NOW.minus(Duration.ofDays(2))).movedTo(ReportStatus.DISPATCHED, NOW));
        w.put(at("ancient", NOW.minus(Duration.ofDays(30))));
        List<Report> all = w.between(NOW.minus(Duration.ofDays(15)), NOW.plusSeconds(1));
        assertEquals(
                java.util.Set.of("a", "b"),
                all.stream().map(Report::id).collect(java.util.stream.Collectors.toSet()),
                "a report older than the span is not taken");
        assertEquals(
                ReportStatus.DISPATCHED,
                all.stream()
                        .filter(r -> r.id().equals("a"))
                        .findFirst()
                        .orElseThrow()
                        .status(),
                "a moved report stands as it now is");
        assertEquals(2, w.size());
    }

    @Test
    void keepsTheNewestUpToItsCapAndLeavesTheRestToTheStore() {
        List<Report> stored = new java.util.ArrayList<>();
        for (int h = 1; h <= 5; h++) stored.add(at("h" + h, NOW.minus(Duration.ofHours(h))));
        ReportWindow w = new ReportWindow(holding(stored), Duration.ofDays(15), 3, Clock.fixed(NOW, ZoneOffset.UTC));
        assertEquals(3, w.size(), "no more than the cap read at start");
        assertEquals(
                java.util.Set.of("h1", "h2", "h3"),
                w.between(NOW.minus(Duration.ofDays(15)), NOW).stream()
                        .map(Report::id)
                        .collect(java.util.stream.Collectors.toSet()),
                "the newest kept");
        assertTrue(w.covers(NOW.minus(Duration.ofHours(3))), "everything since the oldest kept is held");
        assertFalse(w.covers(NOW.minus(Duration.ofHours(4))), "what the cap left in the store is answered there");
        w.put(at("now", NOW.minusSeconds(1)));
        assertEquals(3, w.size(), "a new report lets the oldest go");
        assertFalse(w.covers(NOW.minus(Duration.ofHours(3))), "the time of the report let go is the store's again");
        assertTrue(w.covers(NOW.minus(Duration.ofHours(2))));
        w.put(at("h2", NOW.minus(Duration.ofHours(2))).movedTo(ReportStatus.DISPATCHED, NOW));
        assertEquals(3, w.size(), "a report that moved on replaces itself");
        assertEquals(List.of(), w.between(NOW.plusSeconds(60), NOW), "an empty range is empty, not an error");
    }
}
