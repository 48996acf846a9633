package org.gridatlas.engine.partition.exact;

/**
 * A division of a problem's units: {@code label[u]} is unit u's grid, 0..grids-1; its score; and
 * the fewest grids out of bounds any division can have, as far as proven.
 */
public record Division(int[] label, int grids, Score score, int lowerBound, Proof proof) {}
