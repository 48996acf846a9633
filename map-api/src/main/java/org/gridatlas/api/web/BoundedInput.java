package org.gridatlas.api.web;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body that counts what it delivers and refuses (413) past a total, and past a budget per
 * record where the caller marks where records start: a limit enforced while reading, never after
 * a record was read whole.
 */
final class BoundedInput extends FilterInputStream {
    private final long maxTotal;
    private final long maxRecord;
    private final String recordName;
    private long total;
    private long recordStart;
    private int records;

    /** {@code maxRecord} ≤ 0: no budget per record. */
    BoundedInput(InputStream in, long maxTotal, long maxRecord, String recordName) {
        super(in);
        this.maxTotal = maxTotal;
        this.maxRecord = maxRecord;
        this.recordName = recordName;
    }

    BoundedInput(InputStream in, long maxTotal) {
        this(in, maxTotal, 0, null);
    }

    /** The next record starts here (as far as the reader above has read: parsers read ahead by a buffer). */
    void startRecord() {
        recordStart = total;
        records++;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) counted(1);
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) counted(n);
        return n;
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
