package org.gridatlas.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens on the store's NOTIFY channel on a connection of its own (outside the pool, which
 * would recycle it) and hands every other process's change to the listener. When the connection
 * is lost it reconnects with backoff and then reports {@link StoreChange.Kind#RESYNC}: changes
 * committed while it was away were not heard.
 */
final class PgChangeListener implements AutoCloseable {
    static final String CHANNEL = "gridatlas_changes";
    private static final Logger LOG = LoggerFactory.getLogger(PgChangeListener.class);
    private static final int POLL_MS = 250;
    private static final long MAX_BACKOFF_MS = 2_000;

    private final String url;
    private final Properties credentials;
    private final String origin;
    private final Consumer<StoreChange> listener;
    private final Thread thread;
    private volatile boolean closed;
    private volatile Connection connection;

    PgChangeListener(String url, Properties credentials, String origin, Consumer<StoreChange> listener) {
        this.url = url;
        this.credentials = credentials;
        this.origin = origin;
        this.listener = listener;
        this.thread = new Thread(this::run, "gridatlas-store-listener");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        boolean heardBefore = false;
        long backoff = 100;
        while (!closed) {
            try (Connection c = DriverManager.getConnection(url, credentials);
                    Statement s = c.createStatement()) {
                connection = c;
                s.execute("LISTEN " + CHANNEL);
                if (heardBefore) {
                    LOG.info("listening to store changes again");
                    deliver(new StoreChange(StoreChange.Kind.RESYNC, null));
                }
                heardBefore = true;
                backoff = 100;
                PGConnection pg = c.unwrap(PGConnection.class);
                while (!closed) {
                    PGNotification[] notes = pg.getNotifications(POLL_MS);
                    if (notes == null) continue;
                    for (PGNotification n : notes) {
                        if (origin.equals(StoreChange.origin(n.getParameter())))
                            continue; // our own write, handled where it was made
                        StoreChange change = StoreChange.parse(n.getParameter());
                        if (change != null) deliver(change);
                    }
                }
            } catch (SQLException e) {
                if (closed) return;
                // one warning per outage, not one per retry
                if (backoff == 100) LOG.warn("store change listener disconnected, reconnecting: {}", e.getMessage());
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    return;
                }
                backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
            }
        }
    }

    private void deliver(StoreChange change) {
        try {
            listener.accept(change);
        } catch (RuntimeException e) {
            LOG.error("store change {} not handled", change, e);
        }
    }

    @Override
    public void close() {
        closed = true;
        Connection c = connection;
        try {
            if (c != null) c.close();
        } catch (SQLException ignored) {
            // closing anyway
        }
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
