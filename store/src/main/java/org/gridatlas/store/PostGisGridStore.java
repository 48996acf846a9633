package org.gridatlas.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.flywaydb.core.Flyway;
import org.gridatlas.engine.model.Dataset;
import org.gridatlas.engine.model.Delineation;
import org.gridatlas.engine.model.DepartmentResource;
import org.gridatlas.engine.model.DepartmentUnit;

/**
 * The production store: PostgreSQL + PostGIS, schema by Flyway, geometry in EPSG:4490 (CGCS2000,
 * taken as the same datum as WGS84, DATA.md) with GiST indexes, connections from a HikariCP pool.
 * Every write is one transaction. Each concern is its own class on the shared pool ({@link Jdbc});
 * this one opens them and hands each call to its concern.
 */
public final class PostGisGridStore implements GridStore {
    private final HikariDataSource pool;
    private final String jdbcUrl;
    private final PostGisChanges changes = new PostGisChanges();
    private final PostGisGrids grids;
    private final PostGisVersions versions;
    private final PostGisPreviews previews;
    private final PostGisTokens tokens;
    private final PostGisAudit audit;
    private final PostGisReports reports;
    private final PostGisStaff staff;
    private final PostGisDepartmentLayers departments;

    private PostGisGridStore(HikariDataSource pool, String jdbcUrl) {
        this.pool = pool;
        this.jdbcUrl = jdbcUrl;
        Jdbc jdbc = new Jdbc(pool);
        this.grids = new PostGisGrids(jdbc, changes);
        this.versions = new PostGisVersions(jdbc, changes);
        this.previews = new PostGisPreviews(jdbc);
        this.tokens = new PostGisTokens(jdbc, changes);
        this.audit = new PostGisAudit(jdbc);
        this.reports = new PostGisReports(jdbc, changes);
        this.staff = new PostGisStaff(jdbc, changes);
        this.departments = new PostGisDepartmentLayers(jdbc);
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    @Override
    public Optional<String> postGisUrl() {
        return Optional.of(jdbcUrl);
    }

    /** Connects (JDBC URL, user and password may be in the URL) and migrates the schema. */
    public static PostGisGridStore open(String jdbcUrl) {
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(jdbcUrl);
        if (!jdbcUrl.contains("user=")) cfg.setUsername("postgres");
        // a burst of reports (a hotline's 200 a second on a loaded machine) should queue briefly, not fail
        cfg.setMaximumPoolSize(16);
        cfg.setPoolName("gridatlas");
        cfg.setInitializationFailTimeout(10_000);
        // when PostgreSQL is down a write fails within seconds (503) instead of hanging for Hikari's default 30 s
        cfg.setConnectionTimeout(5_000);
        cfg.setValidationTimeout(1_000);
        HikariDataSource pool = new HikariDataSource(cfg);
        try {
            Flyway.configure().dataSource(pool).load().migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw new StoreException("cannot migrate " + jdbcUrl + ": " + e.getMessage(), e);
        }
        return new PostGisGridStore(pool, jdbcUrl);
    }

    @Override
    public long replace(Dataset dataset, Delineation delineation, String source) {
        return grids.replace(dataset, delineation, source);
    }

    @Override
    public StoredState load() {
        return grids.load();
    }

    @Override
    public List<RunInfo> runs() {
        return grids.runs();
    }

    @Override
    public boolean reachable() {
        return grids.reachable();
    }

    @Override
    public long communityVersion(String community) {
        return versions.communityVersion(community);
    }

    @Override
    public long commit(CommunityCommit commit) {
        return versions.commit(commit);
    }

    @Override
    public List<CommunityVersion> versions(String community) {
        return versions.versions(community);
    }

    @Override
    public Set<String> codesEverUsed(String community) {
        return versions.codesEverUsed(community);
    }

    @Override
    public void putPreview(StoredPreview preview) {
        previews.putPreview(preview);
    }

    @Override
    public Optional<StoredPreview> preview(String id) {
        return previews.preview(id);
    }

    @Override
    public void removePreview(String id) {
        previews.removePreview(id);
    }

    @Override
    public void putToken(AccessToken token) {
        tokens.putToken(token);
    }

    @Override
    public List<AccessToken> tokens() {
        return tokens.tokens();
    }

    @Override
    public void audit(AuditEntry entry) {
        audit.audit(entry);
    }

    @Override
    public List<AuditEntry> audit(int limit) {
        return audit.audit(limit);
    }

    @Override
    public boolean addReport(Report r) {
        return reports.addReport(r);
    }

    @Override
    public Optional<Report> report(String id) {
        return reports.report(id);
    }

    @Override
    public List<Report> reports(String gridCode, Instant since, int limit) {
        return reports.reports(gridCode, since, limit);
    }

    @Override
    public Map<String, Integer> reportCounts(Instant from, Instant to) {
        return reports.reportCounts(from, to);
    }

    @Override
    public List<Report> reportsBetween(Instant from, Instant to) {
        return reports.reportsBetween(from, to);
    }

    @Override
    public Optional<Report> move(String id, ReportStatus to, Instant at, String actor, String note) {
        return reports.move(id, to, at, actor, note);
    }

    @Override
    public List<ReportEvent> events(String id) {
        return reports.events(id);
    }

    @Override
    public AutoCloseable watch(Consumer<StoreChange> listener) {
        java.util.Properties credentials = new java.util.Properties();
        if (pool.getUsername() != null) credentials.setProperty("user", pool.getUsername());
        return new PgChangeListener(jdbcUrl, credentials, changes.origin(), listener);
    }

    @Override
    public void replaceStaff(List<StaffMember> staff) {
        this.staff.replaceStaff(staff);
    }

    @Override
    public List<StaffMember> staff() {
        return staff.staff();
    }

    @Override
    public void replaceZones(List<Zone> zones) {
        staff.replaceZones(zones);
    }

    @Override
    public List<Zone> zones() {
        return staff.zones();
    }

    @Override
    public DepartmentLayerInfo replaceUnits(String name, List<DepartmentUnit> units, String source) {
        return departments.replaceUnits(name, units, source);
    }

    @Override
    public DepartmentLayerInfo replaceResources(String name, List<DepartmentResource> resources, String source) {
        return departments.replaceResources(name, resources, source);
    }

    @Override
    public List<DepartmentLayerInfo> departmentLayers() {
        return departments.departmentLayers();
    }

    @Override
    public List<DepartmentUnit> units(String name) {
        return departments.units(name);
    }

    @Override
    public List<DepartmentResource> resources(String name) {
        return departments.resources(name);
    }

    @Override
    public void close() {
        pool.close();
    }
}
