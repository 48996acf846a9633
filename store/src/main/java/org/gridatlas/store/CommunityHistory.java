package org.gridatlas.store;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A community's versions: planners' commits under optimistic locking, the snapshots of each, the
 * codes it has ever used, and previews waiting to be committed (the policy: {@link CommunityVersioning}).
 */
public interface CommunityHistory {
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
    Set<String> codesEverUsed(String communityCode);

    /** Keeps a previewed change until it expires (any instance may commit it); expired previews are dropped here. */
    void putPreview(StoredPreview preview);

    /** The preview, unless it is unknown or has expired. */
    Optional<StoredPreview> preview(String id);

    void removePreview(String id);
}
