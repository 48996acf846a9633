package org.gridatlas.api.web;

import io.javalin.http.Handler;
import java.util.concurrent.Semaphore;

/**
 * At most so many requests of one kind at once; one more is refused at once (503 with
 * Retry-After) rather than queued, since a queued request holds a server thread and a connection
 * all the same, and enough of them would leave none for {@code /health} and the reads.
 */
final class Slots {
    private final String what;
    private final int size;
    private final Semaphore free;

    Slots(String what, int size) {
        this.what = what;
        this.size = size;
        this.free = new Semaphore(size);
    }

    int inUse() {
        return size - free.availablePermits();
    }

    Handler around(Handler handler) {
        return ctx -> {
            if (!free.tryAcquire()) {
                ctx.header("Retry-After", "5");
                throw new ApiError(503, "body", "over " + size + " " + what + " at once; try again in a few seconds");
            }
            try {
                handler.handle(ctx);
            } finally {
                free.release();
            }
        };
    }
}
