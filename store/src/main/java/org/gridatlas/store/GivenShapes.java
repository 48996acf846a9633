package org.gridatlas.store;

import static org.gridatlas.engine.io.FieldType.TEXT;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gridatlas.engine.io.DatasetWriter;
import org.gridatlas.engine.io.Feature;
import org.gridatlas.engine.io.LayerSchema;
import org.gridatlas.engine.model.Community;
import org.locationtech.jts.geom.Geometry;

/**
 * Each community's shape as its input file gave it, where repair or cleaning changed it: DATA.md
 * rule 3 counts a community's parts in it (a neck cleaning closed is still one part), so planners'
 * edits on stored communities must see it. The same table in both stores, beside the communities
 * (which GeoServer publishes, cleaned); a community without a row was given as it is stored.
 */
final class GivenShapes {
    static final LayerSchema TABLE = LayerSchema.spatial("community_given_shapes", "code", TEXT);

    private GivenShapes() {}

    /** Rows for the communities whose given shape differs from the cleaned one. */
    static List<Feature> rows(List<Community> communities) {
        return communities.stream()
                .filter(c -> !c.given().equalsExact(c.geometry()))
                .map(c -> DatasetWriter.feature(c.given(), "code", c.code()))
                .toList();
    }

    /** The communities with their given shapes put back from the rows. */
    static List<Community> restore(List<Community> communities, List<Feature> rows) {
        Map<String, Geometry> given = new HashMap<>();
        for (Feature f : rows) given.put((String) f.properties().get("code"), f.geometry());
        return communities.stream()
                .map(c -> given.containsKey(c.code())
                        ? new Community(
                                c.code(),
                                c.name(),
                                c.kind(),
                                c.streetCode(),
                                c.streetName(),
                                c.districtCode(),
                                c.districtName(),
                                c.geometry(),
                                given.get(c.code()))
                        : c)
                .toList();
    }
}
