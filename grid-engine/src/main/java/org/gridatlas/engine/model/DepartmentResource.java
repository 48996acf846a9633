package org.gridatlas.engine.model;

import java.util.Map;
import org.locationtech.jts.geom.Point;

/**
 * A department's resource at a point (a camera, a hydrant, a care station), in lon/lat;
 * {@code attributes}: the file's other fields, kept as they were.
 */
public record DepartmentResource(
        String id, String type, String name, String department, Map<String, Object> attributes, Point point) {

    public DepartmentResource {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
