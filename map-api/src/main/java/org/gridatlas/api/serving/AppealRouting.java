package org.gridatlas.api.serving;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridatlas.store.StaffMember;

/**
 * Who answers an appeal of a category in a grid: the people of the category's department on the
 * grid; when it has none there, the grid's own chief and workers, said so. One answer for the
 * lookup of an appeal and for a report alike.
 */
public final class AppealRouting {
    private final StaffingRule rule;

    public AppealRouting(StaffingRule rule) {
        this.rule = rule;
    }

    /** As answers write it: category, department, people (the chief first), fallback_to_grid. */
    public Map<String, Object> responsible(ServingState s, String gridCode, String category) {
        List<StaffMember> staff = gridCode == null ? List.of() : s.staffByGrid.getOrDefault(gridCode, List.of());
        String department = rule.departmentOf(category);
        List<StaffMember> people =
                staff.stream().filter(x -> x.department().equals(department)).toList();
        boolean fallback = people.isEmpty() && !department.equals(StaffingRule.OWN);
        if (fallback)
            people = staff.stream()
                    .filter(x -> x.department().equals(StaffingRule.OWN))
                    .toList();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("category", category);
        out.put("department", department);
        out.put(
                "people",
                people.stream()
                        .sorted(Comparator.comparing(
                                (StaffMember x) -> !x.role().equals(StaffMember.CHIEF)))
                        .map(StaffAnswers::member)
                        .toList());
        out.put("fallback_to_grid", fallback);
        return out;
    }
}
