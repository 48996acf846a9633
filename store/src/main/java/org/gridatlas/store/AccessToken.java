package org.gridatlas.store;

import java.time.Instant;

/** An API token as stored: its name, role ({@code admin}, {@code planner}, {@code reader} or {@code reporter}) and the SHA-256 digest (hex) of the token, never the token itself. */
public record AccessToken(String name, String role, String sha256, Instant created) {
    public static final java.util.List<String> ROLES = java.util.List.of("admin", "planner", "reader", "reporter");

    /** The SHA-256 digest (hex) by which a token is stored and recognised. */
    public static String digest(String token) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
