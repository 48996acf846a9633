package org.gridatlas.api.store;

import java.time.Instant;

/** An API token as stored: its name, role ({@code admin}, {@code planner}, {@code reader} or {@code reporter}) and the SHA-256 digest (hex) of the token, never the token itself. */
public record AccessToken(String name, String role, String sha256, Instant created) {
    public static final java.util.List<String> ROLES = java.util.List.of("admin", "planner", "reader", "reporter");
}
