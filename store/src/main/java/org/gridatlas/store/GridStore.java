package org.gridatlas.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.gridatlas.engine.model.Dataset;
import org.gridatlas.engine.model.Delineation;

/**
 * Where GridAtlas keeps its state: an embedded GeoPackage by default, PostGIS in production.
 * Writes are transactional: a failed {@link #replace} leaves the store exactly as it was.
 */
public interface GridStore extends AutoCloseable {
    /** Replaces communities, buildings, grids and assignments with a new import and its delineation; returns the run id. */
    long replace(Dataset dataset, Delineation delineation, String source);

    StoredState load();

    List<RunInfo> runs();

    /** Stores the report; false (and nothing stored) when one with the same id is already there. */
    boolean addReport(Report report);

    Optional<Report> report(String id);

    /** Reports of one grid (or all when null) received since the given time, newest first. */
    List<Report> reports(String gridCode, Instant since, int limit);

    /** Reports per grid code whose time lies in [from, to). */
    Map<String, Integer> reportCounts(Instant from, Instant to);

    /** Replaces the whole staff list in one transaction. */
    void replaceStaff(List<StaffMember> staff);

    List<StaffMember> staff();

    /** Replaces the 片区 grouping of communities in one transaction. */
    void replaceZones(List<Zone> zones);

    List<Zone> zones();

    /** The community's version for optimistic locking: raised by every commit and every import. */
    long communityVersion(String communityCode);

    /**
     * Stores the commit as the community's next version, in one transaction: its grids (both
     * levels) and assignments replace the community's, the version is recorded with the grids
     * after it (and, at the first edit since an import, the grids before it), and the codes join
     * those the community has used. {@link StaleVersionException} when the version moved on.
     */
    long commit(CommunityCommit commit);

    /** The community's versions, oldest first. */
    List<CommunityVersion> versions(String communityCode);

    /** Every code the community has had, current and retired. */
    java.util.Set<String> codesEverUsed(String communityCode);

    /** Keeps a previewed change until it expires (any instance may commit it); expired previews are dropped here. */
    void putPreview(StoredPreview preview);

    /** The preview, unless it is unknown or has expired. */
    Optional<StoredPreview> preview(String id);

    void removePreview(String id);

    /** Adds a token, replacing one of the same name. */
    void putToken(AccessToken token);

    List<AccessToken> tokens();

    void audit(AuditEntry entry);

    /** The newest entries first. */
    List<AuditEntry> audit(int limit);

    /**
     * Tells the listener of every change that other processes commit to this store, until the
     * returned handle is closed. The embedded GeoPackage belongs to one process and has none to tell.
     */
    default AutoCloseable watch(Consumer<StoreChange> listener) {
        return () -> { };
    }

    /** Whether the store answers (for readiness). */
    boolean reachable();

    @Override
    void close();
}
