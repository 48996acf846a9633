package org.gridatlas.api.serving;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.gridatlas.store.Report;
import org.gridatlas.store.ReportStore;

/**
 * The reports of the last {@code span} in memory, as they stand now: the command centre's panels
 * ask for summaries every second, and a district's week holds a hundred thousand reports, too many
 * to read from the store each time. New reports and status changes (here or on another instance)
 * are put in; reports older than the span leave as time passes. At most {@code max} are kept, the
 * newest (a flood of reports must not exhaust memory, nor a restart read it all back): once the cap
 * has let reports go, the window no longer {@linkplain #covers covers} their time and the store
 * answers for it.
 */
public final class ReportWindow {
    private final Duration span;
    private final int max;
    private final Clock clock;
    private final TreeSet<Report> byTime =
            new TreeSet<>(Comparator.comparing(Report::time).thenComparing(Report::id));
    private final Map<String, Report> byId = new HashMap<>();
    /** The newest time of a report the cap let go (or left in the store at start): reports up to it may be missing. */
    private Instant capped = Instant.MIN;

    private Instant lastEviction = Instant.MIN;

    /** Starts with the newest {@code max} reports of the span: the store reads no more than that. */
    public ReportWindow(ReportStore store, Duration span, int max, Clock clock) {
        this.span = span;
        this.max = max;
        this.clock = clock;
        List<Report> newest = store.reports(null, clock.instant().minus(span), max + 1);
        if (newest.size() > max) capped = newest.remove(max).time();
        for (Report r : newest) add(r);
    }

    /** A new report, or one that moved on. */
    public synchronized void put(Report r) {
        if (r.time().isBefore(clock.instant().minus(span))) return;
        add(r);
        while (byTime.size() > max) capped = max(capped, leave(byTime.first()).time());
    }

    /** Whether the window holds every report since then. */
    public synchronized boolean covers(Instant since) {
        return !since.isBefore(clock.instant().minus(span)) && since.isAfter(capped);
    }

    /** The reports whose time lies in [from, to), in no particular order (the summaries need none, and a week is many). */
    public synchronized List<Report> between(Instant from, Instant to) {
        evict();
        List<Report> out = new ArrayList<>();
        if (!from.isBefore(to)) return out; // (an overdue list asked from a time still to come)
        for (Report r : byTime.subSet(at(from), at(to))) out.add(r);
        return out;
    }

    public synchronized int size() {
        return byTime.size();
    }

    private void add(Report r) {
        Report before = byId.put(r.id(), r);
        if (before != null) byTime.remove(before);
        byTime.add(r);
    }

    private Report leave(Report r) {
        byTime.remove(r);
        byId.remove(r.id());
        return r;
    }

    /** Lets out what fell out of the span, at most once a minute. */
    private void evict() {
        Instant now = clock.instant();
        if (now.isBefore(lastEviction.plusSeconds(60))) return;
        lastEviction = now;
        Instant oldest = now.minus(span);
        while (!byTime.isEmpty() && byTime.first().time().isBefore(oldest)) leave(byTime.first());
    }

    /** A probe that sorts before every report of that time (for the range of a time). */
    private static Report at(Instant t) {
        return new Report("", t, null, null, null, null, null, null, t, null, null, null, null, t, false);
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
