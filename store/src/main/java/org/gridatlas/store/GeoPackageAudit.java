package org.gridatlas.store;

import static org.gridatlas.engine.io.FieldType.TEXT;
import static org.gridatlas.store.GeoPackageTables.row;
import static org.gridatlas.store.GeoPackageTables.str;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.gridatlas.engine.io.Feature;
import org.gridatlas.engine.io.LayerSchema;

/**
 * The audit trail in the GeoPackage: who did what, appended. Unsynchronised:
 * {@link GeoPackageGridStore} serialises every call.
 */
final class GeoPackageAudit {
    static final LayerSchema AUDIT = LayerSchema.attributes(
            "audit",
            "time",
            TEXT,
            "actor",
            TEXT,
            "action",
            TEXT,
            "community_code",
            TEXT,
            "outcome",
            TEXT,
            "detail",
            TEXT);

    private final GeoPackageTables file;

    GeoPackageAudit(GeoPackageTables file) {
        this.file = file;
    }

    void audit(AuditEntry e) {
        file.table(AUDIT)
                .insert(List.of(row(
                        "time",
                        e.time().toString(),
                        "actor",
                        e.actor(),
                        "action",
                        e.action(),
                        "community_code",
                        e.communityCode(),
                        "outcome",
                        e.outcome(),
                        "detail",
                        e.detail())));
    }

    List<AuditEntry> audit(int limit) {
        List<AuditEntry> out = new ArrayList<>();
        for (Feature f : file.read(AUDIT)) {
            out.add(new AuditEntry(
                    Instant.parse(str(f, "time")),
                    str(f, "actor"),
                    str(f, "action"),
                    str(f, "community_code"),
                    str(f, "outcome"),
                    str(f, "detail")));
        }
        out.sort(Comparator.comparing(AuditEntry::time).reversed());
        return out.size() > limit ? out.subList(0, limit) : out;
    }
}
