package org.gridatlas.api.serving;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gridatlas.store.StaffMember;

/** The one way a member of staff is written in answers (a grid's forces, who answers an appeal). */
public final class StaffAnswers {
    private StaffAnswers() {}

    /** Name and phone. */
    public static Map<String, Object> person(StaffMember m) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", m.name());
        p.put("phone", m.phone());
        return p;
    }

    /** Name, phone, role and department. */
    public static Map<String, Object> member(StaffMember m) {
        Map<String, Object> p = person(m);
        p.put("role", m.role());
        p.put("department", m.department());
        return p;
    }
}
