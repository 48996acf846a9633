package org.gridatlas.engine.edit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridatlas.engine.codes.GridCodeAllocator;
import org.gridatlas.engine.geom.Geoms;
import org.gridatlas.engine.model.GridCode;
import org.gridatlas.engine.validate.Rule;
import org.locationtech.jts.geom.Geometry;

/**
 * Codes after a redraw, as DATA.md asks: a grid keeps the code of the grid before whose households
 * it mostly holds (more than half; more than half of the area for a grid without households), each
 * code going to one grid at most, the largest share first; every other grid takes the next
 * sequence number the community has never used, in reading order. A code no grid keeps is retired.
 */
public final class StableCodes {
    /** A grid as the matching sees it: households per building key, its polygon (metres) and whether it is dedicated. */
    public record Holding(Map<String, Integer> households, Geometry polygon, boolean dedicated) {
        int total() {
            return households.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private StableCodes() {}

    /** Codes for {@code after}, in its order. {@code everUsed}: every code the community has had (retired ones too). */
    public static List<String> assign(
            String communityCode, Map<String, Holding> before, List<Holding> after, Set<String> everUsed) {
        record Pair(int next, String code, double share) {}
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < after.size(); i++) {
            Holding n = after.get(i);
            for (Map.Entry<String, Holding> o : before.entrySet()) {
                Holding old = o.getValue();
                if (old.dedicated() != n.dedicated()
                        || !old.polygon()
                                .getEnvelopeInternal()
                                .intersects(n.polygon().getEnvelopeInternal())) continue;
                double share;
                if (old.total() > 0) {
                    int shared = 0;
                    for (Map.Entry<String, Integer> h : old.households().entrySet())
                        if (n.households().containsKey(h.getKey())) shared += h.getValue();
                    share = (double) shared / old.total();
                } else {
                    share = Geoms.intersection(old.polygon(), n.polygon()).getArea()
                            / old.polygon().getArea();
                }
                if (share > 0.5) pairs.add(new Pair(i, o.getKey(), share));
            }
        }
        pairs.sort(Comparator.comparingDouble(Pair::share).reversed().thenComparing(Pair::code));
        String[] codes = new String[after.size()];
        Set<String> given = new java.util.HashSet<>();
        for (Pair p : pairs) {
            if (codes[p.next()] != null || !given.add(p.code())) continue;
            codes[p.next()] = p.code();
        }
        int nextOrdinary = next(communityCode, before.keySet(), everUsed, 1, GridCodeAllocator.LAST_ORDINARY);
        int nextDedicated = next(
                communityCode, before.keySet(), everUsed, GridCodeAllocator.FIRST_DEDICATED, GridCode.LAST_SEQUENCE);
        List<Integer> fresh = new ArrayList<>();
        for (int i = 0; i < codes.length; i++) if (codes[i] == null) fresh.add(i);
        int[] order = GridCodeAllocator.readingOrder(
                fresh.stream().map(i -> after.get(i).polygon()).toList());
        for (int rank : order) {
            int i = fresh.get(rank);
            boolean dedicated = after.get(i).dedicated();
            int seq = dedicated ? nextDedicated++ : nextOrdinary++;
            if (seq > (dedicated ? GridCode.LAST_SEQUENCE : GridCodeAllocator.LAST_ORDINARY)) {
                throw new EditRefused(
                        Rule.CODES_UNIQUE,
                        "community " + communityCode + " has no sequence numbers left for a new grid");
            }
            codes[i] = GridCode.of(communityCode, seq).value();
        }
        return List.of(codes);
    }

    /** One past the highest sequence in [first, last] the community has ever used. */
    private static int next(String community, Set<String> current, Set<String> everUsed, int first, int last) {
        int max = first - 1;
        for (Set<String> codes : List.of(current, everUsed)) {
            for (String c : codes) {
                GridCode code = GridCode.parse(c);
                if (code == null || code.isMicro() || !code.communityCode().equals(community)) continue;
                if (code.sequence() >= first && code.sequence() <= last) max = Math.max(max, code.sequence());
            }
        }
        return max + 1;
    }
}
