package org.gridatlas.api.web;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.gridatlas.api.geoserver.GeoServerClient;
import org.gridatlas.api.geoserver.GeoServerPublisher;
import org.gridatlas.api.geoserver.GeoServerTarget;
import org.gridatlas.api.geoserver.PostGisConnection;

/**
 * /api/v1/admin: operations for administrators, behind a bearer token whose SHA-256 digest is
 * configured (the token itself is never stored). Publishing to GeoServer is the first of them.
 */
final class AdminResource {
    private final Set<String> tokenDigests;
    private final GeoServerTarget geoServer;
    private final Supplier<PostGisConnection> database;

    AdminResource(Set<String> tokenDigests, GeoServerTarget geoServer, Supplier<PostGisConnection> database) {
        this.tokenDigests = tokenDigests;
        this.geoServer = geoServer;
        this.database = database;
    }

    void authorize(Context ctx) {
        if (tokenDigests.isEmpty()) throw new ApiError(403, "authorization", "no admin token is configured on this server (admin-token-sha256)");
        String h = ctx.header("Authorization");
        if (h == null || !h.startsWith("Bearer ")) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new ApiError(401, "authorization", "an admin bearer token is required");
        }
        byte[] given = sha256(h.substring("Bearer ".length()).strip()).getBytes(StandardCharsets.US_ASCII);
        boolean ok = false;
        for (String d : tokenDigests) ok |= MessageDigest.isEqual(given, d.toLowerCase().getBytes(StandardCharsets.US_ASCII));
        if (!ok) throw new ApiError(403, "authorization", "the token is not an admin token");
    }

    void publish(Context ctx) {
        authorize(ctx);
        if (geoServer == null) throw new ApiError(409, "geoserver", "no GeoServer is configured on this server (geoserver, geoserver-user, ...)");
        List<GeoServerPublisher.Step> steps = new GeoServerPublisher(new GeoServerClient(geoServer)).publish(database.get());
        ctx.json(Map.of("geoserver", geoServer.url().toString(), "workspace", geoServer.workspace(), "steps", steps));
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
