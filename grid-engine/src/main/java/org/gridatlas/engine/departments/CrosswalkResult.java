package org.gridatlas.engine.departments;

import java.util.List;
import java.util.Map;

/**
 * A department layer against the unified grids: every grid's shares per unit (by grid code, then
 * unit id), the unit each grid mostly belongs to (most households, then most area; absent for a
 * grid in no unit), and the conflicts.
 */
public record CrosswalkResult(
        List<CrosswalkRow> rows,
        Map<String, String> mainUnit,
        List<CrosswalkConflict> conflicts,
        int grids,
        int units) {

    public long count(ConflictKind kind) {
        return conflicts.stream().filter(c -> c.kind() == kind).count();
    }

    /** The rows with each grid's shares in six decimals, rounded together so that they never add up past 1. */
    public List<CrosswalkRow> roundedRows() {
        return ShareRounding.roundTogether(rows);
    }

    /** Grids whose area lies in one unit alone, but for slivers. */
    public long gridsInOneUnit() {
        return rows.stream()
                .filter(r -> r.areaShare() >= 1 - Crosswalk.SIDE_SHARE)
                .map(CrosswalkRow::gridCode)
                .distinct()
                .count();
    }
}
