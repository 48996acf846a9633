package org.gridatlas.api.web;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Set;
import org.gridatlas.api.store.AccessToken;
import org.gridatlas.api.store.GridStore;

/**
 * Who may do what: bearer tokens are looked up by their SHA-256 digest (the store keeps digests
 * only; the configuration may add admin digests), each with a role. Edits need {@code planner} or
 * {@code admin}, administration {@code admin}; reads are public unless configured otherwise; report
 * ingestion needs a report key ({@code X-Report-Key}, or a {@code reporter} token) once one is configured.
 */
final class Access {
    /** The caller: a token's name and role. */
    record Caller(String name, String role) {}

    private static final long TOKEN_CACHE_NANOS = 5_000_000_000L;
    private final GridStore store;
    private final Set<String> adminDigests;
    private final Set<String> reportKeyDigests;
    private final boolean publicReads;
    private volatile List<AccessToken> tokens = List.of();
    private volatile long tokensRead;

    Access(GridStore store, Set<String> adminDigests, Set<String> reportKeyDigests, boolean publicReads) {
        this.store = store;
        this.adminDigests = adminDigests;
        this.reportKeyDigests = reportKeyDigests;
        this.publicReads = publicReads;
    }

    /** The caller with one of these roles, else 401 (no or unknown token) or 403 (another role). */
    Caller require(Context ctx, String... roles) {
        Caller c = caller(ctx);
        if (c == null) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new ApiError(401, "authorization", "a bearer token with role " + String.join(" or ", roles) + " is required");
        }
        for (String r : roles) if (r.equals(c.role())) return c;
        throw new ApiError(403, "authorization", "token '" + c.name() + "' has role " + c.role() + ", not " + String.join(" or ", roles));
    }

    /** For reads: anyone when reads are public, else any known token. */
    void requireRead(Context ctx) {
        if (!publicReads) require(ctx, AccessToken.ROLES.toArray(String[]::new));
    }

    /** For report ingestion: free until a report key is configured, then the key or a reporter (or admin) token. */
    void requireReportKey(Context ctx) {
        if (reportKeyDigests.isEmpty() && tokens().stream().noneMatch(t -> t.role().equals("reporter"))) return;
        String key = ctx.header("X-Report-Key");
        if (key != null && matches(AccessToken.digest(key.strip()), reportKeyDigests)) return;
        require(ctx, "reporter", "admin");
    }

    private Caller caller(Context ctx) {
        String h = ctx.header("Authorization");
        if (h == null || !h.startsWith("Bearer ")) return null;
        String digest = AccessToken.digest(h.substring("Bearer ".length()).strip());
        if (matches(digest, adminDigests)) return new Caller("admin (configured)", "admin");
        for (AccessToken t : tokens()) {
            if (MessageDigest.isEqual(digest.getBytes(StandardCharsets.US_ASCII), t.sha256().getBytes(StandardCharsets.US_ASCII))) {
                return new Caller(t.name(), t.role());
            }
        }
        return null;
    }

    /** Tokens from the store, reread every few seconds (a new token works without a restart). */
    private List<AccessToken> tokens() {
        if (System.nanoTime() - tokensRead > TOKEN_CACHE_NANOS) {
            tokens = store.tokens();
            tokensRead = System.nanoTime();
        }
        return tokens;
    }

    private static boolean matches(String digest, Set<String> digests) {
        boolean ok = false;
        for (String d : digests) ok |= MessageDigest.isEqual(digest.getBytes(StandardCharsets.US_ASCII), d.getBytes(StandardCharsets.US_ASCII));
        return ok;
    }
}
