package org.gridatlas.api.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.gridatlas.api.serving.ServingState;
import org.gridatlas.store.StaffStore;
import org.gridatlas.store.Zone;

/** /api/v1/zones: replaces the 片区 grouping from CSV {@code community_code,zone_code,zone_name}; a bad row refuses the file. */
final class ZonesResource {
    private final Supplier<ServingState> state;
    private final StaffStore store;
    private final Runnable reload;

    ZonesResource(Supplier<ServingState> state, StaffStore store, Runnable reload) {
        this.state = state;
        this.store = store;
        this.reload = reload;
    }

    void importCsv(Context ctx) throws IOException {
        ServingState s = state.get();
        List<Zone> zones = new ArrayList<>();
        try (LineReader in = RequestBodies.lines(ctx, RequestBodies.LIST, RequestBodies.LIST_LINE)) {
            read(in, s, zones);
        }
        store.replaceZones(zones);
        reload.run();
        ctx.json(Map.of("imported", zones.size()));
    }

    private static void read(LineReader in, ServingState s, List<Zone> zones) throws IOException {
        String header = StaffResource.line(in);
        if (header == null || !header.trim().replace(" ", "").toLowerCase().startsWith("community_code,zone_code")) {
            throw ApiError.badRequest("body", "CSV must start with the header community_code,zone_code,zone_name");
        }
        Set<String> seen = new HashSet<>();
        for (String row = StaffResource.line(in); row != null; row = StaffResource.line(in)) {
            int line = in.line();
            if (row.isBlank()) continue;
            String[] f = Params.csvFields(row, line);
            if (f.length < 2 || f[1].isBlank())
                throw ApiError.badRequest("zone_code", "line " + line + ": missing zone_code");
            String community = f[0].trim();
            if (!s.communities.containsKey(community))
                throw ApiError.badRequest("community_code", "line " + line + ": unknown community " + community);
            if (!seen.add(community))
                throw ApiError.badRequest(
                        "community_code", "line " + line + ": community " + community + " is in two zones");
            String name = f.length > 2 && !f[2].isBlank() ? Params.plainText("zone_name", f[2].trim(), 100) : null;
            zones.add(new Zone(community, Params.plainText("zone_code", f[1].trim(), 40), name));
        }
    }
}
