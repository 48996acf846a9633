package org.gridatlas.store;

import java.util.List;
import org.gridatlas.engine.model.Assignment;
import org.gridatlas.engine.model.Grid;

/**
 * How a community's versions move, written once for every store: a commit names the version it
 * was made on; if another commit came first it is refused ({@link StaleVersionException}); the
 * first edit after an import first records what the import left (version "import"); then the
 * community's grids and assignments are replaced, their codes join those ever used, and the
 * commit is recorded as the next version with its grids.
 */
final class CommunityVersioning {
    private CommunityVersioning() {}

    /** What a store does for the policy, all inside one of its transactions. */
    interface Steps {
        /** The community's version now, held so that no other commit moves it until the transaction ends. */
        long lockVersion(String community);

        boolean hasVersion(String community, long version);

        List<Grid> grids(String community);

        List<Assignment> assignments(String community);

        void recordVersion(
                String community, long version, String author, String reason, String changeJson, String snapshot);

        void replaceGrids(String community, List<Grid> grids, List<Assignment> assignments);

        void addUsedCodes(List<Grid> grids);

        void setVersion(String community, long version);
    }

    static final String IMPORT_AUTHOR = "import", IMPORT_REASON = "the delineation before the first edit";

    /** Applies the commit; returns the community's new version. */
    static long commit(Steps store, CommunityCommit commit) {
        String community = commit.communityCode();
        long current = store.lockVersion(community);
        if (current != commit.expectedVersion())
            throw new StaleVersionException(community, commit.expectedVersion(), current);
        if (!store.hasVersion(community, current)) {
            store.recordVersion(
                    community,
                    current,
                    IMPORT_AUTHOR,
                    IMPORT_REASON,
                    null,
                    VersionSnapshots.write(store.grids(community), store.assignments(community)));
        }
        store.replaceGrids(community, commit.grids(), commit.assignments());
        store.addUsedCodes(commit.grids());
        long next = current + 1;
        store.setVersion(community, next);
        store.recordVersion(
                community,
                next,
                commit.author(),
                commit.reason(),
                commit.changeJson(),
                VersionSnapshots.write(commit.grids(), commit.assignments()));
        return next;
    }
}
