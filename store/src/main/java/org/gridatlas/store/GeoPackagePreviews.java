package org.gridatlas.store;

import static org.gridatlas.engine.io.FieldType.INTEGER;
import static org.gridatlas.engine.io.FieldType.TEXT;
import static org.gridatlas.store.GeoPackageTables.row;
import static org.gridatlas.store.GeoPackageTables.str;

import java.time.Instant;
import java.util.List;
import org.gridatlas.engine.io.Feature;
import org.gridatlas.engine.io.LayerSchema;

/**
 * Previewed changes in the GeoPackage until they expire. Unsynchronised:
 * {@link GeoPackageGridStore} serialises every call.
 */
final class GeoPackagePreviews {
    static final LayerSchema PREVIEWS = LayerSchema.attributes(
            "previews",
            "preview_id",
            TEXT,
            "community_code",
            TEXT,
            "base_version",
            INTEGER,
            "author",
            TEXT,
            "reason",
            TEXT,
            "made",
            TEXT,
            "expires",
            TEXT,
            "change_json",
            TEXT,
            "verification_json",
            TEXT,
            "snapshot",
            TEXT);

    private final GeoPackageTables file;

    GeoPackagePreviews(GeoPackageTables file) {
        this.file = file;
    }

    void putPreview(StoredPreview p) {
        file.inTransaction(() -> {
            // ISO-8601 instants of one precision sort as text
            file.table(PREVIEWS).delete("expires < ?", Instant.now().toString());
            file.table(PREVIEWS)
                    .insert(List.of(row(
                            "preview_id",
                            p.id(),
                            "community_code",
                            p.communityCode(),
                            "base_version",
                            p.baseVersion(),
                            "author",
                            p.author(),
                            "reason",
                            p.reason(),
                            "made",
                            p.made().toString(),
                            "expires",
                            p.expires().toString(),
                            "change_json",
                            p.changeJson(),
                            "verification_json",
                            p.verificationJson(),
                            "snapshot",
                            VersionSnapshots.write(p.grids(), p.assignments()))));
        });
    }

    java.util.Optional<StoredPreview> preview(String id) {
        for (Feature f : file.read(PREVIEWS)) {
            if (!id.equals(str(f, "preview_id"))) continue;
            Instant expires = Instant.parse(str(f, "expires"));
            if (expires.isBefore(Instant.now())) return java.util.Optional.empty();
            VersionSnapshots.Snapshot snap = VersionSnapshots.read(str(f, "snapshot"));
            return java.util.Optional.of(new StoredPreview(
                    id,
                    str(f, "community_code"),
                    ((Number) f.properties().get("base_version")).longValue(),
                    str(f, "author"),
                    str(f, "reason"),
                    Instant.parse(str(f, "made")),
                    expires,
                    snap.grids(),
                    snap.assignments(),
                    str(f, "change_json"),
                    str(f, "verification_json")));
        }
        return java.util.Optional.empty();
    }

    void removePreview(String id) {
        file.table(PREVIEWS).delete("preview_id = ?", id);
    }
}
