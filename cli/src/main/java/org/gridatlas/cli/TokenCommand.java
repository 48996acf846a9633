package org.gridatlas.cli;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.Callable;
import org.gridatlas.engine.errors.InputException;
import org.gridatlas.store.AccessToken;
import org.gridatlas.store.GridStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "token",
        mixinStandardHelpOptions = true,
        description =
                "Make an API token for a person or system and print it once: the store keeps only its SHA-256 digest.")
final class TokenCommand implements Callable<Integer> {
    @Option(
            names = "--name",
            required = true,
            description = "who holds the token (a new token for the same name replaces the old)")
    String name;

    @Option(names = "--role", required = true, description = "admin, planner, reader or reporter")
    String role;

    @Mixin
    StoreOptions store = new StoreOptions();

    @Override
    public Integer call() {
        if (!AccessToken.ROLES.contains(role))
            throw new InputException("role", "is one of " + AccessToken.ROLES + ", not '" + role + "'");
        String token;
        try (GridStore s = store.open()) {
            token = issue(s, name, role);
        }
        System.out.println(token);
        System.err.printf("token for %s (%s) stored as its SHA-256 digest; it is shown only now%n", name, role);
        return 0;
    }

    /** A new random token for {@code name}, of which the store keeps only the digest; returned to be shown once. */
    static String issue(GridStore store, String name, String role) {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        store.putToken(new AccessToken(name, role, AccessToken.digest(token), Instant.now()));
        return token;
    }
}
