package org.gridatlas.api.web;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongSupplier;

/** Counters and latency histograms in the Prometheus text format, kept in memory. */
final class Metrics {
    private static final double[] BUCKETS = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5};

    private record Histogram(AtomicLongArray counts, AtomicLong count, AtomicLong sumNanos) {
        Histogram() {
            this(new AtomicLongArray(BUCKETS.length), new AtomicLong(), new AtomicLong());
        }
    }

    private final Map<String, Histogram> requests = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();
    private final Map<String, LongSupplier> gauges = new ConcurrentHashMap<>();
    private volatile double lastRebuildSeconds;

    /** One answered request: its route pattern, method and status. */
    void request(String method, String route, int status, long nanos) {
        Histogram h = requests.computeIfAbsent(
                "route=\"" + route + "\",method=\"" + method + "\",status=\"" + status + "\"", k -> new Histogram());
        double s = nanos / 1e9;
        for (int i = 0; i < BUCKETS.length; i++) if (s <= BUCKETS[i]) h.counts().incrementAndGet(i);
        h.count().incrementAndGet();
        h.sumNanos().addAndGet(nanos);
    }

    void count(String name, long n) {
        counters.computeIfAbsent(name, k -> new AtomicLong()).addAndGet(n);
    }

    void gauge(String name, LongSupplier value) {
        gauges.put(name, value);
    }

    void rebuilt(double seconds) {
        lastRebuildSeconds = seconds;
    }

    String text() {
        StringBuilder sb = new StringBuilder();
        sb.append(
                "# HELP gridatlas_http_request_seconds Time to answer a request, by route pattern, method and status.\n");
        sb.append("# TYPE gridatlas_http_request_seconds histogram\n");
        new TreeMap<>(requests).forEach((labels, h) -> {
            for (int i = 0; i < BUCKETS.length; i++) {
                sb.append("gridatlas_http_request_seconds_bucket{")
                        .append(labels)
                        .append(",le=\"")
                        .append(BUCKETS[i])
                        .append("\"} ")
                        .append(h.counts().get(i))
                        .append('\n');
            }
            sb.append("gridatlas_http_request_seconds_bucket{")
                    .append(labels)
                    .append(",le=\"+Inf\"} ")
                    .append(h.count().get())
                    .append('\n');
            sb.append("gridatlas_http_request_seconds_sum{")
                    .append(labels)
                    .append("} ")
                    .append(h.sumNanos().get() / 1e9)
                    .append('\n');
            sb.append("gridatlas_http_request_seconds_count{")
                    .append(labels)
                    .append("} ")
                    .append(h.count().get())
                    .append('\n');
        });
        new TreeMap<>(counters)
                .forEach((name, v) -> sb.append("# TYPE ")
                        .append(name)
                        .append(" counter\n")
                        .append(name)
                        .append(' ')
                        .append(v.get())
                        .append('\n'));
        new TreeMap<>(gauges)
                .forEach((name, v) -> sb.append("# TYPE ")
                        .append(name)
                        .append(" gauge\n")
                        .append(name)
                        .append(' ')
                        .append(v.getAsLong())
                        .append('\n'));
        sb.append("# TYPE gridatlas_index_rebuild_seconds gauge\ngridatlas_index_rebuild_seconds ")
                .append(lastRebuildSeconds)
                .append('\n');
        return sb.toString();
    }
}
