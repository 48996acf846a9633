package org.gridatlas.cli;

import org.gridatlas.engine.Delineator;

/** A progress line on stderr for long runs, at most once a second; a line of its own for each stage. */
final class Progress implements Delineator.Progress {
    private final long start = System.nanoTime();
    private long last = start;
    private Stage shown;

    @Override
    public synchronized void communityDone(Stage stage, int done, int total) {
        long now = System.nanoTime();
        if (now - last < 1_000_000_000L) return;
        last = now;
        if (shown != null && shown != stage) System.err.println();
        shown = stage;
        System.err.printf(
                "\r%s %d/%d communities (%d%%) %.0f s",
                stage == Stage.PLANNING ? "planning" : "solving exactly",
                done,
                total,
                100L * done / total,
                (now - start) / 1e9);
    }

    synchronized void finish() {
        if (shown != null) System.err.println();
    }
}
