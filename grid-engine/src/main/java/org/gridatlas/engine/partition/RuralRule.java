package org.gridatlas.engine.partition;

import org.gridatlas.engine.errors.InputException;

/**
 * DATA.md rule 7: how many grids a rural village (村) gets. A village is large when its area or
 * its households reach the thresholds; a small one gets 1–2 grids, a large one 2–4, as many as its
 * households and area call for at the per-grid figures. Defaults: large from 2 km² or 600
 * households; a grid per 400 households or per 1.5 km².
 */
public record RuralRule(double largeAreaM2, int largeHouseholds, int householdsPerGrid, double areaPerGridM2) {
    public static final RuralRule DEFAULT = new RuralRule(2_000_000, 600, 400, 1_500_000);

    public RuralRule {
        if (largeAreaM2 <= 0 || largeHouseholds <= 0 || householdsPerGrid <= 0 || areaPerGridM2 <= 0) {
            throw new InputException("rural thresholds", "must be positive");
        }
    }

    public boolean large(double areaM2, int households) {
        return areaM2 >= largeAreaM2 || households >= largeHouseholds;
    }

    public int minGrids(boolean large) {
        return large ? 2 : 1;
    }

    public int maxGrids(boolean large) {
        return large ? 4 : 2;
    }

    /** Whether a village of this area and households may have this many grids. */
    public boolean countFits(double areaM2, int households, int grids) {
        boolean large = large(areaM2, households);
        return grids >= minGrids(large) && grids <= maxGrids(large);
    }

    public int grids(double areaM2, int households) {
        boolean large = large(areaM2, households);
        int want =
                (int) Math.max(Math.ceil((double) households / householdsPerGrid), Math.ceil(areaM2 / areaPerGridM2));
        return Math.max(minGrids(large), Math.min(maxGrids(large), want));
    }
}
