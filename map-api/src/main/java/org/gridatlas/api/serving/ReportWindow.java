package org.gridatlas.api.serving;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.gridatlas.store.Report;
import org.gridatlas.store.ReportStore;

/**
 * The reports of the last {@code span} in memory, as they stand now: the command centre's panels
 * ask for summaries every second, and a district's week holds a hundred thousand reports, too many
 * to read from the store each time. New reports and status changes (here or on another instance)
 * are put in; reports older than the span leave as time passes.
 */
public final class ReportWindow {
    private final Duration span;
    private final Clock clock;
    private final Map<String, Report> byId = new ConcurrentHashMap<>();
    private volatile Instant lastEviction = Instant.MIN;

    public ReportWindow(ReportStore store, Duration span, Clock clock) {
        this.span = span;
        this.clock = clock;
        Instant now = clock.instant();
        for (Report r : store.reportsBetween(now.minus(span), now.plus(Duration.ofDays(366)))) byId.put(r.id(), r);
    }

    /** A new report, or one that moved on. */
    public void put(Report r) {
        if (!r.time().isBefore(clock.instant().minus(span))) byId.put(r.id(), r);
    }

    /** Whether the window holds every report since then. */
    public boolean covers(Instant since) {
        return !since.isBefore(clock.instant().minus(span));
    }

    /** The reports whose time lies in [from, to), in no particular order (the summaries need none, and a week is many). */
    public List<Report> between(Instant from, Instant to) {
        evict();
        List<Report> out = new ArrayList<>();
        for (Report r : byId.values()) if (!r.time().isBefore(from) && r.time().isBefore(to)) out.add(r);
        return out;
    }

    public int size() {
        return byId.size();
    }

    /** Lets out what fell out of the span, at most once a minute. */
    private void evict() {
        Instant now = clock.instant();
        if (now.isBefore(lastEviction.plusSeconds(60))) return;
        lastEviction = now;
        Instant oldest = now.minus(span);
        byId.values().removeIf(r -> r.time().isBefore(oldest));
    }
}
