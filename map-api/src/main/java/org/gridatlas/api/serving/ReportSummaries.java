package org.gridatlas.api.serving;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.gridatlas.engine.model.Community;
import org.gridatlas.engine.model.Grid;
import org.gridatlas.store.Report;

/**
 * The command centre's figures over a time window, by grid, community, street, category or
 * source: how many reports, how many settled (resolved or closed) and what share, how many still
 * open past their category's deadline, and how many were settled without going up to the street
 * or district (小事不出网格) and what share of the settled that is.
 */
public final class ReportSummaries {
    /** What reports are grouped by: a place, a kind, or an hour or day of their time (UTC, ISO-8601; in time order). */
    public enum By {
        GRID,
        COMMUNITY,
        STREET,
        CATEGORY,
        SOURCE,
        HOUR,
        DAY;

        public static By parse(String s) {
            for (By b : values()) if (b.name().toLowerCase(Locale.ROOT).equals(s)) return b;
            throw new IllegalArgumentException(
                    "by is grid, community, street, category, source, hour or day, not '" + s + "'");
        }

        boolean inTime() {
            return this == HOUR || this == DAY;
        }
    }

    /** One group's figures; {@code name} is the community's or street's name where there is one. */
    public record Row(
            String key,
            String name,
            int reports,
            int settled,
            double settledShare,
            int overdue,
            int settledInGrid,
            double settledInGridShare) {}

    private ReportSummaries() {}

    /**
     * The reports of one street, community or grid (its code; null: all): the codes nest, so a
     * report lies within an area when its grid's code starts with the area's.
     */
    public static List<Report> within(List<Report> reports, String area) {
        if (area == null) return reports;
        return reports.stream()
                .filter(r -> r.gridCode() != null && r.gridCode().startsWith(area))
                .toList();
    }

    /** Rows with the most reports first (in time order by hour or day); reports without a grid count under "none" by grid, community and street. */
    public static List<Row> of(List<Report> reports, By by, ServingState s, ReportDeadlines deadlines, Instant now) {
        Function<Report, String> key = switch (by) {
            case GRID -> r -> r.gridCode() == null ? "none" : r.gridCode();
            case COMMUNITY -> r -> grid(s, r) == null ? "none" : grid(s, r).communityCode();
            case STREET -> r -> grid(s, r) == null ? "none" : grid(s, r).streetCode();
            case CATEGORY -> r -> String.valueOf(r.category());
            case SOURCE -> r -> r.source().wireName();
            case HOUR ->
                r -> r.time().truncatedTo(java.time.temporal.ChronoUnit.HOURS).toString();
            case DAY ->
                r -> r.time().truncatedTo(java.time.temporal.ChronoUnit.DAYS).toString();
        };
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (Report r : reports) {
            int[] c = counts.computeIfAbsent(key.apply(r), k -> new int[4]);
            c[0]++;
            if (r.status().settled()) {
                c[1]++;
                if (!r.escalated()) c[3]++;
            } else if (now.isAfter(r.time().plus(deadlines.of(r.category())))) {
                c[2]++;
            }
        }
        List<Row> out = new ArrayList<>();
        counts.forEach((k, c) ->
                out.add(new Row(k, name(s, by, k), c[0], c[1], share(c[1], c[0]), c[2], c[3], share(c[3], c[1]))));
        out.sort(
                by.inTime()
                        ? Comparator.comparing(Row::key)
                        : Comparator.comparingInt(Row::reports).reversed().thenComparing(Row::key));
        return out;
    }

    /** The totals of the rows, as one row keyed "all". */
    public static Row total(List<Row> rows) {
        int n = 0, settled = 0, overdue = 0, inGrid = 0;
        for (Row r : rows) {
            n += r.reports();
            settled += r.settled();
            overdue += r.overdue();
            inGrid += r.settledInGrid();
        }
        return new Row("all", null, n, settled, share(settled, n), overdue, inGrid, share(inGrid, settled));
    }

    private static Grid grid(ServingState s, Report r) {
        return r.gridCode() == null ? null : s.grids.get(r.gridCode());
    }

    private static String name(ServingState s, By by, String key) {
        if (by == By.COMMUNITY) {
            Community c = s.communities.get(key);
            return c == null ? null : c.name();
        }
        if (by == By.STREET) {
            ServingState.Street st = s.streets.get(key);
            return st == null ? null : st.name();
        }
        return null;
    }

    private static double share(int part, int of) {
        return of == 0 ? 0 : Math.round(10000.0 * part / of) / 10000.0;
    }
}
