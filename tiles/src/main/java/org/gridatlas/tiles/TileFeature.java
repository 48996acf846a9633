package org.gridatlas.tiles;

import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/** A feature to draw in tiles: lon/lat geometry and the attributes it carries. */
public record TileFeature(Geometry geometry, Map<String, Object> attributes) {}
