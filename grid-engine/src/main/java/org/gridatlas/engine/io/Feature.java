package org.gridatlas.engine.io;

import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/** One feature of a layer as stored: its properties (JSON-like values) and geometry (may be null). */
public record Feature(Map<String, Object> properties, Geometry geometry) {}
