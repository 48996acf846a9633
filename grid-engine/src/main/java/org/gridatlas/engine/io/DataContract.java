package org.gridatlas.engine.io;

import static org.gridatlas.engine.io.FieldType.INTEGER;
import static org.gridatlas.engine.io.FieldType.JSON;
import static org.gridatlas.engine.io.FieldType.REAL;
import static org.gridatlas.engine.io.FieldType.TEXT;

import java.util.List;

/** The layers of docs/DATA.md, in code: the one place their names and fields are spelled. */
public final class DataContract {
    public static final LayerSchema COMMUNITIES = LayerSchema.spatial(
            "communities",
            "code",
            TEXT,
            "name",
            TEXT,
            "kind",
            TEXT,
            "street_code",
            TEXT,
            "street_name",
            TEXT,
            "district_code",
            TEXT,
            "district_name",
            TEXT);
    public static final LayerSchema BUILDINGS = LayerSchema.spatial(
            "buildings",
            "id",
            TEXT,
            "households",
            INTEGER,
            "use",
            TEXT,
            "compound_id",
            TEXT,
            "floors",
            INTEGER,
            "address",
            TEXT,
            "units",
            JSON,
            "road",
            TEXT,
            "house_number",
            TEXT,
            "compound_name",
            TEXT,
            "building_no",
            TEXT);
    public static final LayerSchema BARRIERS =
            LayerSchema.spatial("barriers", "kind", TEXT, "class", TEXT, "name", TEXT);
    public static final LayerSchema DEDICATED =
            LayerSchema.spatial("dedicated", "id", TEXT, "name", TEXT, "kind", TEXT);
    /** Landmarks for addresses: {@code aliases} are other names, separated by ';'. */
    public static final LayerSchema POIS =
            LayerSchema.spatial("pois", "id", TEXT, "name", TEXT, "kind", TEXT, "aliases", TEXT);

    public static final LayerSchema HAMLETS =
            LayerSchema.spatial("hamlets", "id", TEXT, "name", TEXT, "households", INTEGER, "community_code", TEXT);

    /** Local and former names for the address gazetteer: aliases.csv in a directory, a table in a GeoPackage. */
    public static final LayerSchema ALIASES =
            LayerSchema.attributes("aliases", "alias", TEXT, "kind", TEXT, "canonical", TEXT);

    public static final LayerSchema GRIDS = LayerSchema.spatial(
            "grids",
            "code",
            TEXT,
            "level",
            TEXT,
            "kind",
            TEXT,
            "community_code",
            TEXT,
            "street_code",
            TEXT,
            "households",
            INTEGER,
            "buildings",
            INTEGER,
            "area_m2",
            REAL,
            "parent_code",
            TEXT,
            "flags",
            JSON);
    public static final LayerSchema ASSIGNMENTS =
            LayerSchema.attributes("assignments", "building_id", TEXT, "grid_code", TEXT);
    public static final LayerSchema REPORT = LayerSchema.attributes("report", "report_json", TEXT);

    public static final List<LayerSchema> INPUT_LAYERS =
            List.of(COMMUNITIES, BUILDINGS, BARRIERS, DEDICATED, HAMLETS, ALIASES, POIS);

    private DataContract() {}
}
