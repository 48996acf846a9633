package org.gridatlas.store;

import java.util.List;

/** API tokens (their digests) and the audit trail of who did what. */
public interface AccessStore {
    /** Adds a token, replacing one of the same name. */
    void putToken(AccessToken token);

    List<AccessToken> tokens();

    void audit(AuditEntry entry);

    /** The newest entries first. */
    List<AuditEntry> audit(int limit);
}
