package org.gridatlas.engine.lookup.address;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A free-text address split into the levels of the national address model (GB/T 35639), as far as
 * the text gives them: names as the gazetteer spells them when matched, numbers as digits; and a
 * landmark or a crossing of two roads ("建设路/和平街") the text places the appeal by, with the
 * position named around it (北门, 东北角). Any level may be null.
 */
public record ParsedAddress(
        String province,
        String city,
        String district,
        String street,
        String community,
        String road,
        String houseNumber,
        String compound,
        String building,
        String unit,
        String floor,
        String room,
        String landmark,
        String crossing,
        String position) {
    /** Nothing read from the text. */
    public static final ParsedAddress NOTHING =
            new ParsedAddress(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);

    /** The levels present, in the model's order, by wire name. */
    public Map<String, String> components() {
        Map<String, String> m = new LinkedHashMap<>();
        put(m, "province", province);
        put(m, "city", city);
        put(m, "district", district);
        put(m, "street", street);
        put(m, "community", community);
        put(m, "road", road);
        put(m, "house_number", houseNumber);
        put(m, "compound", compound);
        put(m, "building", building);
        put(m, "unit", unit);
        put(m, "floor", floor);
        put(m, "room", room);
        put(m, "landmark", landmark);
        put(m, "crossing", crossing);
        put(m, "position", position);
        return m;
    }

    private static void put(Map<String, String> m, String k, String v) {
        if (v != null) m.put(k, v);
    }
}
