package org.gridatlas.cli;

/** A progress line on stderr for long runs, at most once a second. */
final class Progress {
    private final String what;
    private final long start = System.nanoTime();
    private long last = start;
    private boolean printed;

    Progress(String what) {
        this.what = what;
    }

    synchronized void update(int done, int total) {
        long now = System.nanoTime();
        if (now - last < 1_000_000_000L) return;
        last = now;
        printed = true;
        System.err.printf(
                "\r%s %d/%d communities (%d%%) %.0f s", what, done, total, 100L * done / total, (now - start) / 1e9);
    }

    synchronized void finish() {
        if (printed) System.err.println();
    }
}
