package org.gridatlas.api.web;

import io.javalin.config.JavalinConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gridatlas.api.geoserver.GeoServerException;
import org.gridatlas.api.serving.DepartmentNetworks;
import org.gridatlas.api.serving.NotFound;
import org.gridatlas.api.serving.PointLookup;
import org.gridatlas.engine.edit.EditRefused;
import org.gridatlas.engine.errors.InputException;
import org.gridatlas.store.ReportStatus;
import org.gridatlas.store.StaleVersionException;
import org.gridatlas.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How failures are answered, in one place: a refusal (the request's fault) with its status, the
 * field at fault and why; the store's refusals by kind without its internals; anything else is an
 * internal error, logged and never told as the request's fault.
 */
final class ErrorMapping {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

    private ErrorMapping() {}

    /** The refusal a domain failure is (also for one line of a batch), or null when it is not one. */
    static ApiError refusal(RuntimeException e) {
        if (e instanceof ApiError a) return a;
        if (e instanceof NotFound) return new ApiError(404, null, e.getMessage());
        if (e instanceof PointLookup.OutsideServiceArea) return new ApiError(422, "lon", e.getMessage());
        if (e instanceof EditRefused r) return new ApiError(422, r.field(), r.getMessage());
        if (e instanceof StaleVersionException) return new ApiError(409, "version", e.getMessage());
        if (e instanceof ReportStatus.IllegalMove) return new ApiError(409, "status", e.getMessage());
        if (e instanceof DepartmentNetworks.NoSuchLayer) return new ApiError(404, "name", e.getMessage());
        if (e instanceof InputException i) return new ApiError(400, i.field(), i.getMessage());
        return null;
    }

    private static final java.util.concurrent.atomic.AtomicLong RECORD_FAILURES =
            new java.util.concurrent.atomic.AtomicLong();

    /**
     * What one record of a batch is answered when it fails, so that the batch goes on: its refusal,
     * or an internal error, logged (the first and then every thousandth, so a batch of them cannot
     * flood the log).
     */
    static ApiError ofRecord(RuntimeException e) {
        ApiError a = refusal(e);
        if (a != null) return a;
        long n = RECORD_FAILURES.incrementAndGet();
        if (n % 1000 == 1) LOG.error("a batch record failed (failure {} since start)", n, e);
        return new ApiError(500, null, "internal error");
    }

    static void register(JavalinConfig config) {
        for (Class<? extends RuntimeException> refused : java.util.List.of(
                ApiError.class,
                NotFound.class,
                PointLookup.OutsideServiceArea.class,
                EditRefused.class,
                StaleVersionException.class,
                ReportStatus.IllegalMove.class,
                DepartmentNetworks.NoSuchLayer.class,
                InputException.class)) {
            config.routes.exception(refused, (e, ctx) -> {
                ApiError a = refusal(e);
                ctx.status(a.status()).json(body(a.status(), a.field(), a.getMessage()));
            });
        }
        config.routes.exception(StoreException.class, (e, ctx) -> {
            // the database's own words stay in the log: they quote SQL and the server's internals
            LOG.warn("{} {}: store refused or unavailable: {}", ctx.method(), ctx.path(), e.getMessage());
            switch (e.kind()) {
                case BAD_DATA ->
                    ctx.status(400)
                            .json(body(400, "body", "the store refused a value of this request; nothing was changed"));
                case CONFLICT ->
                    ctx.status(409).json(body(409, "body", "this conflicts with what is stored; nothing was changed"));
                case UNAVAILABLE ->
                    ctx.status(503)
                            .json(
                                    body(
                                            503,
                                            "store",
                                            "store unavailable, nothing was changed; lookups and tiles still answer from memory"));
            }
        });
        // the client went away or sent less than it announced: its doing, not ours, and not worth a stack trace
        config.routes.exception(
                java.io.EOFException.class,
                (e, ctx) -> ctx.status(400).json(body(400, "body", "the body ended before its announced length")));
        config.routes.exception(
                GeoServerException.class, (e, ctx) -> ctx.status(502).json(body(502, "geoserver", e.getMessage())));
        config.routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            ctx.status(500).json(body(500, null, "internal error"));
        });
        config.routes.error(404, "*", ctx -> {
            // answers that are already JSON (a grid not found) keep their body; unknown paths get one
            String type = ctx.res().getContentType();
            if (type == null || !type.contains("json")) ctx.json(body(404, null, "no such resource: " + ctx.path()));
        });
    }

    /** The error body: {"error": {"status", "field", "message"}}. */
    static Map<String, Object> body(int status, String field, String message) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("status", status);
        e.put("field", field);
        e.put("message", message);
        return Map.of("error", e);
    }
}
