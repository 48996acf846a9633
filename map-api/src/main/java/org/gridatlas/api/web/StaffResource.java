package org.gridatlas.api.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.gridatlas.api.serving.ServingState;
import org.gridatlas.api.serving.StaffAnswers;
import org.gridatlas.api.serving.StaffingRule;
import org.gridatlas.engine.model.Grid;
import org.gridatlas.engine.model.GridLevel;
import org.gridatlas.store.StaffMember;
import org.gridatlas.store.StaffStore;

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

    /** Replaces the staff list from CSV {@code grid_code,role,name,phone[,department[,branch]]}; any bad row refuses the whole file. */
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
            throw ApiError.badRequest(
                    "body",
                    "CSV must start with the header grid_code,role,name,phone (then optionally department,branch)");
        }
        List<StaffMember> out = new ArrayList<>();
        for (String row = line(in); row != null; row = line(in)) {
            int line = in.line();
            if (row.isBlank()) continue;
            if (out.size() >= MAX_ROWS) throw new ApiError(413, "body", "more than " + MAX_ROWS + " rows");
            String[] f = Params.csvFields(row, line);
            if (f.length < 3)
                throw ApiError.badRequest("body", "line " + line + ": expected grid_code,role,name,phone");
            String grid = f[0].trim(),
                    role = f[1].trim().toLowerCase(),
                    name = f[2].trim(),
                    phone = f.length > 3 ? f[3].trim() : "";
            if (!s.grids.containsKey(grid))
                throw ApiError.badRequest("grid_code", "line " + line + ": unknown grid " + grid);
            if (!StaffMember.ROLES.containsKey(role)) {
                throw ApiError.badRequest(
                        "role",
                        "line " + line + ": role must be one of "
                                + String.join(", ", new java.util.TreeSet<>(StaffMember.ROLES.keySet())) + ", got '"
                                + f[1].trim() + "'");
            }
            if (name.isEmpty()) throw ApiError.badRequest("name", "line " + line + ": missing name");
            String department = f.length > 4 && !f[4].isBlank() ? f[4].trim() : StaffMember.ROLES.get(role);
            String branch = f.length > 5 && !f[5].isBlank() ? f[5].trim() : null;
            Params.plainText("name", name, 100);
            Params.plainText("phone", phone, 40);
            Params.plainText("department", department, 40);
            if (branch != null) Params.plainText("branch", branch, 100);
            out.add(new StaffMember(grid, role, name, phone.isEmpty() ? null : phone, department, branch));
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
        if (community != null && !s.communities.containsKey(community))
            throw ApiError.notFound("community " + community);
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
        ctx.json(Map.of(
                "rule",
                rule,
                "grids",
                rows,
                "workers_needed",
                needed,
                "workers_assigned",
                assigned,
                "shortfall",
                short_));
    }

    Map<String, Object> view(ServingState s, Grid g) {
        List<StaffMember> staff = s.staffByGrid.getOrDefault(g.code(), List.of());
        // the grid's own workers: one lent by another department counts there
        List<StaffMember> own = staff.stream()
                .filter(m ->
                        m.role().equals(StaffMember.WORKER) && m.department().equals(StaffingRule.OWN))
                .toList();
        int workers = own.size();
        int need = rule.workersNeeded(g.kind(), g.households());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", g.code());
        m.put("kind", g.kind().wireName());
        m.put("households", g.households());
        m.put("residents", rule.residents(g.households()));
        m.put("workers_needed", need);
        m.put("workers_assigned", workers);
        m.put("shortfall", Math.max(0, need - workers));
        m.put(
                "chief",
                staff.stream()
                        .filter(x -> x.role().equals(StaffMember.CHIEF))
                        .map(StaffAnswers::person)
                        .findFirst()
                        .orElse(null));
        m.put("workers", own.stream().map(StaffAnswers::person).toList());
        m.put("departments", departments(g, staff));
        m.put(
                "party_branch",
                staff.stream()
                        .map(StaffMember::branch)
                        .filter(java.util.Objects::nonNull)
                        .findFirst()
                        .orElse(null));
        return m;
    }

    /** Per department: people needed (the grid's own: its workers), assigned, shortfall, and who they are. */
    private Map<String, Object> departments(Grid g, List<StaffMember> staff) {
        java.util.Set<String> names =
                new java.util.TreeSet<>(rule.departmentNeeds().keySet());
        names.add(StaffingRule.OWN);
        staff.forEach(x -> names.add(x.department()));
        Map<String, Object> out = new LinkedHashMap<>();
        for (String d : names) {
            List<StaffMember> people =
                    staff.stream().filter(x -> x.department().equals(d)).toList();
            // the grid's own network counts its workers against the rule; a chief leads, not counted
            int assigned = (int) people.stream()
                    .filter(x -> !d.equals(StaffingRule.OWN) || x.role().equals(StaffMember.WORKER))
                    .count();
            int needed = rule.needed(d, g.kind(), g.households());
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("needed", needed);
            v.put("assigned", assigned);
            v.put("shortfall", Math.max(0, needed - assigned));
            v.put("people", people.stream().map(StaffAnswers::member).toList());
            out.put(d, v);
        }
        return out;
    }
}
