package org.gridatlas.engine.partition;

import java.util.List;

/**
 * What the partition never splits: a compound within the maximum, a building, or one unit of a
 * building over the maximum. {@code fromSplitCompound} marks buildings of a compound that alone
 * exceeds the maximum (DATA.md rule 5 lets those be split).
 */
record Atom(
        int id,
        List<Piece> pieces,
        int households,
        String compoundId,
        boolean fromSplitCompound,
        boolean heavyWithoutUnits) {}
