package org.gridatlas.store;

import java.util.List;

/** Grid chiefs and workers, and the 片区 grouping of communities: each replaced as a whole. */
public interface StaffStore {
    /** Replaces the whole staff list in one transaction. */
    void replaceStaff(List<StaffMember> staff);

    List<StaffMember> staff();

    /** Replaces the 片区 grouping of communities in one transaction. */
    void replaceZones(List<Zone> zones);

    List<Zone> zones();
}
