package org.gridatlas.store;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.gridatlas.engine.io.LayerSchema;
import org.gridatlas.engine.model.Dataset;
import org.gridatlas.engine.model.Delineation;
import org.gridatlas.engine.model.DepartmentResource;
import org.gridatlas.engine.model.DepartmentUnit;

/**
 * The embedded store: one GeoPackage file that GDAL and QGIS open, with the contract's layers
 * (communities, buildings, grids, assignments) plus runs and reports. All writes run in one SQLite
 * transaction; the connection is shared, so calls are serialised here, before each is handed to
 * the class of its concern.
 */
public final class GeoPackageGridStore implements GridStore {
    private static final List<LayerSchema> TABLES = Stream.concat(
                    GeoPackageGrids.IMPORTED.stream(),
                    Stream.of(
                            GeoPackageGrids.RUNS,
                            GeoPackageReports.REPORTS,
                            GeoPackageReports.REPORT_EVENTS,
                            GeoPackageStaff.STAFF,
                            GeoPackageStaff.ZONES,
                            GeoPackageVersions.COMMUNITY_VERSIONS,
                            GeoPackageVersions.VERSIONS,
                            GeoPackageVersions.USED_CODES,
                            GeoPackageTokens.TOKENS,
                            GeoPackageAudit.AUDIT,
                            GeoPackagePreviews.PREVIEWS,
                            DepartmentTables.LAYERS,
                            DepartmentTables.UNITS,
                            DepartmentTables.RESOURCES))
            .toList();

    private final GeoPackageTables file;
    private final GeoPackageGrids grids;
    private final GeoPackageVersions versions;
    private final GeoPackagePreviews previews;
    private final GeoPackageTokens tokens;
    private final GeoPackageAudit audit;
    private final GeoPackageReports reports;
    private final GeoPackageStaff staff;
    private final GeoPackageDepartmentLayers departments;

    private GeoPackageGridStore(GeoPackageTables file) {
        this.file = file;
        this.versions = new GeoPackageVersions(file);
        this.grids = new GeoPackageGrids(file, versions);
        this.previews = new GeoPackagePreviews(file);
        this.tokens = new GeoPackageTokens(file);
        this.audit = new GeoPackageAudit(file);
        this.reports = new GeoPackageReports(file);
        this.staff = new GeoPackageStaff(file);
        this.departments = new GeoPackageDepartmentLayers(file);
    }

    /** Opens the file, creating it with empty tables when it does not exist. */
    public static GeoPackageGridStore open(Path file) {
        return new GeoPackageGridStore(GeoPackageTables.open(file, TABLES));
    }

    @Override
    public synchronized long replace(Dataset dataset, Delineation delineation, String source) {
        return grids.replace(dataset, delineation, source);
    }

    @Override
    public synchronized StoredState load() {
        return grids.load();
    }

    @Override
    public synchronized List<RunInfo> runs() {
        return grids.runs();
    }

    @Override
    public boolean reachable() {
        return grids.reachable();
    }

    @Override
    public synchronized long communityVersion(String community) {
        return versions.communityVersion(community);
    }

    @Override
    public synchronized long commit(CommunityCommit commit) {
        return versions.commit(commit);
    }

    @Override
    public synchronized List<CommunityVersion> versions(String community) {
        return versions.versions(community);
    }

    @Override
    public synchronized Set<String> codesEverUsed(String community) {
        return versions.codesEverUsed(community);
    }

    @Override
    public synchronized void putPreview(StoredPreview preview) {
        previews.putPreview(preview);
    }

    @Override
    public synchronized Optional<StoredPreview> preview(String id) {
        return previews.preview(id);
    }

    @Override
    public synchronized void removePreview(String id) {
        previews.removePreview(id);
    }

    @Override
    public synchronized void putToken(AccessToken token) {
        tokens.putToken(token);
    }

    @Override
    public synchronized List<AccessToken> tokens() {
        return tokens.tokens();
    }

    @Override
    public synchronized void audit(AuditEntry entry) {
        audit.audit(entry);
    }

    @Override
    public synchronized List<AuditEntry> audit(int limit) {
        return audit.audit(limit);
    }

    @Override
    public synchronized boolean addReport(Report report) {
        return reports.addReport(report);
    }

    @Override
    public synchronized Optional<Report> report(String id) {
        return reports.report(id);
    }

    @Override
    public synchronized List<Report> reports(String gridCode, Instant since, int limit) {
        return reports.reports(gridCode, since, limit);
    }

    @Override
    public synchronized Map<String, Integer> reportCounts(Instant from, Instant to) {
        return reports.reportCounts(from, to);
    }

    @Override
    public synchronized List<Report> reportsBetween(Instant from, Instant to) {
        return reports.reportsBetween(from, to);
    }

    @Override
    public synchronized Optional<Report> move(String id, ReportStatus to, Instant at, String actor, String note) {
        return reports.move(id, to, at, actor, note);
    }

    @Override
    public synchronized List<ReportEvent> events(String id) {
        return reports.events(id);
    }

    @Override
    public synchronized void replaceStaff(List<StaffMember> members) {
        staff.replaceStaff(members);
    }

    @Override
    public synchronized List<StaffMember> staff() {
        return staff.staff();
    }

    @Override
    public synchronized void replaceZones(List<Zone> zones) {
        staff.replaceZones(zones);
    }

    @Override
    public synchronized List<Zone> zones() {
        return staff.zones();
    }

    @Override
    public synchronized DepartmentLayerInfo replaceUnits(String name, List<DepartmentUnit> units, String source) {
        return departments.replaceUnits(name, units, source);
    }

    @Override
    public synchronized DepartmentLayerInfo replaceResources(
            String name, List<DepartmentResource> resources, String source) {
        return departments.replaceResources(name, resources, source);
    }

    @Override
    public synchronized List<DepartmentLayerInfo> departmentLayers() {
        return departments.departmentLayers();
    }

    @Override
    public synchronized List<DepartmentUnit> units(String name) {
        return departments.units(name);
    }

    @Override
    public synchronized List<DepartmentResource> resources(String name) {
        return departments.resources(name);
    }

    @Override
    public synchronized void close() {
        file.close();
    }
}
