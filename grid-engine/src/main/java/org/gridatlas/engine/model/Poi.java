package org.gridatlas.engine.model;

import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * A landmark people name in appeals (实验小学, 人民医院, 万达广场, 菜市场): {@code kind} school, hospital,
 * market, mall, park, government, station, bank …; a Point or a Polygon in lon/lat; {@code aliases}
 * the other names it goes by.
 */
public record Poi(String id, String name, String kind, List<String> aliases, Geometry geometry) {
    public Poi {
        aliases = List.copyOf(aliases);
    }

    /** A campus is a landmark too, by its own name. */
    public static Poi of(Campus c) {
        return new Poi(c.id(), c.name(), c.kind().wireName(), List.of(), c.geometry());
    }
}
