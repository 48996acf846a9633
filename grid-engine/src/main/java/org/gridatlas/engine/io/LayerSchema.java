package org.gridatlas.engine.io;

import java.util.LinkedHashMap;
import java.util.Map;

/** A layer's name, whether it has geometry, and its fields in order. */
public record LayerSchema(String name, boolean spatial, Map<String, FieldType> fields) {

    public static LayerSchema spatial(String name, Object... nameTypePairs) {
        return new LayerSchema(name, true, pairs(nameTypePairs));
    }

    public static LayerSchema attributes(String name, Object... nameTypePairs) {
        return new LayerSchema(name, false, pairs(nameTypePairs));
    }

    private static Map<String, FieldType> pairs(Object[] p) {
        Map<String, FieldType> m = new LinkedHashMap<>();
        for (int i = 0; i < p.length; i += 2) m.put((String) p[i], (FieldType) p[i + 1]);
        return m;
    }

    public String geoJsonFile() {
        return name + ".geojson";
    }

    /** The file an attribute layer is held in inside a dataset directory. */
    public String csvFile() {
        return name + ".csv";
    }
}
