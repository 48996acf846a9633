package org.gridatlas.api.web;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.gridatlas.api.geoserver.GeoServerClient;
import org.gridatlas.api.geoserver.GeoServerPublisher;
import org.gridatlas.api.geoserver.GeoServerTarget;
import org.gridatlas.api.geoserver.PostGisConnection;
import org.gridatlas.store.AccessStore;
import org.gridatlas.store.AuditEntry;

/** /api/v1/admin: operations for administrators (role admin): publishing to GeoServer, the audit log. */
final class AdminResource {
    private final AccessStore store;
    private final GeoServerTarget geoServer;
    private final Supplier<PostGisConnection> database;

    AdminResource(AccessStore store, GeoServerTarget geoServer, Supplier<PostGisConnection> database) {
        this.store = store;
        this.geoServer = geoServer;
        this.database = database;
    }

    void publish(Context ctx) {
        if (geoServer == null)
            throw new ApiError(
                    409, "geoserver", "no GeoServer is configured on this server (geoserver, geoserver-user, ...)");
        List<GeoServerPublisher.Step> steps =
                new GeoServerPublisher(new GeoServerClient(geoServer)).publish(database.get());
        ctx.json(Map.of("geoserver", geoServer.url().toString(), "workspace", geoServer.workspace(), "steps", steps));
    }

    /** The newest audit entries (edits, commits, refusals), for administrators. */
    void audit(Context ctx) {
        List<Map<String, Object>> entries = new java.util.ArrayList<>();
        for (AuditEntry e : store.audit(Params.integer(ctx, "limit", 100, 1, 10_000))) {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("time", e.time().toString());
            m.put("actor", e.actor());
            m.put("action", e.action());
            m.put("community", e.communityCode());
            m.put("outcome", e.outcome());
            m.put("detail", e.detail());
            entries.add(m);
        }
        ctx.json(Map.of("entries", entries));
    }
}
