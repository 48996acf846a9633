package org.gridatlas.store;

import static org.gridatlas.engine.io.FieldType.INTEGER;
import static org.gridatlas.engine.io.FieldType.REAL;
import static org.gridatlas.engine.io.FieldType.TEXT;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import org.gridatlas.engine.io.DataContract;
import org.gridatlas.engine.io.DatasetAssembler;
import org.gridatlas.engine.io.DatasetWriter;
import org.gridatlas.engine.io.Feature;
import org.gridatlas.engine.io.GeoPackageLayers;
import org.gridatlas.engine.io.LayerSchema;
import org.gridatlas.engine.io.ResultReader;
import org.gridatlas.engine.io.ResultWriter;
import org.gridatlas.engine.model.Assignment;
import org.gridatlas.engine.model.Dataset;
import org.gridatlas.engine.model.Delineation;
import org.gridatlas.engine.model.DepartmentResource;
import org.gridatlas.engine.model.DepartmentUnit;
import org.gridatlas.engine.model.Grid;

/**
 * The embedded store: one GeoPackage file that GDAL and QGIS open, with the contract's layers
 * (communities, buildings, grids, assignments) plus runs and reports. All writes run in one SQLite
 * transaction; the connection is shared, so calls are serialised.
 */
public final class GeoPackageGridStore implements GridStore {
    static final LayerSchema RUNS = LayerSchema.attributes(
            "runs", "run_id", INTEGER, "source", TEXT, "created_at", TEXT, "grids", INTEGER, "report_json", TEXT);
    static final LayerSchema REPORTS = LayerSchema.attributes(
            "reports",
            "report_id",
            TEXT,
            "time",
            TEXT,
            "category",
            TEXT,
            "lon",
            REAL,
            "lat",
            REAL,
            "crs",
            TEXT,
            "text",
            TEXT,
            "grid_code",
            TEXT,
            "received_at",
            TEXT,
            "address",
            TEXT,
            "address_match",
            TEXT,
            "source",
            TEXT,
            "status",
            TEXT,
            "status_at",
            TEXT,
            "escalated",
            INTEGER);
    static final LayerSchema REPORT_EVENTS = LayerSchema.attributes(
            "report_events", "report_id", TEXT, "status", TEXT, "at", TEXT, "actor", TEXT, "note", TEXT);
    static final LayerSchema STAFF = LayerSchema.attributes(
            "staff", "grid_code", TEXT, "role", TEXT, "name", TEXT, "phone", TEXT, "department", TEXT, "branch", TEXT);
    static final LayerSchema ZONES =
            LayerSchema.attributes("zones", "community_code", TEXT, "zone_code", TEXT, "zone_name", TEXT);
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
    static final LayerSchema TOKENS =
            LayerSchema.attributes("tokens", "name", TEXT, "role", TEXT, "sha256", TEXT, "created_at", TEXT);
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
    private static final List<LayerSchema> TABLES = List.of(
            DataContract.COMMUNITIES,
            DataContract.BUILDINGS,
            DataContract.BARRIERS,
            DataContract.ALIASES,
            DataContract.POIS,
            DataContract.GRIDS,
            DataContract.ASSIGNMENTS,
            RUNS,
            REPORTS,
            REPORT_EVENTS,
            STAFF,
            ZONES,
            COMMUNITY_VERSIONS,
            VERSIONS,
            USED_CODES,
            TOKENS,
            AUDIT,
            PREVIEWS,
            DepartmentTables.LAYERS,
            DepartmentTables.UNITS,
            DepartmentTables.RESOURCES);

    private final GeoPackage gp;
    private final Map<LayerSchema, GeoPackageLayers.Table> tables = new LinkedHashMap<>();

    private GeoPackageGridStore(GeoPackage gp) {
        this.gp = gp;
        for (LayerSchema t : TABLES) tables.put(t, GeoPackageLayers.table(gp, t));
    }

    /** Opens the file, creating it with empty tables when it does not exist. */
    public static GeoPackageGridStore open(Path file) {
        try {
            if (!Files.exists(file)) {
                if (file.toAbsolutePath().getParent() != null)
                    Files.createDirectories(file.toAbsolutePath().getParent());
                GeoPackageManager.create(file.toFile());
            }
        } catch (IOException e) {
            throw new StoreException("cannot create " + file + ": " + e.getMessage(), e);
        }
        GeoPackage gp = GeoPackageManager.open(file.toFile());
        for (LayerSchema t : TABLES) {
            if (!GeoPackageLayers.has(gp, t)) GeoPackageLayers.create(gp, t);
            else GeoPackageLayers.addMissingColumns(gp, t);
        }
        return new GeoPackageGridStore(gp);
    }

    @Override
    public synchronized long replace(Dataset dataset, Delineation delineation, String source) {
        long id = runs().stream().mapToLong(RunInfo::id).max().orElse(0) + 1;
        try {
            // campuses are kept among the landmarks, as the PostGIS store keeps them
            Map<LayerSchema, List<Feature>> data = DatasetWriter.layers(new Dataset(
                    dataset.communities(),
                    dataset.buildings(),
                    dataset.barriers(),
                    List.of(),
                    dataset.hamlets(),
                    dataset.aliases(),
                    dataset.notes(),
                    dataset.landmarks()));
            Map<LayerSchema, List<Feature>> result = ResultWriter.layers(delineation);
            String report = ResultWriter.reportJson(delineation.report());
            // read before the transaction: the library reads tables over a second connection that would wait on it
            Map<String, Long> versions = new java.util.HashMap<>();
            for (Feature f : GeoPackageLayers.read(gp, COMMUNITY_VERSIONS))
                versions.put(str(f, "community_code"), ((Number) f.properties().get("version")).longValue());
            java.util.Set<String> used = usedCodes();
            GeoPackageLayers.inTransaction(gp, () -> {
                for (LayerSchema t : List.of(
                        DataContract.COMMUNITIES,
                        DataContract.BUILDINGS,
                        DataContract.BARRIERS,
                        DataContract.ALIASES,
                        DataContract.POIS,
                        DataContract.GRIDS,
                        DataContract.ASSIGNMENTS)) {
                    GeoPackageLayers.deleteAll(gp, t);
                }
                tables.get(DataContract.COMMUNITIES).insert(data.get(DataContract.COMMUNITIES));
                tables.get(DataContract.BUILDINGS).insert(data.get(DataContract.BUILDINGS));
                tables.get(DataContract.BARRIERS).insert(data.get(DataContract.BARRIERS));
                tables.get(DataContract.ALIASES).insert(data.getOrDefault(DataContract.ALIASES, List.of()));
                tables.get(DataContract.POIS).insert(data.getOrDefault(DataContract.POIS, List.of()));
                tables.get(DataContract.GRIDS).insert(result.get(DataContract.GRIDS));
                tables.get(DataContract.ASSIGNMENTS).insert(result.get(DataContract.ASSIGNMENTS));
                tables.get(RUNS)
                        .insert(List.of(row(
                                "run_id",
                                id,
                                "source",
                                source,
                                "created_at",
                                Instant.now().toString(),
                                "grids",
                                delineation.grids().size(),
                                "report_json",
                                report)));
                // an import is a new version of every community (previews made before it are stale) and its codes are
                // used
                for (var c : dataset.communities()) setVersion(c.code(), versions.getOrDefault(c.code(), 0L) + 1);
                addUsedCodes(delineation.grids(), used);
            });
            return id;
        } catch (IOException | RuntimeException e) {
            throw new StoreException("import failed, store unchanged: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized long communityVersion(String community) {
        return GeoPackageLayers.read(gp, COMMUNITY_VERSIONS).stream()
                .filter(f -> community.equals(str(f, "community_code")))
                .mapToLong(f -> ((Number) f.properties().get("version")).longValue())
                .max()
                .orElse(0);
    }

    private void setVersion(String community, long version) {
        tables.get(COMMUNITY_VERSIONS).delete("community_code = ?", community);
        tables.get(COMMUNITY_VERSIONS).insert(List.of(row("community_code", community, "version", version)));
    }

    /** Every "community|code" pair in used_codes. */
    private java.util.Set<String> usedCodes() {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (Feature f : GeoPackageLayers.read(gp, USED_CODES))
            out.add(str(f, "community_code") + "|" + str(f, "code"));
        return out;
    }

    /** Records the grids' codes not among {@code used} (read before the transaction this runs in). */
    private void addUsedCodes(List<Grid> grids, java.util.Set<String> used) {
        List<Feature> rows = new ArrayList<>();
        for (Grid g : grids) {
            if (used.add(g.communityCode() + "|" + g.code()))
                rows.add(row("community_code", g.communityCode(), "code", g.code()));
        }
        tables.get(USED_CODES).insert(rows);
    }

    @Override
    public synchronized long commit(CommunityCommit commit) {
        String community = commit.communityCode();
        // read before the transaction: the library reads tables over a second connection that would wait on it
        long current = communityVersion(community);
        java.util.Set<Long> recorded = new java.util.HashSet<>();
        versions(community).forEach(v -> recorded.add(v.version()));
        List<Grid> grids = GeoPackageLayers.read(gp, DataContract.GRIDS).stream()
                .map(ResultReader::grid)
                .filter(g -> community.equals(g.communityCode()))
                .toList();
        java.util.Set<String> codes = new java.util.HashSet<>();
        grids.forEach(g -> codes.add(g.code()));
        List<Assignment> assignments = GeoPackageLayers.read(gp, DataContract.ASSIGNMENTS).stream()
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
                for (Grid g : grids) tables.get(DataContract.ASSIGNMENTS).delete("grid_code = ?", g.code());
                tables.get(DataContract.GRIDS).delete("community_code = ?", c);
                tables.get(DataContract.GRIDS).insert(ResultWriter.gridFeatures(after));
                tables.get(DataContract.ASSIGNMENTS).insert(ResultWriter.assignmentFeatures(assigned));
            }

            @Override
            public void addUsedCodes(List<Grid> after) {
                GeoPackageGridStore.this.addUsedCodes(after, used);
            }

            @Override
            public void setVersion(String c, long version) {
                GeoPackageGridStore.this.setVersion(c, version);
            }
        };
        long[] next = new long[1];
        try {
            GeoPackageLayers.inTransaction(gp, () -> next[0] = CommunityVersioning.commit(steps, commit));
            return next[0];
        } catch (StaleVersionException stale) {
            throw stale;
        } catch (RuntimeException e) {
            throw new StoreException("commit failed, store unchanged: " + e.getMessage(), e);
        }
    }

    private void addVersion(
            String community, long version, String author, String reason, String change, String snapshot) {
        tables.get(VERSIONS)
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

    @Override
    public synchronized List<CommunityVersion> versions(String community) {
        List<CommunityVersion> out = new ArrayList<>();
        for (Feature f : GeoPackageLayers.read(gp, VERSIONS)) {
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

    @Override
    public synchronized java.util.Set<String> codesEverUsed(String community) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (Feature f : GeoPackageLayers.read(gp, USED_CODES))
            if (community.equals(str(f, "community_code"))) out.add(str(f, "code"));
        return out;
    }

    @Override
    public synchronized void putPreview(StoredPreview p) {
        GeoPackageLayers.inTransaction(gp, () -> {
            // ISO-8601 instants of one precision sort as text
            tables.get(PREVIEWS).delete("expires < ?", Instant.now().toString());
            tables.get(PREVIEWS)
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

    @Override
    public synchronized java.util.Optional<StoredPreview> preview(String id) {
        for (Feature f : GeoPackageLayers.read(gp, PREVIEWS)) {
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

    @Override
    public synchronized void removePreview(String id) {
        tables.get(PREVIEWS).delete("preview_id = ?", id);
    }

    @Override
    public synchronized void putToken(AccessToken t) {
        GeoPackageLayers.inTransaction(gp, () -> {
            tables.get(TOKENS).delete("name = ?", t.name());
            tables.get(TOKENS)
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

    @Override
    public synchronized List<AccessToken> tokens() {
        return GeoPackageLayers.read(gp, TOKENS).stream()
                .map(f -> new AccessToken(
                        str(f, "name"), str(f, "role"), str(f, "sha256"), Instant.parse(str(f, "created_at"))))
                .sorted(Comparator.comparing(AccessToken::name))
                .toList();
    }

    @Override
    public synchronized void audit(AuditEntry e) {
        tables.get(AUDIT)
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

    @Override
    public synchronized List<AuditEntry> audit(int limit) {
        List<AuditEntry> out = new ArrayList<>();
        for (Feature f : GeoPackageLayers.read(gp, AUDIT)) {
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

    @Override
    public synchronized StoredState load() {
        Map<LayerSchema, List<Feature>> layers = new LinkedHashMap<>();
        layers.put(DataContract.COMMUNITIES, GeoPackageLayers.read(gp, DataContract.COMMUNITIES));
        layers.put(DataContract.BUILDINGS, GeoPackageLayers.read(gp, DataContract.BUILDINGS));
        layers.put(DataContract.BARRIERS, GeoPackageLayers.read(gp, DataContract.BARRIERS));
        layers.put(DataContract.ALIASES, GeoPackageLayers.read(gp, DataContract.ALIASES));
        layers.put(DataContract.POIS, GeoPackageLayers.read(gp, DataContract.POIS));
        List<RunInfo> runs = runs();
        if (layers.get(DataContract.COMMUNITIES).isEmpty()) return StoredState.empty();
        Dataset d = new DatasetAssembler().assemble(layers);
        return new StoredState(
                d.communities(),
                d.buildings(),
                d.barriers(),
                d.aliases(),
                GeoPackageLayers.read(gp, DataContract.GRIDS).stream()
                        .map(ResultReader::grid)
                        .toList(),
                GeoPackageLayers.read(gp, DataContract.ASSIGNMENTS).stream()
                        .map(ResultReader::assignment)
                        .toList(),
                runs.isEmpty() ? null : runs.get(runs.size() - 1),
                d.pois());
    }

    @Override
    public synchronized List<RunInfo> runs() {
        List<RunInfo> out = new ArrayList<>();
        for (Feature f : GeoPackageLayers.read(gp, RUNS)) {
            Map<String, Object> p = f.properties();
            out.add(new RunInfo(
                    ((Number) p.get("run_id")).longValue(),
                    (String) p.get("source"),
                    Instant.parse((String) p.get("created_at")),
                    ((Number) p.get("grids")).intValue(),
                    (String) p.get("report_json")));
        }
        out.sort(Comparator.comparingLong(RunInfo::id));
        return out;
    }

    @Override
    public synchronized boolean addReport(Report r) {
        if (gp.getAttributesDao(REPORTS.name()).count("report_id = ?", new String[] {r.id()}) > 0) return false;
        GeoPackageLayers.inTransaction(gp, () -> {
            tables.get(REPORTS).insert(List.of(reportRow(r)));
            tables.get(REPORT_EVENTS)
                    .insert(List.of(row(
                            "report_id",
                            r.id(),
                            "status",
                            r.status().wireName(),
                            "at",
                            r.statusAt().toString(),
                            "actor",
                            null,
                            "note",
                            "received from " + r.source().wireName())));
        });
        return true;
    }

    private static Feature reportRow(Report r) {
        return row(
                "report_id",
                r.id(),
                "time",
                r.time().toString(),
                "category",
                r.category(),
                "lon",
                r.lon(),
                "lat",
                r.lat(),
                "crs",
                r.crs(),
                "text",
                r.text(),
                "grid_code",
                r.gridCode(),
                "received_at",
                r.receivedAt().toString(),
                "address",
                r.address(),
                "address_match",
                r.addressMatch(),
                "source",
                r.source().wireName(),
                "status",
                r.status().wireName(),
                "status_at",
                r.statusAt().toString(),
                "escalated",
                r.escalated() ? 1 : 0);
    }

    @Override
    public synchronized List<Report> reportsBetween(Instant from, Instant to) {
        List<Report> out = new ArrayList<>();
        for (Feature f : GeoPackageLayers.read(gp, REPORTS)) {
            Report r = report(f.properties());
            if (!r.time().isBefore(from) && r.time().isBefore(to)) out.add(r);
        }
        out.sort(Comparator.comparing(Report::time));
        return out;
    }

    @Override
    public synchronized java.util.Optional<Report> move(
            String id, ReportStatus to, Instant at, String actor, String note) {
        java.util.Optional<Report> now = report(id);
        if (now.isEmpty()) return now;
        Report was = now.get();
        if (!was.status().next().contains(to)) throw new ReportStatus.IllegalMove(id, was.status(), to);
        Report moved = was.movedTo(to, at);
        try {
            GeoPackageLayers.inTransaction(gp, () -> {
                tables.get(REPORTS).delete("report_id = ?", id);
                tables.get(REPORTS).insert(List.of(reportRow(moved)));
                tables.get(REPORT_EVENTS)
                        .insert(List.of(row(
                                "report_id",
                                id,
                                "status",
                                to.wireName(),
                                "at",
                                at.toString(),
                                "actor",
                                actor,
                                "note",
                                note)));
            });
        } catch (RuntimeException e) {
            throw new StoreException("report " + id + " not moved, store unchanged: " + e.getMessage(), e);
        }
        return java.util.Optional.of(moved);
    }

    @Override
    public synchronized List<ReportEvent> events(String id) {
        List<ReportEvent> out = new ArrayList<>();
        for (Feature f : GeoPackageLayers.read(gp, REPORT_EVENTS)) {
            if (!id.equals(str(f, "report_id"))) continue;
            out.add(new ReportEvent(
                    id,
                    ReportStatus.parse(str(f, "status")),
                    Instant.parse(str(f, "at")),
                    str(f, "actor"),
                    str(f, "note")));
        }
        out.sort(Comparator.comparing(ReportEvent::at));
        return out;
    }

    @Override
    public synchronized java.util.Optional<Report> report(String id) {
        return GeoPackageLayers.read(gp, REPORTS).stream()
                .map(f -> report(f.properties()))
                .filter(r -> r.id().equals(id))
                .findFirst();
    }

    @Override
    public synchronized List<Report> reports(String gridCode, Instant since, int limit) {
        List<Report> out = new ArrayList<>();
        for (Feature f : GeoPackageLayers.read(gp, REPORTS)) {
            Report r = report(f.properties());
            if ((gridCode == null || gridCode.equals(r.gridCode()))
                    && (since == null || !r.time().isBefore(since))) out.add(r);
        }
        out.sort(Comparator.comparing(Report::time).reversed());
        return out.size() > limit ? out.subList(0, limit) : out;
    }

    @Override
    public synchronized Map<String, Integer> reportCounts(Instant from, Instant to) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Feature f : GeoPackageLayers.read(gp, REPORTS)) {
            Report r = report(f.properties());
            if (r.gridCode() != null && !r.time().isBefore(from) && r.time().isBefore(to))
                counts.merge(r.gridCode(), 1, Integer::sum);
        }
        return counts;
    }

    @Override
    public void replaceStaff(List<StaffMember> staff) {
        replaceAll(
                STAFF,
                () -> staff.stream()
                        .map(m -> row(
                                "grid_code",
                                m.gridCode(),
                                "role",
                                m.role(),
                                "name",
                                m.name(),
                                "phone",
                                m.phone(),
                                "department",
                                m.department(),
                                "branch",
                                m.branch()))
                        .toList());
    }

    @Override
    public synchronized List<StaffMember> staff() {
        // rows from before departments have none: the role's own
        return GeoPackageLayers.read(gp, STAFF).stream()
                .map(f -> new StaffMember(
                        str(f, "grid_code"),
                        str(f, "role"),
                        str(f, "name"),
                        str(f, "phone"),
                        str(f, "department") != null ? str(f, "department") : StaffMember.ROLES.get(str(f, "role")),
                        str(f, "branch")))
                .toList();
    }

    @Override
    public void replaceZones(List<Zone> zones) {
        replaceAll(
                ZONES,
                () -> zones.stream()
                        .map(z -> row(
                                "community_code",
                                z.communityCode(),
                                "zone_code",
                                z.zoneCode(),
                                "zone_name",
                                z.zoneName()))
                        .toList());
    }

    @Override
    public synchronized List<Zone> zones() {
        return GeoPackageLayers.read(gp, ZONES).stream()
                .map(f -> new Zone(str(f, "community_code"), str(f, "zone_code"), str(f, "zone_name")))
                .toList();
    }

    @Override
    public DepartmentLayerInfo replaceUnits(String name, List<DepartmentUnit> units, String source) {
        DepartmentTables.requireUniqueIds(
                name, units.stream().map(DepartmentUnit::id).toList());
        return replaceLayer(
                name,
                DepartmentLayerKind.UNITS,
                source,
                DepartmentTables.UNITS,
                units.stream().map(u -> DepartmentTables.row(name, u)).toList());
    }

    @Override
    public DepartmentLayerInfo replaceResources(String name, List<DepartmentResource> resources, String source) {
        DepartmentTables.requireUniqueIds(
                name, resources.stream().map(DepartmentResource::id).toList());
        return replaceLayer(
                name,
                DepartmentLayerKind.RESOURCES,
                source,
                DepartmentTables.RESOURCES,
                resources.stream().map(r -> DepartmentTables.row(name, r)).toList());
    }

    private synchronized DepartmentLayerInfo replaceLayer(
            String name, DepartmentLayerKind kind, String source, LayerSchema table, List<Feature> rows) {
        DepartmentLayerInfo info = DepartmentTables.next(imports(), name, kind, rows.size(), source);
        try {
            GeoPackageLayers.inTransaction(gp, () -> {
                tables.get(table).delete("layer = ?", name);
                tables.get(table).insert(rows);
                tables.get(DepartmentTables.LAYERS).insert(List.of(DepartmentTables.row(info)));
            });
        } catch (RuntimeException e) {
            throw new StoreException("layer " + name + " not stored, store unchanged: " + e.getMessage(), e);
        }
        return info;
    }

    private List<DepartmentLayerInfo> imports() {
        return GeoPackageLayers.read(gp, DepartmentTables.LAYERS).stream()
                .map(DepartmentTables::info)
                .toList();
    }

    @Override
    public synchronized List<DepartmentLayerInfo> departmentLayers() {
        return DepartmentTables.current(imports());
    }

    @Override
    public synchronized List<DepartmentUnit> units(String name) {
        return GeoPackageLayers.read(gp, DepartmentTables.UNITS).stream()
                .filter(f -> name.equals(f.properties().get("layer")))
                .map(DepartmentTables::unit)
                .sorted(Comparator.comparing(DepartmentUnit::id))
                .toList();
    }

    @Override
    public synchronized List<DepartmentResource> resources(String name) {
        return GeoPackageLayers.read(gp, DepartmentTables.RESOURCES).stream()
                .filter(f -> name.equals(f.properties().get("layer")))
                .map(DepartmentTables::resource)
                .sorted(Comparator.comparing(DepartmentResource::id))
                .toList();
    }

    /** Replaces a whole attributes table in one transaction; rows are built inside it, so a bad one changes nothing. */
    private synchronized void replaceAll(LayerSchema table, java.util.function.Supplier<List<Feature>> rows) {
        try {
            List<Feature> all = rows.get();
            GeoPackageLayers.inTransaction(gp, () -> {
                GeoPackageLayers.deleteAll(gp, table);
                tables.get(table).insert(all);
            });
        } catch (RuntimeException e) {
            throw new StoreException(table.name() + " import failed, store unchanged: " + e.getMessage(), e);
        }
    }

    private static String str(Feature f, String field) {
        return (String) f.properties().get(field);
    }

    @Override
    public boolean reachable() {
        return true;
    }

    @Override
    public synchronized void close() {
        gp.close();
    }

    private static Report report(Map<String, Object> p) {
        return new Report(
                (String) p.get("report_id"),
                Instant.parse((String) p.get("time")),
                (String) p.get("category"),
                p.get("lon") == null ? null : ((Number) p.get("lon")).doubleValue(),
                p.get("lat") == null ? null : ((Number) p.get("lat")).doubleValue(),
                (String) p.get("crs"),
                (String) p.get("text"),
                (String) p.get("grid_code"),
                Instant.parse((String) p.get("received_at")),
                (String) p.get("address"),
                (String) p.get("address_match"),
                p.get("source") == null ? ReportSource.OTHER : ReportSource.parse((String) p.get("source")),
                p.get("status") == null ? ReportStatus.RECEIVED : ReportStatus.parse((String) p.get("status")),
                Instant.parse((String) (p.get("status_at") == null ? p.get("received_at") : p.get("status_at"))),
                p.get("escalated") != null && ((Number) p.get("escalated")).intValue() != 0);
    }

    private static Feature row(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return new Feature(m, null);
    }
}
