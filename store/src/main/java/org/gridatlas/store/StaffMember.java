package org.gridatlas.store;

import java.util.Map;

/**
 * One of a grid's forces, as imported from CSV: the grid's chief (网格长) or workers (网格员), and
 * the other departments' people on it — police officer (网格警), city-management officer, party
 * branch secretary, housing officer. {@code department} is the role's own unless the list says
 * otherwise; {@code branch}: the party branch (网格党支部) the grid belongs to, or null.
 */
public record StaffMember(String gridCode, String role, String name, String phone, String department, String branch) {
    public static final String CHIEF = "chief";
    public static final String WORKER = "worker";
    public static final String PARTY_SECRETARY = "party_secretary";

    /** Every role and the department it belongs to unless a row names another. */
    public static final Map<String, String> ROLES = Map.of(
            CHIEF,
            "综治",
            WORKER,
            "综治",
            "police_officer",
            "公安",
            "city_officer",
            "城管",
            PARTY_SECRETARY,
            "党群",
            "housing_officer",
            "房管");

    /** A chief or worker of the grid's own network, as before departments. */
    public StaffMember(String gridCode, String role, String name, String phone) {
        this(gridCode, role, name, phone, ROLES.get(role), null);
    }
}
