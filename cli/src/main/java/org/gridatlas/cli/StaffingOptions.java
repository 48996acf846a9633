package org.gridatlas.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridatlas.api.serving.StaffingRule;
import picocli.CommandLine.Option;

/** What a grid's forces should be, and which department answers each category of appeal. */
final class StaffingOptions {
    @Option(
            names = "--persons-per-household",
            defaultValue = "2.62",
            description = "residents per household (default ${DEFAULT-VALUE})")
    double personsPerHousehold;

    @Option(
            names = "--urban-residents-per-worker",
            defaultValue = "1000",
            description = "urban residents one grid worker serves (default ${DEFAULT-VALUE})")
    int urban;

    @Option(
            names = "--rural-residents-per-worker",
            defaultValue = "600",
            description = "rural residents one grid worker serves (default ${DEFAULT-VALUE})")
    int rural;

    @Option(
            names = "--department-needs",
            split = ",",
            paramLabel = "DEPARTMENT=N",
            description =
                    "people of each other department a grid needs (default 公安=1,党群=1: a police officer and a party branch secretary)")
    List<String> departmentNeeds;

    @Option(
            names = "--category-departments",
            split = ",",
            paramLabel = "CATEGORY=DEPARTMENT",
            description =
                    "the department that answers appeals of a category, e.g. 噪音=公安,占道经营=城管 (replaces the built-in table; others: the grid's own workers, 综治)")
    List<String> categoryDepartments;

    StaffingRule rule() {
        Map<String, Integer> needs = new LinkedHashMap<>(StaffingRule.DEFAULT_NEEDS);
        if (departmentNeeds != null) {
            needs.clear();
            Pairs.parse("--department-needs", departmentNeeds, "[0-9]{1,2}", "公安=1")
                    .forEach((k, v) -> needs.put(k, Integer.parseInt(v)));
        }
        Map<String, String> categories = categoryDepartments == null
                ? StaffingRule.DEFAULT_CATEGORIES
                : Pairs.parse("--category-departments", categoryDepartments, "\\S{1,20}", "噪音=公安");
        return new StaffingRule(personsPerHousehold, urban, rural, needs, categories);
    }
}
