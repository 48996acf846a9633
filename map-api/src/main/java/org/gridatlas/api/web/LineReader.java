package org.gridatlas.api.web;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Lines of a UTF-8 body (CSV, NDJSON), each at most {@code maxLine} bytes: a longer one is skipped
 * to its end without being kept and reported as {@link TooLong}, so that one endless line costs no
 * memory. Each line is decoded on its own, strictly: bytes that are not UTF-8 are refused naming
 * the line, never stored as U+FFFD.
 */
final class LineReader implements Closeable {
    /** A line over the limit; the reader stands at the start of the next line. */
    static final class TooLong extends Exception {
        final int line;

        TooLong(int line, int max) {
            super("line " + line + " is longer than " + max + " bytes");
            this.line = line;
        }
    }

    private final InputStream in;
    private final int maxLine;
    private final byte[] buf = new byte[1 << 16];
    private final ByteArrayOutputStream current = new ByteArrayOutputStream();
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private int pos;
    private int end;
    private int line;

    LineReader(InputStream body, int maxLine) {
        this.in = body;
        this.maxLine = maxLine;
    }

    /** The number of the line {@link #next} returned last (1-based). */
    int line() {
        return line;
    }

    /** The next line without its terminator (\n or \r\n), or null at the end of the body. */
    String next() throws IOException, TooLong {
        current.reset();
        boolean over = false, any = false;
        while (true) {
            if (pos == end && !fill()) {
                if (!any) return null;
                break;
            }
            any = true;
            int start = pos;
            while (pos < end && buf[pos] != '\n') pos++;
            if (!over) {
                if (current.size() + (pos - start) > maxLine + 1) over = true; // +1: a trailing \r
                else current.write(buf, start, pos - start);
            }
            if (pos < end) {
                pos++; // the \n
                break;
            }
        }
        line++;
        byte[] bytes = current.toByteArray();
        int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        if (over || n > maxLine) throw new TooLong(line, maxLine);
        try {
            return utf8.decode(ByteBuffer.wrap(bytes, 0, n)).toString();
        } catch (CharacterCodingException e) {
            throw new ApiError(400, "body", "line " + line + " is not UTF-8: send the file in UTF-8");
        }
    }

    private boolean fill() throws IOException {
        end = in.read(buf, 0, buf.length);
        pos = 0;
        if (end < 0) {
            end = 0;
            return false;
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
