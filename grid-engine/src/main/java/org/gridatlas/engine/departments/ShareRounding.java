package org.gridatlas.engine.departments;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A grid's shares in six decimals (a tenth of a square metre of a 100,000 m² grid), rounded
 * together: each rounded down, the millionths left over going to the largest remainders, so that
 * the shares add up to their rounded sum and never past 1 — rounded one by one, 0.3333335 and
 * 0.6666665 would make 1.000001.
 */
final class ShareRounding {
    private ShareRounding() {}

    /** The rows with every grid's area and household shares rounded together (a grid without households keeps NaN). */
    static List<CrosswalkRow> roundTogether(List<CrosswalkRow> rows) {
        Map<String, List<Integer>> byGrid = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++)
            byGrid.computeIfAbsent(rows.get(i).gridCode(), k -> new ArrayList<>())
                    .add(i);
        double[] area = rows.stream().mapToDouble(CrosswalkRow::areaShare).toArray();
        double[] households =
                rows.stream().mapToDouble(CrosswalkRow::householdShare).toArray();
        for (List<Integer> at : byGrid.values()) {
            roundTogether(at, area);
            roundTogether(at, households);
        }
        List<CrosswalkRow> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++)
            out.add(new CrosswalkRow(rows.get(i).gridCode(), rows.get(i).unitId(), area[i], households[i]));
        return out;
    }

    private static void roundTogether(List<Integer> at, double[] share) {
        double[] mine = at.stream().mapToDouble(i -> share[i]).toArray();
        if (Double.isNaN(mine[0])) return;
        long[] m = millionths(mine);
        for (int k = 0; k < m.length; k++) share[at.get(k)] = m[k] / 1e6;
    }

    /** Shares in millionths that add up to their rounded sum, each less than a millionth from its share. */
    static long[] millionths(double[] shares) {
        long[] out = new long[shares.length];
        double total = 0;
        long given = 0;
        Integer[] order = new Integer[shares.length];
        for (int k = 0; k < shares.length; k++) {
            out[k] = (long) Math.floor(shares[k] * 1e6);
            given += out[k];
            total += shares[k];
            order[k] = k;
        }
        Arrays.sort(order, (a, b) -> Double.compare(shares[b] * 1e6 - out[b], shares[a] * 1e6 - out[a]));
        long left = Math.round(total * 1e6) - given;
        for (int k = 0; k < order.length && left > 0; k++, left--) out[order[k]]++;
        return out;
    }
}
