package org.gridatlas.api.serving;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.gridatlas.engine.model.Building;
import org.gridatlas.engine.model.StreetAddress;
import org.gridatlas.store.ReportSource;
import org.gridatlas.store.ReportStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated stream of appeals for the demo's command centre: one every few seconds, from the
 * 12345 hotline, WeChat and grid workers, by point or by the address a resident writes, received
 * at the same desk as the API's; each is then dispatched, worked on (a few escalated to the street)
 * and closed on a compressed clock — what takes hours in a working day takes a minute or two here.
 * Deterministic for a seed, given the same ticks.
 */
public final class ReportSimulator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReportSimulator.class);
    /** How often the clock ticks, and the mean time between two appeals. */
    static final Duration TICK = Duration.ofSeconds(1);

    static final double APPEALS_PER_TICK = 0.3;
    /** How long each step of a simulated report takes on the compressed clock, at least and at most. */
    private static final Duration[] DISPATCH = {Duration.ofSeconds(15), Duration.ofSeconds(60)},
            START = {Duration.ofSeconds(20), Duration.ofSeconds(90)},
            RESOLVE = {Duration.ofSeconds(60), Duration.ofSeconds(240)},
            CLOSE = {Duration.ofSeconds(30), Duration.ofSeconds(120)};
    /** The share of reports escalated to the street instead of being resolved on the grid. */
    private static final double ESCALATED = 0.06;

    private final Supplier<ServingState> state;
    private final ReportDesk desk;
    private final SplittableRandom rnd;
    private final PriorityQueue<Step> due = new PriorityQueue<>((a, b) -> a.at().compareTo(b.at()));
    private ScheduledExecutorService clock;
    private ServingState placesOf;
    private List<Building> places = List.of();
    private int sent;

    /** A move of a simulated report due at a time. */
    private record Step(Instant at, String id, ReportStatus to) {}

    public ReportSimulator(Supplier<ServingState> state, ReportDesk desk, long seed) {
        this.state = state;
        this.desk = desk;
        this.rnd = new SplittableRandom(seed);
    }

    /** Ticks on a daemon thread of its own until closed. */
    public ReportSimulator start() {
        clock = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "report-simulator");
            t.setDaemon(true);
            return t;
        });
        clock.scheduleAtFixedRate(
                () -> {
                    try {
                        tick(Instant.now());
                    } catch (RuntimeException e) {
                        // one bad tick (a report the store refused) must not end the stream
                        LOG.warn("simulated report not taken: {}", e.toString());
                    }
                },
                TICK.toMillis(),
                TICK.toMillis(),
                TimeUnit.MILLISECONDS);
        return this;
    }

    /** One tick of the clock at {@code now}: perhaps a new appeal, and the moves that are due. */
    public synchronized void tick(Instant now) {
        if (rnd.nextDouble() < APPEALS_PER_TICK) appeal(now);
        while (!due.isEmpty() && !due.peek().at().isAfter(now)) {
            Step s = due.poll();
            desk.moveOn(s.id(), s.to(), "模拟调度", null).ifPresent(r -> next(r.id(), r.status(), now));
        }
    }

    /** How many appeals it has sent. */
    public synchronized int sent() {
        return sent;
    }

    private void appeal(Instant now) {
        List<Building> at = places();
        if (at.isEmpty()) return;
        Building b = at.get(rnd.nextInt(at.size()));
        Complaint c = Complaint.pick(rnd);
        ReportSource source = Complaint.source(rnd);
        String id = "sim-" + now.toEpochMilli() + "-" + (++sent);
        StreetAddress a = b.address();
        boolean received;
        // grid workers and patrols send the point their phone takes; residents mostly write where it is
        if (source == ReportSource.GRID_WORKER
                || source == ReportSource.PATROL
                || a == null
                || rnd.nextDouble() < 0.4) {
            var p = b.geometry().getInteriorPoint();
            received = desk.receiveAtPoint(id, now, c.category(), c.text(source, null), source, p.getX(), p.getY());
        } else {
            String written = written(a);
            received = desk.receiveAtAddress(id, now, c.category(), c.text(source, written), source, written);
        }
        if (received) next(id, ReportStatus.RECEIVED, now);
    }

    /** Schedules the report's next step after the one it has just taken. */
    private void next(String id, ReportStatus now, Instant at) {
        switch (now) {
            case RECEIVED -> due.add(new Step(at.plus(between(DISPATCH)), id, ReportStatus.DISPATCHED));
            case DISPATCHED -> due.add(new Step(at.plus(between(START)), id, ReportStatus.IN_PROGRESS));
            case IN_PROGRESS ->
                due.add(new Step(
                        at.plus(between(RESOLVE)),
                        id,
                        rnd.nextDouble() < ESCALATED ? ReportStatus.ESCALATED : ReportStatus.RESOLVED));
            case ESCALATED -> due.add(new Step(at.plus(between(RESOLVE)), id, ReportStatus.RESOLVED));
            case RESOLVED -> due.add(new Step(at.plus(between(CLOSE)), id, ReportStatus.CLOSED));
            case CLOSED -> {}
        }
    }

    private Duration between(Duration[] range) {
        long lo = range[0].toMillis(), hi = range[1].toMillis();
        return Duration.ofMillis(lo + (long) (rnd.nextDouble() * (hi - lo)));
    }

    /** An address as a resident writes it: the full one, the compound and building, or the door on the road. */
    private String written(StreetAddress a) {
        int form = rnd.nextInt(3);
        if (form == 0 && a.compoundName() != null && a.buildingNo() != null)
            return a.compoundName() + a.buildingNo() + "号楼";
        if (form == 1 && a.road() != null && a.houseNumber() != null) return a.road() + a.houseNumber() + "号";
        return a.full();
    }

    /** The served buildings that lie in a grid, kept until the grids are served anew. */
    private List<Building> places() {
        ServingState s = state.get();
        if (s != placesOf) {
            List<Building> in = new ArrayList<>();
            for (Building b : s.buildings.values()) if (s.gridOfBuilding.containsKey(b.id())) in.add(b);
            in.sort((x, y) -> x.id().compareTo(y.id()));
            places = in;
            placesOf = s;
        }
        return places;
    }

    @Override
    public void close() {
        if (clock != null) clock.shutdownNow();
    }
}
