package org.gridatlas.engine.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridatlas.engine.model.Building;
import org.gridatlas.engine.model.Dataset;
import org.gridatlas.engine.model.StreetAddress;

/** Writes a dataset in the layout of DATA.md (the inverse of {@link DatasetReader}). */
public final class DatasetWriter {
    private DatasetWriter() {}

    public static void write(Dataset d, Path output) throws IOException {
        LayerFiles.write(output, layers(d));
    }

    /** The dataset as the contract's layers (communities, buildings, barriers, dedicated, hamlets, aliases, pois). */
    public static Map<LayerSchema, List<Feature>> layers(Dataset d) {
        Map<LayerSchema, List<Feature>> layers = new LinkedHashMap<>();
        layers.put(
                DataContract.COMMUNITIES,
                d.communities().stream()
                        .map(c -> feature(
                                c.geometry(),
                                "code",
                                c.code(),
                                "name",
                                c.name(),
                                "kind",
                                c.kind().wireName(),
                                "street_code",
                                c.streetCode(),
                                "street_name",
                                c.streetName(),
                                "district_code",
                                c.districtCode(),
                                "district_name",
                                c.districtName()))
                        .toList());
        layers.put(
                DataContract.BUILDINGS,
                d.buildings().stream().map(DatasetWriter::building).toList());
        layers.put(
                DataContract.BARRIERS,
                d.barriers().stream()
                        .map(b -> feature(
                                b.geometry(),
                                "kind",
                                b.kind().wireName(),
                                "class",
                                b.barrierClass().wireName(),
                                "name",
                                b.name()))
                        .toList());
        if (!d.campuses().isEmpty()) {
            layers.put(
                    DataContract.DEDICATED,
                    d.campuses().stream()
                            .map(c -> feature(
                                    c.geometry(),
                                    "id",
                                    c.id(),
                                    "name",
                                    c.name(),
                                    "kind",
                                    c.kind().wireName()))
                            .toList());
        }
        if (!d.hamlets().isEmpty()) {
            layers.put(
                    DataContract.HAMLETS,
                    d.hamlets().stream()
                            .map(h -> feature(
                                    h.geometry(),
                                    "id",
                                    h.id(),
                                    "name",
                                    h.name(),
                                    "households",
                                    h.households(),
                                    "community_code",
                                    h.communityCode()))
                            .toList());
        }
        if (!d.pois().isEmpty()) {
            layers.put(
                    DataContract.POIS,
                    d.pois().stream()
                            .map(p -> feature(
                                    p.geometry(),
                                    "id",
                                    p.id(),
                                    "name",
                                    p.name(),
                                    "kind",
                                    p.kind(),
                                    "aliases",
                                    p.aliases().isEmpty() ? null : String.join(";", p.aliases())))
                            .toList());
        }
        if (!d.aliases().isEmpty()) {
            layers.put(
                    DataContract.ALIASES,
                    d.aliases().stream()
                            .map(a -> feature(
                                    null, "alias", a.alias(), "kind", a.kind().wireName(), "canonical", a.canonical()))
                            .toList());
        }
        return layers;
    }

    private static Feature building(Building b) {
        List<Map<String, Object>> units = new ArrayList<>();
        b.units().forEach(u -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("unit", u.unit());
            m.put("households", u.households());
            units.add(m);
        });
        StreetAddress a = b.address();
        return feature(
                b.geometry(),
                "id",
                b.id(),
                "households",
                b.householdsMissing() ? null : b.households(),
                "use",
                b.use().wireName(),
                "compound_id",
                b.compoundId(),
                "floors",
                b.floors(),
                "address",
                a == null ? null : a.full(),
                "units",
                units.isEmpty() ? null : units,
                "road",
                a == null ? null : a.road(),
                "house_number",
                a == null ? null : a.houseNumber(),
                "compound_name",
                a == null ? null : a.compoundName(),
                "building_no",
                a == null ? null : a.buildingNo());
    }

    /** A feature from its geometry and name, value pairs, in that order. */
    public static Feature feature(org.locationtech.jts.geom.Geometry g, Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return new Feature(m, g);
    }
}
