package org.gridatlas.api.web;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.gridatlas.store.AccessStore;
import org.gridatlas.store.AccessToken;
import org.gridatlas.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stored tokens as requests see them. Only the first read waits for the store. After that the
 * list is reread when the store tells of a change (PostgreSQL's NOTIFY: a replaced token stops
 * working at once on every instance) and, for a store that tells nothing, every few seconds aside
 * while requests go on with the list they have; with the store down the last list stays, so every
 * token known keeps working and no request waits on the store.
 */
final class TokenList {
    static final Duration REREAD = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(TokenList.class);

    private final AccessStore store;
    private final InstantSource clock;
    private final AtomicBoolean rereading = new AtomicBoolean();
    private final LongAdder reads = new LongAdder();
    private volatile List<AccessToken> tokens;
    private volatile Instant readAt;
    private volatile boolean down;

    TokenList(AccessStore store, InstantSource clock) {
        this.store = store;
        this.clock = clock;
    }

    List<AccessToken> now() {
        List<AccessToken> t = tokens;
        if (t == null) {
            synchronized (this) {
                if (tokens == null) read();
                return tokens;
            }
        }
        if (clock.instant().isAfter(readAt.plus(REREAD)) && rereading.compareAndSet(false, true)) {
            Thread reader = new Thread(
                    () -> {
                        try {
                            changed();
                        } finally {
                            rereading.set(false);
                        }
                    },
                    "gridatlas-tokens");
            reader.setDaemon(true);
            reader.start();
        }
        return t;
    }

    /** The store says the tokens changed: reread now (on the caller's thread, the store's listener). */
    void changed() {
        try {
            read();
        } catch (StoreException e) {
            // the store is down: the last list stays, and is tried again in a while
            readAt = clock.instant();
            // one warning per outage, not one per try
            if (!down) LOG.warn("tokens not reread, the last list stays: {}", e.getMessage());
            down = true;
        }
    }

    /** How many times the list was read from the store. */
    long reads() {
        return reads.sum();
    }

    private void read() {
        tokens = store.tokens();
        readAt = clock.instant();
        down = false;
        reads.increment();
    }
}
