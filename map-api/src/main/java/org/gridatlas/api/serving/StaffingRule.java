package org.gridatlas.api.serving;

import java.util.Map;
import org.gridatlas.engine.model.GridKind;
import org.gridatlas.store.StaffMember;

/**
 * What a grid's forces should be: grid workers by residents (estimated from households, 2.62
 * persons per household, China's 2020 census average; one worker per ~1,000 urban or ~600 rural
 * residents), and per other department the people each grid needs (by default a police officer,
 * 一格一警, and a party branch secretary); and which department answers an appeal of each category
 * (the grid's own workers, 综治, for any category not listed).
 */
public record StaffingRule(
        double personsPerHousehold,
        int urbanResidentsPerWorker,
        int ruralResidentsPerWorker,
        Map<String, Integer> departmentNeeds,
        Map<String, String> categoryDepartments) {
    /** The grid's own network: its chief and workers. */
    public static final String OWN = StaffMember.ROLES.get(StaffMember.CHIEF);

    public static final Map<String, Integer> DEFAULT_NEEDS = Map.of("公安", 1, "党群", 1);
    public static final Map<String, String> DEFAULT_CATEGORIES = Map.of(
            "噪音", "公安", "违章停车", "公安", "治安", "公安", "占道经营", "城管", "垃圾", "城管", "路灯", "城管", "井盖", "城管", "漏水", "房管", "物业",
            "房管");
    public static final StaffingRule DEFAULT = new StaffingRule(2.62, 1000, 600, DEFAULT_NEEDS, DEFAULT_CATEGORIES);

    public StaffingRule {
        departmentNeeds = Map.copyOf(departmentNeeds);
        categoryDepartments = Map.copyOf(categoryDepartments);
    }

    public int residents(int households) {
        return (int) Math.round(households * personsPerHousehold);
    }

    public int workersNeeded(GridKind kind, int households) {
        int per = kind == GridKind.RURAL ? ruralResidentsPerWorker : urbanResidentsPerWorker;
        return households == 0 ? 0 : Math.max(1, (int) Math.ceil((double) residents(households) / per));
    }

    /** People of {@code department} a grid needs: its workers for its own network, else the configured number. */
    public int needed(String department, GridKind kind, int households) {
        return department.equals(OWN) ? workersNeeded(kind, households) : departmentNeeds.getOrDefault(department, 0);
    }

    /** The department that answers an appeal of this category. */
    public String departmentOf(String category) {
        return category == null ? OWN : categoryDepartments.getOrDefault(category, OWN);
    }
}
