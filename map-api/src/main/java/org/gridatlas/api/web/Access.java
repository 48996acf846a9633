package org.gridatlas.api.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.gridatlas.store.AccessStore;
import org.gridatlas.store.AccessToken;
import org.gridatlas.store.AuditEntry;

/**
 * Who may do what, decided in one place for every request. Each route is registered with what it
 * needs ({@link Need}); the decision is made on the route the router matched (so {@code /staff/},
 * {@code /staff//} and {@code /staff} are one route) and its method, HEAD counting as GET. A
 * request whose route has no rule is refused: nothing is writable unless a rule allows it.
 *
 * <p>Bearer tokens are recognised by their SHA-256 digest (the store keeps digests only; the
 * configuration may add admin digests). Refusals (401, 403) are audited, at most
 * {@link RefusalAudit#PER_MINUTE} a minute so that a flood cannot fill the log.
 */
final class Access {
    /** What a route needs. */
    enum Need {
        /** health, readiness, metrics, the OpenAPI description and the pages. */
        PUBLIC,
        /** reads: anyone when reads are public, else any known token. */
        READ,
        /** report ingestion: free until a report key (or a reporter token) exists, then the key or a reporter/admin token. */
        REPORT,
        /** moving a report on (dispatched, resolved …): the systems that handle reports (reporter), planners or admins. */
        HANDLE,
        /** planner edits and list imports: planner or admin. */
        EDIT,
        /** administration: admin. */
        ADMIN
    }

    /** The caller: a token's name and role. */
    record Caller(String name, String role) {}

    static final String CALLER = "gridatlas.caller";
    private static final Caller ANONYMOUS = new Caller("anonymous", "none");

    private final Set<String> adminDigests;
    private final Set<String> reportKeyDigests;
    private final boolean publicReads;
    private final Map<String, Need> rules = new HashMap<>();
    private final RefusalAudit refusals;
    private final TokenList tokens;
    private final FailedCredentials failed = new FailedCredentials();

    Access(
            AccessStore store,
            TokenList tokens,
            Set<String> adminDigests,
            Set<String> reportKeyDigests,
            boolean publicReads) {
        this.tokens = tokens;
        this.adminDigests = adminDigests;
        this.reportKeyDigests = reportKeyDigests;
        this.publicReads = publicReads;
        this.refusals = new RefusalAudit(store);
    }

    /** Declares what a route needs; every route is declared once, with the router. */
    void rule(HandlerType method, String route, Need need) {
        if (rules.putIfAbsent(key(method, route), need) != null)
            throw new IllegalStateException("two rules for " + method + " " + route);
    }

    /**
     * Decides a matched request: lets it through (with its caller as a request attribute) or throws
     * 401/403. Static files are served by no endpoint and are public.
     */
    void decide(Context ctx) {
        Endpoint e = ctx.endpoints().matchedHttpEndpoint();
        if (e == null) return; // a static file: the pages and their scripts are public
        HandlerType method = ctx.method() == HandlerType.HEAD ? HandlerType.GET : ctx.method();
        Need need = rules.get(key(method, e.path));
        if (need == null) refuse(ctx, ANONYMOUS, 403, "no rule allows " + ctx.method() + " " + e.path);
        switch (need) {
            case PUBLIC -> {}
            case READ -> {
                if (!publicReads) require(ctx, AccessToken.ROLES.toArray(String[]::new));
            }
            case REPORT -> requireReportKey(ctx);
            case HANDLE -> require(ctx, "reporter", "planner", "admin");
            case EDIT -> require(ctx, "planner", "admin");
            case ADMIN -> require(ctx, "admin");
        }
    }

    /** Every rule, as "METHOD /route" → need (for the attack suite, which holds its own table against it). */
    Map<String, Need> rules() {
        return Map.copyOf(rules);
    }

    /** The caller that {@link #decide} let through (a name for the audit log), or anonymous. */
    static Caller caller(Context ctx) {
        Caller c = ctx.attribute(CALLER);
        return c == null ? ANONYMOUS : c;
    }

    private void require(Context ctx, String... roles) {
        if (ctx.header("Authorization") != null) throttle(ctx);
        Caller c = bearer(ctx);
        if (c == null && ctx.header("Authorization") != null) failed.add(ctx.ip());
        if (c == null) {
            ctx.header("WWW-Authenticate", "Bearer");
            refuse(ctx, ANONYMOUS, 401, "a bearer token with role " + String.join(" or ", roles) + " is required");
        }
        for (String r : roles) {
            if (r.equals(c.role())) {
                ctx.attribute(CALLER, c);
                return;
            }
        }
        refuse(ctx, c, 403, "token '" + c.name() + "' has role " + c.role() + ", not " + String.join(" or ", roles));
    }

    private void requireReportKey(Context ctx) {
        if (reportKeyDigests.isEmpty()
                && tokens.now().stream().noneMatch(t -> t.role().equals("reporter"))) return;
        String key = ctx.header("X-Report-Key");
        if (key != null) throttle(ctx);
        if (key != null && matches(AccessToken.digest(key.strip()), reportKeyDigests)) {
            ctx.attribute(CALLER, new Caller("report key", "reporter"));
            return;
        }
        if (key != null && ctx.header("Authorization") == null) failed.add(ctx.ip());
        require(ctx, "reporter", "admin");
    }

    private void refuse(Context ctx, Caller who, int status, String why) {
        Endpoint e = ctx.endpoints().matchedHttpEndpoint();
        refusals.record(who.name(), ctx.method() + " " + (e == null ? ctx.path() : e.path), status);
        throw new ApiError(status, "authorization", why);
    }

    private Caller bearer(Context ctx) {
        String h = ctx.header("Authorization");
        // the scheme is case-insensitive (RFC 9110 11.1)
        if (h == null || h.length() < 8 || !h.regionMatches(true, 0, "Bearer ", 0, 7)) return null;
        String digest = AccessToken.digest(h.substring(7).strip());
        if (matches(digest, adminDigests)) return new Caller("admin (configured)", "admin");
        for (AccessToken t : tokens.now()) {
            if (MessageDigest.isEqual(
                    digest.getBytes(StandardCharsets.US_ASCII), t.sha256().getBytes(StandardCharsets.US_ASCII))) {
                return new Caller(t.name(), t.role());
            }
        }
        return null;
    }

    /** 429 to an address that sent too many wrong tokens or keys this minute: guessing them goes no faster. */
    private void throttle(Context ctx) {
        if (!failed.tooMany(ctx.ip())) return;
        ctx.header("Retry-After", "60");
        throw new ApiError(
                429,
                "authorization",
                "over " + FailedCredentials.PER_MINUTE + " wrong tokens or keys from this address in a minute; wait");
    }

    /**
     * Wrong tokens and keys per client address over this minute and the one before (so a count does
     * not vanish as the minute turns); at most 10,000 addresses a minute are kept.
     */
    static final class FailedCredentials {
        static final int PER_MINUTE = 20;
        private volatile Map<String, Integer> counts = new java.util.concurrent.ConcurrentHashMap<>();
        private volatile Map<String, Integer> before = Map.of();
        private volatile long minute;

        void add(String address) {
            turn();
            if (counts.size() < 10_000) counts.merge(address, 1, Integer::sum);
        }

        boolean tooMany(String address) {
            turn();
            return counts.getOrDefault(address, 0) + before.getOrDefault(address, 0) >= PER_MINUTE;
        }

        private synchronized void turn() {
            long now = System.currentTimeMillis() / 60_000;
            if (now != minute) {
                before = now == minute + 1 ? counts : Map.of();
                counts = new java.util.concurrent.ConcurrentHashMap<>();
                minute = now;
            }
        }
    }

    private static boolean matches(String digest, Set<String> digests) {
        boolean ok = false;
        for (String d : digests)
            ok |= MessageDigest.isEqual(
                    digest.getBytes(StandardCharsets.US_ASCII), d.getBytes(StandardCharsets.US_ASCII));
        return ok;
    }

    private static String key(HandlerType method, String route) {
        return method.name() + " " + route;
    }

    /** Audits refusals, at most {@link #PER_MINUTE} a minute; the next entry after a full minute says how many were left out. */
    static final class RefusalAudit {
        static final int PER_MINUTE = 60;
        private final AccessStore store;
        private long minute = -1;
        private int written;
        private int dropped;

        RefusalAudit(AccessStore store) {
            this.store = store;
        }

        void record(String actor, String action, int status) {
            String detail;
            synchronized (this) {
                long now = System.currentTimeMillis() / 60_000;
                if (now != minute) {
                    detail = dropped > 0 ? dropped + " more refusals in the minute before were not logged" : null;
                    minute = now;
                    written = 0;
                    dropped = 0;
                } else {
                    detail = null;
                }
                if (written >= PER_MINUTE) {
                    dropped++;
                    return;
                }
                written++;
            }
            try {
                store.audit(new AuditEntry(Instant.now(), actor, action, null, "refused: " + status, detail));
            } catch (org.gridatlas.store.StoreException e) {
                // the refusal stands whether or not the store can log it
            }
        }
    }
}
