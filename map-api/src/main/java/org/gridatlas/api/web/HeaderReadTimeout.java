package org.gridatlas.api.web;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.internal.HttpConnection;

/**
 * Closes a connection whose request line and headers take longer than a total time to arrive.
 * Jetty's idle timeout restarts with every byte, so a client sending one header byte every few
 * seconds would hold a connection (and a slot) forever; this bounds the whole header read.
 * Connections idle between requests are left to the idle timeout.
 */
final class HeaderReadTimeout implements Connection.Listener, AutoCloseable {
    private static final long TICK_MS = 250;
    private final long limitNanos;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "gridatlas-header-timeout");
        t.setDaemon(true);
        return t;
    });

    HeaderReadTimeout(Duration limit) {
        this.limitNanos = limit.toNanos();
    }

    @Override
    public void onOpened(Connection connection) {
        if (!(connection instanceof HttpConnection http)) return;
        Watch w = new Watch(http);
        w.task = timer.scheduleWithFixedDelay(w, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
        http.addEventListener(new Connection.Listener() {
            @Override
            public void onClosed(Connection c) {
                w.task.cancel(false);
            }
        });
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    /** One connection: when its current request's headers began, if they are still arriving. */
    private final class Watch implements Runnable {
        private final HttpConnection http;
        private volatile ScheduledFuture<?> task;
        private long headersSince = -1;

        Watch(HttpConnection http) {
            this.http = http;
        }

        @Override
        public void run() {
            boolean readingHeaders =
                    !http.getParser().isStart() && http.getParser().inHeaderState();
            if (!readingHeaders || task == null) {
                headersSince = -1;
            } else if (headersSince < 0) {
                headersSince = System.nanoTime();
            } else if (System.nanoTime() - headersSince > limitNanos) {
                http.getEndPoint().close();
                task.cancel(false);
            }
        }
    }
}
