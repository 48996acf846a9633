package org.gridatlas.api.serving;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.gridatlas.store.Report;
import org.gridatlas.store.ReportSource;
import org.gridatlas.store.ReportStatus;
import org.gridatlas.store.ReportStore;

/**
 * A week of reports behind the demo's command centre, stored as they stand now (one write each, the
 * steps they took folded into their status):
 * more by day than by night, from the sources and in the categories' shares of {@link Complaint}; each
 * dispatched, worked on and resolved or closed as far as its age allows, a few escalated to the
 * street, and a few left stuck — open past their deadline, the overdue list's. Deterministic for a
 * seed and a time.
 */
public final class ReportHistory {
    /** A place reports come from: a point (WGS84) and the grid it lies in. */
    public record Place(double lon, double lat, String gridCode) {}

    /** About how many reports a day. */
    static final int PER_DAY = 50;

    private static final double STUCK = 0.08, ESCALATED = 0.07;
    /** Relative activity by hour of the day in Beijing time: quiet at night, busy in working hours. */
    private static final double[] BY_HOUR = {
        .15, .1, .1, .1, .1, .15, .3, .6, .9, 1, 1, 1, .8, .9, 1, 1, 1, .9, .8, .7, .6, .5, .3, .2
    };

    private ReportHistory() {}

    /** Writes the week before {@code now} into the store; returns how many reports. */
    public static int week(ReportStore store, List<Place> places, Instant now, long seed) {
        if (places.isEmpty()) return 0;
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = 0;
        for (int i = 0; i < PER_DAY * 7; i++) {
            Instant t = time(rnd, now);
            Place p = places.get(rnd.nextInt(places.size()));
            Complaint c = Complaint.pick(rnd);
            ReportSource source = Complaint.source(rnd);
            Report r = new Report(
                    "week-" + i,
                    t,
                    c.category(),
                    p.lon(),
                    p.lat(),
                    "wgs84",
                    c.text(source, null),
                    p.gridCode(),
                    t,
                    null,
                    null,
                    source,
                    ReportStatus.RECEIVED,
                    t,
                    false);
            boolean stuck = rnd.nextDouble() < STUCK, escalated = rnd.nextDouble() < ESCALATED;
            List<ReportStatus> path = new ArrayList<>(List.of(ReportStatus.DISPATCHED, ReportStatus.IN_PROGRESS));
            if (!stuck) {
                if (escalated) path.add(ReportStatus.ESCALATED);
                path.addAll(List.of(ReportStatus.RESOLVED, ReportStatus.CLOSED));
            }
            Instant at = t;
            for (ReportStatus to : path) {
                at = at.plus(delay(rnd, to));
                if (at.isAfter(now)) break;
                r = r.movedTo(to, at);
            }
            if (store.addReport(r)) n++;
        }
        return n;
    }

    /** How long a step takes after the one before, in a working week. */
    private static Duration delay(SplittableRandom rnd, ReportStatus to) {
        return switch (to) {
            case DISPATCHED -> minutes(rnd, 5, 60);
            case IN_PROGRESS -> minutes(rnd, 30, 360);
            case ESCALATED -> minutes(rnd, 360, 1800);
            case RESOLVED -> minutes(rnd, 240, 3600);
            case CLOSED -> minutes(rnd, 120, 1440);
            case RECEIVED -> Duration.ZERO;
        };
    }

    /** A time in the week before now, as often as its hour is busy. */
    private static Instant time(SplittableRandom rnd, Instant now) {
        while (true) {
            Instant t = now.minusSeconds(rnd.nextLong(7 * 24 * 3600));
            int hour = t.atOffset(ZoneOffset.ofHours(8)).getHour();
            if (rnd.nextDouble() < BY_HOUR[hour]) return t;
        }
    }

    private static Duration minutes(SplittableRandom rnd, int from, int to) {
        return Duration.ofMinutes(from + rnd.nextInt(to - from));
    }
}
