package org.gridatlas.engine.partition;

import org.gridatlas.engine.model.BarrierClass;

/**
 * What a boundary segment runs along, in increasing strength: where lines coincide the stronger
 * tag wins. Cut weights say how much a grid boundary along it costs: cutting along a major road
 * is cheap, cutting between buildings inside a block is dear.
 */
public enum EdgeTag {
    SEPARATOR(1.0),
    PATH(0.6),
    MINOR(0.3),
    MAJOR(0.15),
    BOUNDARY(0.0);

    private final double cutWeight;

    EdgeTag(double cutWeight) {
        this.cutWeight = cutWeight;
    }

    public double cutWeight() {
        return cutWeight;
    }

    public boolean isBarrier() {
        return this == PATH || this == MINOR || this == MAJOR;
    }

    public static EdgeTag of(BarrierClass c) {
        return switch (c) {
            case MAJOR -> MAJOR;
            case MINOR -> MINOR;
            case PATH -> PATH;
        };
    }

    static final EdgeTag[] VALUES = values();
}
