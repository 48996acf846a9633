package org.gridatlas.engine.model;

import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * A building footprint (or point) with its households; {@code householdsMissing} records that the
 * input had none, which DATA.md counts as 0 and reports. {@code address} may be null.
 */
public record Building(
        String id,
        int households,
        boolean householdsMissing,
        BuildingUse use,
        String compoundId,
        Integer floors,
        StreetAddress address,
        List<Unit> units,
        Geometry geometry) {

    public Building {
        units = units == null ? List.of() : List.copyOf(units);
    }

    public boolean hasUnits() {
        return !units.isEmpty();
    }

    /** The households a key of this building stands for: all of them, or one unit's. */
    public int households(BuildingKey key) {
        if (!key.isUnit()) return households;
        return units.stream()
                .filter(u -> u.unit().equals(key.unit()))
                .mapToInt(Unit::households)
                .sum();
    }
}
