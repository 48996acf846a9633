package org.gridatlas.engine.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gridatlas.engine.model.Assignment;
import org.gridatlas.engine.model.Grid;
import org.gridatlas.engine.model.GridKind;
import org.gridatlas.engine.model.GridLevel;

/** Turns stored grid and assignment rows (DATA.md's result layers) back into the model. */
public final class ResultReader {
    private ResultReader() {}

    public static Grid grid(Feature f) {
        Map<String, Object> p = f.properties();
        List<String> flags = new ArrayList<>();
        if (p.get("flags") instanceof List<?> l) l.forEach(x -> flags.add(String.valueOf(x)));
        return new Grid(str(p.get("code")), GridLevel.parse(str(p.get("level"))), GridKind.parse(str(p.get("kind"))),
                str(p.get("community_code")), str(p.get("street_code")), num(p.get("households")).intValue(),
                num(p.get("buildings")).intValue(), num(p.get("area_m2")).doubleValue(), str(p.get("parent_code")), flags, f.geometry());
    }

    public static Assignment assignment(Feature f) {
        return new Assignment(str(f.properties().get("building_id")), str(f.properties().get("grid_code")));
    }

    private static String str(Object o) { return o == null ? null : o.toString(); }

    private static Number num(Object o) { return o == null ? 0 : (Number) o; }
}
