package org.gridatlas.api.web;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body that counts what it delivers and refuses (413) past a total, and past a budget per
 * record where the caller marks where records start: a limit enforced while reading, never after
 * a record was read whole. With a pace, it also refuses (408) a body that keeps the reader waiting
 * longer than the grace plus its bytes at the minimum rate: only time spent waiting for the client
 * counts, so a body we stopped reading (a client not reading its answers) is not the client's delay.
 */
final class BoundedInput extends FilterInputStream {
    private final long maxTotal;
    private final long maxRecord;
    private final String recordName;
    private long total;
    private long recordStart;
    private int records;
    private final ServerSettings.Limits pace;
    private long waitedNanos;

    /** {@code maxRecord} ≤ 0: no budget per record; {@code pace} null: none. */
    BoundedInput(InputStream in, long maxTotal, long maxRecord, String recordName, ServerSettings.Limits pace) {
        super(in);
        this.maxTotal = maxTotal;
        this.maxRecord = maxRecord;
        this.recordName = recordName;
        this.pace = pace;
    }

    BoundedInput(InputStream in, long maxTotal, ServerSettings.Limits pace) {
        this(in, maxTotal, 0, null, pace);
    }

    /** The next record starts here (as far as the reader above has read: parsers read ahead by a buffer). */
    void startRecord() {
        recordStart = total;
        records++;
    }

    @Override
    public int read() throws IOException {
        long t = System.nanoTime();
        int b = super.read();
        waited(System.nanoTime() - t);
        if (b >= 0) counted(1);
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        long t = System.nanoTime();
        int n = super.read(b, off, len);
        waited(System.nanoTime() - t);
        if (n > 0) counted(n);
        return n;
    }

    private void waited(long nanos) {
        if (pace == null) return;
        waitedNanos += nanos;
        long allowed = pace.bodyGrace().toNanos() + total * 1_000_000_000L / pace.minBodyBytesPerSecond();
        if (waitedNanos > allowed)
            throw new ApiError(
                    408,
                    "body",
                    "the body arrives slower than " + pace.minBodyBytesPerSecond()
                            + " bytes a second; nothing more was read");
    }

    @Override
    public long skip(long n) throws IOException {
        long s = super.skip(n);
        if (s > 0) counted(s);
        return s;
    }

    private void counted(long n) {
        total += n;
        if (total > maxTotal)
            throw new ApiError(413, "body", "the body is over " + maxTotal + " bytes; nothing after that was read");
        if (maxRecord > 0 && total - recordStart > maxRecord) {
            throw new ApiError(413, "body", recordName + " " + records + " is over " + maxRecord + " bytes");
        }
    }
}
