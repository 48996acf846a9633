package org.gridatlas.engine.partition;

import org.gridatlas.engine.errors.InputException;

/** Household bounds of an urban grid (DATA.md rule 4: 300 to 500 by default). */
public record Bounds(int min, int max) {
    public static final Bounds DEFAULT = new Bounds(300, 500);

    public Bounds {
        if (min < 0 || max < 1 || min > max)
            throw new InputException("bounds", "must satisfy 0 <= min <= max, max >= 1, not " + min + ".." + max);
    }

    public boolean contains(int households) {
        return households >= min && households <= max;
    }

    public int middle() {
        return (min + max) / 2;
    }

    /** How far a grid of this size is outside the bounds (0 inside). */
    public int deviation(int households) {
        return households < min ? min - households : Math.max(0, households - max);
    }
}
