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
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
    }
}
