package org.gridatlas.store;

/** A grid's chief (网格长) or worker (网格员) with a contact, as imported from CSV. */
public record StaffMember(String gridCode, String role, String name, String phone) {
    public static final String CHIEF = "chief";
    public static final String WORKER = "worker";
}
