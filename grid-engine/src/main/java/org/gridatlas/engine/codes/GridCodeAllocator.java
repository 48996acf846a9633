package org.gridatlas.engine.codes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.gridatlas.engine.model.GridCode;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/**
 * Numbers a community's grids as DATA.md says: the 12-digit community code plus a 3-digit
 * sequence, in reading order (rows north to south, each row west to east, as DB11/T 2157-2023
 * numbers unit grids). Ordinary grids take 001 up, dedicated grids 901 up.
 */
public final class GridCodeAllocator {
    public static final int FIRST_DEDICATED = 901;
    public static final int LAST_ORDINARY = 900;

    private GridCodeAllocator() {}

    /** Codes for the given polygons (in metres, y north), in the order given. */
    public static List<String> codes(String communityCode, List<Geometry> polygons, int firstSequence) {
        int[] order = readingOrder(polygons);
        String[] codes = new String[polygons.size()];
        int limit = firstSequence >= FIRST_DEDICATED ? GridCode.LAST_SEQUENCE : LAST_ORDINARY;
        for (int rank = 0; rank < order.length; rank++) {
            int seq = firstSequence + rank;
            if (seq > limit)
                throw new IllegalStateException(
                        "community " + communityCode + " has more grids than sequence numbers up to " + limit);
            codes[order[rank]] = GridCode.of(communityCode, seq).value();
        }
        return Arrays.asList(codes);
    }

    /**
     * Indices in reading order. Rows are formed from the north: a grid joins the current row when
     * its centre lies within half a typical grid height below the row's first grid.
     */
    public static int[] readingOrder(List<Geometry> polygons) {
        int n = polygons.size();
        Coordinate[] centre = new Coordinate[n];
        double[] heights = new double[n];
        for (int i = 0; i < n; i++) {
            centre[i] = polygons.get(i).getEnvelopeInternal().centre();
            heights[i] = polygons.get(i).getEnvelopeInternal().getHeight();
        }
        double[] sorted = heights.clone();
        Arrays.sort(sorted);
        double tolerance = n == 0 ? 0 : sorted[n / 2] / 2;
        List<Integer> byNorth = new ArrayList<>();
        for (int i = 0; i < n; i++) byNorth.add(i);
        byNorth.sort(Comparator.<Integer>comparingDouble(i -> -centre[i].y).thenComparingDouble(i -> centre[i].x));
        int[] out = new int[n];
        int k = 0;
        int start = 0;
        while (start < n) {
            double top = centre[byNorth.get(start)].y;
            int end = start;
            while (end < n && centre[byNorth.get(end)].y >= top - tolerance) end++;
            List<Integer> row = new ArrayList<>(byNorth.subList(start, end));
            row.sort(Comparator.comparingDouble(i -> centre[i].x));
            for (int i : row) out[k++] = i;
            start = end;
        }
        return out;
    }
}
