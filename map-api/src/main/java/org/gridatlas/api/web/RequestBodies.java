package org.gridatlas.api.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;

/**
 * Every request body is read through here, with its limits enforced while it streams in: a
 * total per body, a length per line or a budget per record, and JSON nesting depth and string
 * length. Nothing is read whole before it is measured.
 */
final class RequestBodies {
    /** A planner's change (a drawn boundary may have many vertices). */
    static final int EDIT_JSON = 1 << 20;
    /** One report. */
    static final int REPORT_JSON = 64 * 1024;
    /** A batch of lookups: about ten million CSV records. */
    static final long BATCH = 512L << 20;
    /** One CSV or NDJSON record of a batch (an id and a point, or an id and an address): a kilobyte is plenty. */
    static final int BATCH_LINE = 1024;
    /** One GeoJSON point feature of a batch, with its properties. */
    static final int BATCH_FEATURE = 64 * 1024;
    /** A staff or 片区 list. */
    static final long LIST = 32L << 20;

    static final int LIST_LINE = 4096;

    /** Reads requests: GeoJSON is shallow, and no string in a request needs more than a megabyte. */
    static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(32)
                    .maxStringLength(1 << 20)
                    .maxNumberLength(64)
                    .build())
            .build());

    /** The request attribute holding the server's {@link ServerSettings.Limits}: the pace every body must keep. */
    static final String PACE = "gridatlas.pace";

    private RequestBodies() {}

    /** The body, refused (413) past {@code maxTotal} bytes and (408) when it arrives slower than the server's pace. */
    static BoundedInput body(Context ctx, long maxTotal) {
        return new BoundedInput(ctx.bodyInputStream(), maxTotal, ctx.attribute(PACE));
    }

    /** A JSON object of at most {@code maxBytes}: 413 past that, 400 when malformed or not an object. */
    static JsonNode object(Context ctx, int maxBytes) throws IOException {
        byte[] body;
        try (InputStream in = body(ctx, maxBytes + 1L)) {
            body = in.readNBytes(maxBytes + 1);
        }
        if (body.length > maxBytes) throw new ApiError(413, "body", "the body is over " + maxBytes + " bytes");
        if (body.length == 0) return JSON.createObjectNode();
        JsonNode n;
        try {
            n = JSON.readTree(body);
        } catch (IOException e) {
            throw ApiError.badRequest("body", "malformed JSON: " + firstLine(e.getMessage()));
        }
        if (n == null || !n.isObject()) throw ApiError.badRequest("body", "expected a JSON object");
        return n;
    }

    /** The body's lines, at most {@code maxLine} characters each, in a body of at most {@code maxTotal} bytes. */
    static LineReader lines(Context ctx, long maxTotal, int maxLine) {
        return new LineReader(body(ctx, maxTotal), maxLine);
    }

    /** The body as a stream of records of at most {@code maxRecord} bytes each (the reader marks where records start). */
    static BoundedInput records(Context ctx, long maxTotal, int maxRecord, String recordName) {
        return new BoundedInput(ctx.bodyInputStream(), maxTotal, maxRecord, recordName, ctx.attribute(PACE));
    }

    /** Jackson's messages quote the input after a line break; the first line says what is wrong. */
    static String firstLine(String message) {
        if (message == null) return "";
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
