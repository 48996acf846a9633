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
import org.gridatlas.tiles.TileFeature;
import org.gridatlas.tiles.TileLayer;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The reports of the last {@code window} (by report time) for the map: the reports tile layer and
 * a count per grid. Older reports leave as time passes, and at most {@code max} are kept (the
 * oldest leave first), so memory stays bounded however long the server runs.
 */
public final class RecentReports {
    private static final GeometryFactory GF = new GeometryFactory();
    private final Duration window;
    private final int max;
    private final Clock clock;
    private final TreeSet<Report> byTime =
            new TreeSet<>(Comparator.comparing(Report::time).thenComparing(Report::id));
    private final Map<String, Report> byId = new HashMap<>();
    private final Map<String, Integer> byGrid = new HashMap<>();
    private final TileLayer layer;

    public RecentReports(Duration window, int max, Clock clock, int minZoom) {
        this.window = window;
        this.max = max;
        this.clock = clock;
        this.layer = TileLayer.live("reports", minZoom);
    }

    public TileLayer layer() {
        return layer;
    }

    /** Takes a report (if it lies in the window) and lets out what fell out of it; returns the reports that left. */
    public synchronized List<Report> add(Report r) {
        List<Report> gone = evict();
        if (r.time().isBefore(clock.instant().minus(window)) || byId.containsKey(r.id())) return gone;
        byTime.add(r);
        byId.put(r.id(), r);
        if (r.gridCode() != null) byGrid.merge(r.gridCode(), 1, Integer::sum);
        if (r.located())
            layer.add(
                    r.id(),
                    new TileFeature(
                            GF.createPoint(new Coordinate(r.lon(), r.lat())),
                            Map.of(
                                    "id",
                                    r.id(),
                                    "category",
                                    String.valueOf(r.category()),
                                    "grid_code",
                                    String.valueOf(r.gridCode()),
                                    "time",
                                    r.time().toString())));
        while (byTime.size() > max) gone.add(leave(byTime.first()));
        return gone;
    }

    /** Lets out the reports older than the window; returns them. */
    public synchronized List<Report> evict() {
        List<Report> gone = new ArrayList<>();
        Instant oldest = clock.instant().minus(window);
        while (!byTime.isEmpty() && byTime.first().time().isBefore(oldest)) gone.add(leave(byTime.first()));
        return gone;
    }

    public synchronized int count(String gridCode) {
        return byGrid.getOrDefault(gridCode, 0);
    }

    public synchronized int size() {
        return byTime.size();
    }

    private Report leave(Report r) {
        byTime.remove(r);
        byId.remove(r.id());
        if (r.gridCode() != null) byGrid.computeIfPresent(r.gridCode(), (k, n) -> n == 1 ? null : n - 1);
        layer.remove(r.id());
        return r;
    }
}
