package org.gridatlas.store;

import static org.gridatlas.engine.io.FieldType.TEXT;
import static org.gridatlas.store.GeoPackageTables.row;
import static org.gridatlas.store.GeoPackageTables.str;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.gridatlas.engine.io.LayerSchema;

/**
 * API tokens (their digests) in the GeoPackage, by name. Unsynchronised:
 * {@link GeoPackageGridStore} serialises every call.
 */
final class GeoPackageTokens {
    static final LayerSchema TOKENS =
            LayerSchema.attributes("tokens", "name", TEXT, "role", TEXT, "sha256", TEXT, "created_at", TEXT);

    private final GeoPackageTables file;

    GeoPackageTokens(GeoPackageTables file) {
        this.file = file;
    }

    void putToken(AccessToken t) {
        file.inTransaction(() -> {
            file.table(TOKENS).delete("name = ?", t.name());
            file.table(TOKENS)
                    .insert(List.of(row(
                            "name",
                            t.name(),
                            "role",
                            t.role(),
                            "sha256",
                            t.sha256(),
                            "created_at",
                            t.created().toString())));
        });
    }

    List<AccessToken> tokens() {
        return file.read(TOKENS).stream()
                .map(f -> new AccessToken(
                        str(f, "name"), str(f, "role"), str(f, "sha256"), Instant.parse(str(f, "created_at"))))
                .sorted(Comparator.comparing(AccessToken::name))
                .toList();
    }
}
