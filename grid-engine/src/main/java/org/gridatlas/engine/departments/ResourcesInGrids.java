package org.gridatlas.engine.departments;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gridatlas.engine.model.Community;
import org.gridatlas.engine.model.DepartmentResource;
import org.gridatlas.engine.model.Grid;

/** Resources by the grid they stand in (grid codes in order), and those outside every grid. */
public record ResourcesInGrids(Map<String, List<DepartmentResource>> byGrid, List<DepartmentResource> outside) {

    /**
     * Counts by type and department for every grid, community, street and district that holds any:
     * grid → community → street → district, each level the sum of the one below.
     */
    public List<ResourceCount> rollUp(Map<String, Grid> grids, Map<String, Community> communities) {
        // level → code → "type\0department" → count, all sorted so the output reads in order
        Map<String, Map<String, Map<String, Integer>>> counts = new TreeMap<>();
        byGrid.forEach((code, resources) -> {
            Grid g = grids.get(code);
            Community c = g == null ? null : communities.get(g.communityCode());
            for (DepartmentResource r : resources) {
                String key = r.type() + '\0' + r.department();
                add(counts, "1 grid", code, key);
                if (g == null) continue;
                add(counts, "2 community", g.communityCode(), key);
                add(counts, "3 street", g.streetCode(), key);
                if (c != null && c.districtCode() != null) add(counts, "4 district", c.districtCode(), key);
            }
        });
        List<ResourceCount> out = new ArrayList<>();
        counts.forEach((level, byCode) -> byCode.forEach((code, byKey) -> byKey.forEach((key, n) -> {
            int cut = key.indexOf('\0');
            out.add(new ResourceCount(level.substring(2), code, key.substring(0, cut), key.substring(cut + 1), n));
        })));
        return out;
    }

    private static void add(
            Map<String, Map<String, Map<String, Integer>>> counts, String level, String code, String key) {
        counts.computeIfAbsent(level, k -> new TreeMap<>())
                .computeIfAbsent(code, k -> new TreeMap<>())
                .merge(key, 1, Integer::sum);
    }
}
