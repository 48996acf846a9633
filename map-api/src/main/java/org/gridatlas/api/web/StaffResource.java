package org.gridatlas.api.web;

import org.gridatlas.api.serving.ServingState;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.gridatlas.store.StaffStore;
import org.gridatlas.store.StaffMember;
import org.gridatlas.engine.model.Grid;
import org.gridatlas.engine.model.GridLevel;

/** /api/v1/staff (CSV import of chiefs and workers) and /api/v1/staffing (assigned against needed, per grid). */
final class StaffResource {
    static final int MAX_ROWS = 100_000;
    private final Supplier<ServingState> state;
    private final StaffStore store;
    private final Runnable reload;
    private final StaffingRule rule;

    StaffResource(Supplier<ServingState> state, StaffStore store, Runnable reload, StaffingRule rule) {
        this.state = state;
        this.store = store;
        this.reload = reload;
        this.rule = rule;
    }

    /** Replaces the staff list from CSV {@code grid_code,role,name,phone}; any bad row refuses the whole file. */
    void importCsv(Context ctx) throws IOException {
        ServingState s = state.get();
        List<StaffMember> staff;
        try (LineReader in = RequestBodies.lines(ctx, RequestBodies.LIST, RequestBodies.LIST_LINE)) {
            staff = parse(in, s);
        }
        store.replaceStaff(staff);
        reload.run();
        ctx.json(Map.of("imported", staff.size()));
    }

    static List<StaffMember> parse(LineReader in, ServingState s) throws IOException {
        String header = line(in);
        if (header == null || !header.trim().replace(" ", "").toLowerCase().startsWith("grid_code,role,name")) {
            throw ApiError.badRequest("body", "CSV must start with the header grid_code,role,name,phone");
        }
        List<StaffMember> out = new ArrayList<>();
        for (String row = line(in); row != null; row = line(in)) {
            int line = in.line();
            if (row.isBlank()) continue;
            if (out.size() >= MAX_ROWS) throw new ApiError(413, "body", "more than " + MAX_ROWS + " rows");
            String[] f = Params.csvFields(row, line);
            if (f.length < 3) throw ApiError.badRequest("body", "line " + line + ": expected grid_code,role,name,phone");
            String grid = f[0].trim(), role = f[1].trim().toLowerCase(), name = f[2].trim(), phone = f.length > 3 ? f[3].trim() : "";
            if (!s.grids.containsKey(grid)) throw ApiError.badRequest("grid_code", "line " + line + ": unknown grid " + grid);
            if (!role.equals(StaffMember.CHIEF) && !role.equals(StaffMember.WORKER)) {
                throw ApiError.badRequest("role", "line " + line + ": role must be chief or worker, got '" + f[1].trim() + "'");
            }
            if (name.isEmpty()) throw ApiError.badRequest("name", "line " + line + ": missing name");
            Params.plainText("name", name, 100);
            Params.plainText("phone", phone, 40);
            out.add(new StaffMember(grid, role, name, phone.isEmpty() ? null : phone));
        }
        return out;
    }

    /** A list line; one over the limit refuses the whole list. */
    static String line(LineReader in) throws IOException {
        try {
            return in.next();
        } catch (LineReader.TooLong e) {
            throw new ApiError(413, "body", e.getMessage());
        }
    }

    /** Per grid: households, residents, workers needed, chief and workers assigned, shortfall; and totals. */
    void staffing(Context ctx) {
        ServingState s = state.get();
        String community = ctx.queryParam("community");
        if (community != null && !s.communities.containsKey(community)) throw ApiError.notFound("community " + community);
        List<Map<String, Object>> rows = new ArrayList<>();
        int needed = 0, assigned = 0, short_ = 0;
        for (Grid g : s.grids.values()) {
            if (g.level() != GridLevel.GRID || (community != null && !community.equals(g.communityCode()))) continue;
            Map<String, Object> m = view(s, g);
            rows.add(m);
            needed += (Integer) m.get("workers_needed");
            assigned += (Integer) m.get("workers_assigned");
            short_ += (Integer) m.get("shortfall");
        }
        ctx.json(Map.of("rule", rule, "grids", rows, "workers_needed", needed, "workers_assigned", assigned, "shortfall", short_));
    }

    Map<String, Object> view(ServingState s, Grid g) {
        List<StaffMember> staff = s.staffByGrid.getOrDefault(g.code(), List.of());
        int workers = (int) staff.stream().filter(m -> m.role().equals(StaffMember.WORKER)).count();
        int need = rule.workersNeeded(g.kind(), g.households());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", g.code());
        m.put("kind", g.kind().wireName());
        m.put("households", g.households());
        m.put("residents", rule.residents(g.households()));
        m.put("workers_needed", need);
        m.put("workers_assigned", workers);
        m.put("shortfall", Math.max(0, need - workers));
        m.put("chief", staff.stream().filter(x -> x.role().equals(StaffMember.CHIEF)).map(StaffResource::person).findFirst().orElse(null));
        m.put("workers", staff.stream().filter(x -> x.role().equals(StaffMember.WORKER)).map(StaffResource::person).toList());
        return m;
    }

    private static Map<String, Object> person(StaffMember m) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", m.name());
        p.put("phone", m.phone());
        return p;
    }
}
