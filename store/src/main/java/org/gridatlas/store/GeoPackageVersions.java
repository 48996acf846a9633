package org.gridatlas.store;

import static org.gridatlas.engine.io.FieldType.INTEGER;
import static org.gridatlas.engine.io.FieldType.TEXT;
import static org.gridatlas.store.GeoPackageTables.row;
import static org.gridatlas.store.GeoPackageTables.str;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.gridatlas.engine.io.DataContract;
import org.gridatlas.engine.io.Feature;
import org.gridatlas.engine.io.LayerSchema;
import org.gridatlas.engine.io.ResultReader;
import org.gridatlas.engine.io.ResultWriter;
import org.gridatlas.engine.model.Assignment;
import org.gridatlas.engine.model.Grid;

/**
 * Communities' versions in the GeoPackage: commits ({@link CommunityVersioning}), their snapshots,
 * the codes used. Unsynchronised: {@link GeoPackageGridStore} serialises every call.
 */
final class GeoPackageVersions {
    static final LayerSchema COMMUNITY_VERSIONS =
            LayerSchema.attributes("community_versions", "community_code", TEXT, "version", INTEGER);
    static final LayerSchema VERSIONS = LayerSchema.attributes(
            "versions",
            "community_code",
            TEXT,
            "version",
            INTEGER,
            "author",
            TEXT,
            "reason",
            TEXT,
            "created_at",
            TEXT,
            "change_json",
            TEXT,
            "snapshot",
            TEXT);
    static final LayerSchema USED_CODES = LayerSchema.attributes("used_codes", "community_code", TEXT, "code", TEXT);

    private final GeoPackageTables file;

    GeoPackageVersions(GeoPackageTables file) {
        this.file = file;
    }

    long communityVersion(String community) {
        return file.read(COMMUNITY_VERSIONS).stream()
                .filter(f -> community.equals(str(f, "community_code")))
                .mapToLong(f -> ((Number) f.properties().get("version")).longValue())
                .max()
                .orElse(0);
    }

    void setVersion(String community, long version) {
        file.table(COMMUNITY_VERSIONS).delete("community_code = ?", community);
        file.table(COMMUNITY_VERSIONS).insert(List.of(row("community_code", community, "version", version)));
    }

    /** Every community's version, by code. */
    Map<String, Long> currentVersions() {
        Map<String, Long> versions = new java.util.HashMap<>();
        for (Feature f : file.read(COMMUNITY_VERSIONS))
            versions.put(str(f, "community_code"), ((Number) f.properties().get("version")).longValue());
        return versions;
    }

    /** Every "community|code" pair in used_codes. */
    java.util.Set<String> usedCodes() {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (Feature f : file.read(USED_CODES)) out.add(str(f, "community_code") + "|" + str(f, "code"));
        return out;
    }

    /** Records the grids' codes not among {@code used} (read before the transaction this runs in). */
    void addUsedCodes(List<Grid> grids, java.util.Set<String> used) {
        List<Feature> rows = new ArrayList<>();
        for (Grid g : grids) {
            if (used.add(g.communityCode() + "|" + g.code()))
                rows.add(row("community_code", g.communityCode(), "code", g.code()));
        }
        file.table(USED_CODES).insert(rows);
    }

    long commit(CommunityCommit commit) {
        String community = commit.communityCode();
        // read before the transaction: the library reads tables over a second connection that would wait on it
        long current = communityVersion(community);
        java.util.Set<Long> recorded = new java.util.HashSet<>();
        versions(community).forEach(v -> recorded.add(v.version()));
        List<Grid> grids = file.read(DataContract.GRIDS).stream()
                .map(ResultReader::grid)
                .filter(g -> community.equals(g.communityCode()))
                .toList();
        java.util.Set<String> codes = new java.util.HashSet<>();
        grids.forEach(g -> codes.add(g.code()));
        List<Assignment> assignments = file.read(DataContract.ASSIGNMENTS).stream()
                .map(ResultReader::assignment)
                .filter(a -> codes.contains(a.gridCode()))
                .toList();
        java.util.Set<String> used = usedCodes();
        CommunityVersioning.Steps steps = new CommunityVersioning.Steps() {
            @Override
            public long lockVersion(String c) {
                return current;
            } // the store is synchronized: nothing moves it meanwhile

            @Override
            public boolean hasVersion(String c, long version) {
                return recorded.contains(version);
            }

            @Override
            public List<Grid> grids(String c) {
                return grids;
            }

            @Override
            public List<Assignment> assignments(String c) {
                return assignments;
            }

            @Override
            public void recordVersion(
                    String c, long version, String author, String reason, String change, String snapshot) {
                addVersion(c, version, author, reason, change, snapshot);
            }

            @Override
            public void replaceGrids(String c, List<Grid> after, List<Assignment> assigned) {
                for (Grid g : grids) file.table(DataContract.ASSIGNMENTS).delete("grid_code = ?", g.code());
                file.table(DataContract.GRIDS).delete("community_code = ?", c);
                file.table(DataContract.GRIDS).insert(ResultWriter.gridFeatures(after));
                file.table(DataContract.ASSIGNMENTS).insert(ResultWriter.assignmentFeatures(assigned));
            }

            @Override
            public void addUsedCodes(List<Grid> after) {
                GeoPackageVersions.this.addUsedCodes(after, used);
            }

            @Override
            public void setVersion(String c, long version) {
                GeoPackageVersions.this.setVersion(c, version);
            }
        };
        long[] next = new long[1];
        try {
            file.inTransaction(() -> next[0] = CommunityVersioning.commit(steps, commit));
            return next[0];
        } catch (StaleVersionException stale) {
            throw stale;
        } catch (RuntimeException e) {
            throw new StoreException("commit failed, store unchanged: " + e.getMessage(), e);
        }
    }

    private void addVersion(
            String community, long version, String author, String reason, String change, String snapshot) {
        file.table(VERSIONS)
                .insert(List.of(row(
                        "community_code",
                        community,
                        "version",
                        version,
                        "author",
                        author,
                        "reason",
                        reason,
                        "created_at",
                        Instant.now().toString(),
                        "change_json",
                        change,
                        "snapshot",
                        snapshot)));
    }

    List<CommunityVersion> versions(String community) {
        List<CommunityVersion> out = new ArrayList<>();
        for (Feature f : file.read(VERSIONS)) {
            if (!community.equals(str(f, "community_code"))) continue;
            VersionSnapshots.Snapshot snap = VersionSnapshots.read(str(f, "snapshot"));
            out.add(new CommunityVersion(
                    community,
                    ((Number) f.properties().get("version")).longValue(),
                    str(f, "author"),
                    str(f, "reason"),
                    Instant.parse(str(f, "created_at")),
                    str(f, "change_json"),
                    snap.grids(),
                    snap.assignments()));
        }
        out.sort(Comparator.comparingLong(CommunityVersion::version));
        return out;
    }

    java.util.Set<String> codesEverUsed(String community) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (Feature f : file.read(USED_CODES)) if (community.equals(str(f, "community_code"))) out.add(str(f, "code"));
        return out;
    }
}
