package org.gridatlas.store;

import java.time.Instant;

/** One line of the audit log: who did what to which community, and how it ended. */
public record AuditEntry(
        Instant time, String actor, String action, String communityCode, String outcome, String detail) {}
