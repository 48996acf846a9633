package org.gridatlas.store;

import java.util.function.Consumer;

/**
 * Where GridAtlas keeps its state, every concern in one place: an embedded GeoPackage by default,
 * PostGIS in production. Writes are transactional: a failed write leaves the store as it was.
 * Code that needs one concern takes that interface.
 */
public interface GridStore
        extends GridRepository, ReportStore, StaffStore, AccessStore, CommunityHistory, DepartmentStore, AutoCloseable {
    /**
     * Tells the listener of every change that other processes commit to this store, until the
     * returned handle is closed. The embedded GeoPackage belongs to one process and has none to tell.
     */
    default AutoCloseable watch(Consumer<StoreChange> listener) {
        return () -> {};
    }

    /** The PostGIS database's JDBC URL when the store is one (GeoServer publishes from it); empty for the embedded store. */
    default java.util.Optional<String> postGisUrl() {
        return java.util.Optional.empty();
    }

    @Override
    void close();
}
