package org.gridatlas.api.serving;

import java.time.Duration;
import java.util.Map;

/** How long a report of each category may stay open before it is overdue; {@code otherwise} for the rest. */
public record ReportDeadlines(Duration otherwise, Map<String, Duration> byCategory) {
    public static final ReportDeadlines DEFAULT = new ReportDeadlines(Duration.ofHours(72), Map.of());

    public ReportDeadlines {
        byCategory = Map.copyOf(byCategory);
    }

    public Duration of(String category) {
        return byCategory.getOrDefault(category, otherwise);
    }
}
