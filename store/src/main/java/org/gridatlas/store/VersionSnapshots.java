package org.gridatlas.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridatlas.engine.geom.Geoms;
import org.gridatlas.engine.io.Feature;
import org.gridatlas.engine.io.ResultReader;
import org.gridatlas.engine.io.ResultWriter;
import org.gridatlas.engine.model.Assignment;
import org.gridatlas.engine.model.Grid;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/** A version's grids and assignments as one JSON text (properties as DATA.md names them, geometry as WKB hex), the same in both stores. */
final class VersionSnapshots {
    private static final ObjectMapper JSON = new ObjectMapper();

    private VersionSnapshots() {}

    static String write(List<Grid> grids, List<Assignment> assignments) {
        List<Map<String, Object>> g = new ArrayList<>();
        for (Feature f : ResultWriter.gridFeatures(grids)) {
            Map<String, Object> m = new LinkedHashMap<>(f.properties());
            m.put("wkb", WKBWriter.toHex(new WKBWriter().write(f.geometry())));
            g.add(m);
        }
        List<List<String>> a = assignments.stream()
                .map(x -> List.of(x.buildingKey(), x.gridCode()))
                .toList();
        try {
            return JSON.writeValueAsString(Map.of("grids", g, "assignments", a));
        } catch (IOException e) {
            throw new StoreException("cannot write a version snapshot: " + e.getMessage(), e);
        }
    }

    record Snapshot(List<Grid> grids, List<Assignment> assignments) {}

    static Snapshot read(String json) {
        try {
            Map<String, Object> m = JSON.readValue(json, new TypeReference<>() {});
            List<Grid> grids = new ArrayList<>();
            WKBReader wkb = new WKBReader(Geoms.LONLAT);
            for (Object o : (List<?>) m.get("grids")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> p = new LinkedHashMap<>((Map<String, Object>) o);
                String hex = (String) p.remove("wkb");
                grids.add(ResultReader.grid(new Feature(p, wkb.read(WKBReader.hexToBytes(hex)))));
            }
            List<Assignment> assignments = new ArrayList<>();
            for (Object o : (List<?>) m.get("assignments")) {
                List<?> pair = (List<?>) o;
                assignments.add(new Assignment((String) pair.get(0), (String) pair.get(1)));
            }
            return new Snapshot(grids, assignments);
        } catch (IOException | ParseException e) {
            throw new StoreException("a stored version snapshot is unreadable: " + e.getMessage(), e);
        }
    }
}
