package org.gridatlas.api.serving;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gridatlas.engine.io.CsvLayers;
import org.gridatlas.engine.lookup.address.AddressMatch;
import org.gridatlas.engine.model.Building;
import org.gridatlas.engine.model.Grid;
import org.gridatlas.engine.model.StreetAddress;

/** The one way an address match, and a building's address, are written in answers (lookups, batches, reports). */
public final class AddressAnswers {
    private AddressAnswers() {}

    /** A building's address fields, as DATA.md names them (the full address under "address"). */
    public static void putAddress(Map<String, Object> m, StreetAddress a) {
        m.put("address", a == null ? null : a.full());
        if (a == null) return;
        if (a.road() != null) m.put("road", a.road());
        if (a.houseNumber() != null) m.put("house_number", a.houseNumber());
        if (a.compoundName() != null) m.put("compound_name", a.compoundName());
        if (a.buildingNo() != null) m.put("building_no", a.buildingNo());
    }

    /** The match without the hierarchy: what a batch line and a stored report carry. */
    public static Map<String, Object> summary(AddressMatch m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("match_level", m.level().wireName());
        out.put("confidence", m.confidence());
        out.put("grid_code", m.gridCode());
        out.put("community_code", m.communityCode());
        out.put("building_id", m.buildingId());
        out.put("candidates", m.candidates());
        out.put("components", m.parsed().components());
        out.put(
                "alternatives",
                m.alternatives().stream()
                        .map(a -> {
                            Map<String, Object> alt = new LinkedHashMap<>();
                            alt.put("kind", a.kind());
                            alt.put("name", a.name());
                            alt.put("community_code", a.communityCode());
                            return alt;
                        })
                        .toList());
        out.put("notes", m.notes());
        out.put("reason", m.reason());
        return out;
    }

    /** The full answer to ?address=: the match, the grid with its whole hierarchy, and the building. */
    public static Map<String, Object> answer(ServingState s, String address, AddressMatch m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("query", Map.of("address", address));
        out.putAll(summary(m));
        Grid g = m.gridCode() == null ? null : s.grids.get(m.gridCode());
        Building b = m.buildingId() == null ? null : s.buildings.get(m.buildingId());
        out.put("grid", g == null ? null : FeatureCatalog.grid(g));
        if (g == null) out.put("hierarchy", null);
        else if (b != null)
            out.put(
                    "hierarchy",
                    s.hierarchy(
                            g,
                            b.geometry().getInteriorPoint().getX(),
                            b.geometry().getInteriorPoint().getY()));
        else out.put("hierarchy", s.hierarchy(g));
        if (b != null) {
            Map<String, Object> building = new LinkedHashMap<>();
            building.put("id", b.id());
            building.put("households", b.households());
            putAddress(building, b.address());
            building.put("units", b.units());
            out.put("building", building);
        } else {
            out.put("building", null);
        }
        return out;
    }

    /** The CSV batch's answer columns for address records, with {@code extra} columns before the error. */
    public static String csvHeader(String... extra) {
        return "id,grid_code,match_level,confidence,community_code,building_id,candidates,reason,"
                + String.join(
                        "", java.util.Arrays.stream(extra).map(e -> e + ",").toList()) + "error\n";
    }

    /** One answer line: {@code gridCode} is the grid that decided (the match's, or the point's when it has one). */
    public static String csvRow(String id, String gridCode, AddressMatch m, String... extra) {
        StringBuilder sb = new StringBuilder(96).append(id).append(',');
        if (gridCode != null) sb.append(gridCode);
        sb.append(',')
                .append(m.level().wireName())
                .append(',')
                .append(m.confidence())
                .append(',');
        if (m.communityCode() != null) sb.append(m.communityCode());
        sb.append(',');
        if (m.buildingId() != null) sb.append(CsvLayers.quoted(m.buildingId()));
        sb.append(',').append(String.join(" ", m.candidates())).append(',');
        if (m.reason() != null) sb.append(CsvLayers.quoted(m.reason()));
        for (String e : extra) sb.append(',').append(e == null ? "" : CsvLayers.quoted(e));
        return sb.append(",\n").toString();
    }
}
