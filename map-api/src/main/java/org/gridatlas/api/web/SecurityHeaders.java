package org.gridatlas.api.web;

import io.javalin.http.Context;

/**
 * Headers every answer carries: the pages run only their own scripts and styles and talk only to
 * this server, cannot be framed, send no referrer, and no answer is sniffed as another type.
 */
final class SecurityHeaders {
    /** MapLibre styles its elements through the CSSOM (allowed) and decodes images from blobs; its worker is our own file. */
    static final String CONTENT_SECURITY_POLICY = String.join(
            "; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data: blob:",
            "worker-src 'self' blob:",
            "connect-src 'self'",
            "font-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    private SecurityHeaders() {}

    static void apply(Context ctx) {
        apply(ctx::header);
    }

    /** To any answer's headers, Jetty's own errors too. */
    static void apply(java.util.function.BiConsumer<String, String> header) {
        header.accept("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        header.accept("X-Content-Type-Options", "nosniff");
        header.accept("X-Frame-Options", "DENY");
        header.accept("Referrer-Policy", "no-referrer");
        header.accept("Cross-Origin-Opener-Policy", "same-origin");
    }
}
