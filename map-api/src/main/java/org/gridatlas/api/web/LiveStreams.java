package org.gridatlas.api.web;

import io.javalin.http.sse.SseClient;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live streams (server-sent events). A broadcast only puts the event on each stream's bounded
 * queue and returns, so the thread that stored a report never writes to a stream; each stream is
 * written by a sender of its own while it has events, so one stalled client holds up nobody else; a
 * client that falls a backlog of events behind is dropped (it reconnects and reloads).
 */
final class LiveStreams implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveStreams.class);
    private final int backlog;

    private record Event(String name, Object data) {}

    private final Map<SseClient, Stream> streams = new ConcurrentHashMap<>();
    private final ExecutorService senders = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "gridatlas-live-stream");
        t.setDaemon(true);
        return t;
    });

    LiveStreams(int backlog) {
        this.backlog = backlog;
    }

    void add(SseClient client) {
        client.keepAlive();
        streams.put(client, new Stream(client));
        client.onClose(() -> streams.remove(client));
        client.sendComment("connected");
    }

    /** To every stream, without waiting for any. */
    void broadcast(String event, Object data) {
        for (Stream s : streams.values()) s.offer(new Event(event, data));
    }

    int size() {
        return streams.size();
    }

    /** Ends every stream (at shutdown, so that they do not hold it up). */
    @Override
    public void close() {
        for (SseClient c : streams.keySet()) c.close();
        streams.clear();
        senders.shutdownNow();
    }

    /** One client: its queue, and whether a sender is draining it (at most one, so events keep their order). */
    private final class Stream implements Runnable {
        private final SseClient client;
        private final BlockingQueue<Event> queue = new ArrayBlockingQueue<>(backlog);
        private final AtomicBoolean sending = new AtomicBoolean();

        Stream(SseClient client) {
            this.client = client;
        }

        void offer(Event e) {
            if (!queue.offer(e)) {
                drop();
                return;
            }
            if (sending.compareAndSet(false, true)) senders.execute(this);
        }

        @Override
        public void run() {
            try {
                for (Event e = queue.poll(); e != null && !client.terminated(); e = queue.poll())
                    client.sendEvent(e.name(), e.data());
            } finally {
                sending.set(false);
            }
            // an event offered while this sender was finishing: it found the flag still set
            if (!queue.isEmpty() && !client.terminated() && sending.compareAndSet(false, true)) senders.execute(this);
        }

        private void drop() {
            if (streams.remove(client) == null) return;
            LOG.warn("a live stream fell {} events behind and was dropped", backlog);
            try {
                client.close();
            } catch (RuntimeException e) {
                LOG.debug("closing a dropped live stream: {}", e.getMessage());
            }
        }
    }
}
