package org.gridatlas.api.geoserver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A MapServer mapfile over the PostGIS store: WMS 1.3.0 and WFS 2.0 of the layers published to
 * GeoServer (streets, communities, grids, micro grids), styled as their SLD styles are (the same
 * {@link SldStyle}: households bands, outlines, labels with codes or names), and the recent reports;
 * in CGCS2000 with Web Mercator, WGS84 and the Gauss–Krüger zones offered. A WMS and WFS for a city
 * that runs no GeoServer: Debian's mapserv (CGI) serves it as it is.
 */
public final class Mapfile {
    public static final String FILE = "gridatlas.map";
    /** MapServer 8 reads its configuration (MAPSERVER_CONFIG_FILE) first: it names this map GRIDATLAS. */
    public static final String CONFIG = "mapserver.conf";

    private static final String FONTS = "fonts.txt";
    /** Debian's fonts-wqy-microhei: Chinese names in labels. */
    private static final String FONT_FILE = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";
    /** Reports of this last stretch of time are on the map, as on the service's own. */
    private static final String RECENT = "1 day";

    private Mapfile() {}

    /**
     * Writes gridatlas.map (readable by its owner only: it holds the database password), its fontset
     * and a MapServer configuration naming it GRIDATLAS into {@code dir}; {@code onlineResource}: the
     * mapserv URL clients reach (null: a local CGI with map=GRIDATLAS).
     */
    public static Path write(Path dir, PostGisConnection db, String onlineResource) throws IOException {
        Files.createDirectories(dir);
        Path map = dir.resolve(FILE).toAbsolutePath();
        Files.writeString(dir.resolve(FONTS), "wqy " + FONT_FILE + "\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(CONFIG), """
                CONFIG
                  MAPS
                    "GRIDATLAS" "%s"
                  END
                END
                """.formatted(quoted(map.toString())), StandardCharsets.UTF_8);
        Files.deleteIfExists(map);
        Files.createFile(map, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(
                map,
                text(db, onlineResource == null ? "http://localhost/cgi-bin/mapserv?map=GRIDATLAS&" : onlineResource),
                StandardCharsets.UTF_8);
        return map;
    }

    static String text(PostGisConnection db, String onlineResource) {
        String srs = "EPSG:4490 EPSG:3857 EPSG:4326 "
                + IntStream.rangeClosed(4491, 4554).mapToObj(c -> "EPSG:" + c).collect(Collectors.joining(" "));
        StringBuilder sb = new StringBuilder();
        sb.append("""
                MAP
                  NAME "gridatlas"
                  STATUS ON
                  SIZE 800 600
                  UNITS DD
                  EXTENT 73 3 136 54
                  IMAGECOLOR 255 255 255
                  FONTSET "%s"
                  PROJECTION
                    "init=epsg:4490"
                  END
                  OUTPUTFORMAT
                    NAME "png"
                    DRIVER "AGG/PNG"
                    MIMETYPE "image/png"
                    IMAGEMODE RGB
                    EXTENSION "png"
                  END
                  SYMBOL
                    NAME "circle"
                    TYPE ELLIPSE
                    FILLED TRUE
                    POINTS 1 1 END
                  END
                  WEB
                    METADATA
                      "ows_title" "GridAtlas 网格"
                      "ows_abstract" "streets, communities, grids and micro grids (大/中/小/微网格) and recent reports"
                      "ows_onlineresource" "%s"
                      "ows_srs" "%s"
                      "ows_enable_request" "*"
                      "ows_encoding" "UTF-8"
                    END
                  END
                """.formatted(FONTS, quoted(onlineResource), srs));
        for (int i = PublishedLayer.values().length - 1; i >= 0; i--) layer(sb, PublishedLayer.values()[i], db);
        reports(sb, db);
        return sb.append("END\n").toString();
    }

    /** A published layer, drawn as its SLD style draws it; listed top-most last, as MapServer draws in order. */
    private static void layer(StringBuilder sb, PublishedLayer l, PostGisConnection db) {
        SldStyle s = l.style();
        layerStart(sb, l.layerName, "POLYGON", l.title, "geom FROM " + l.nativeName + " USING UNIQUE code", db);
        sb.append("    LABELITEM \"").append(s.labelProperty()).append("\"\n");
        if (s.bands().isEmpty()) {
            sb.append("    CLASS\n      NAME \"").append(quoted(l.title)).append("\"\n");
            style(sb, s, null);
            label(sb, s);
            sb.append("    END\n");
        }
        for (SldStyle.Band b : s.bands()) {
            sb.append("    CLASS\n      NAME \"").append(quoted(b.title())).append("\"\n");
            sb.append("      EXPRESSION (")
                    .append(expression(s.bandProperty(), b))
                    .append(")\n");
            style(sb, s, b.fill());
            label(sb, s);
            sb.append("    END\n");
        }
        sb.append("  END\n");
    }

    private static void reports(StringBuilder sb, PostGisConnection db) {
        layerStart(
                sb,
                "reports",
                "POINT",
                "市民报告 recent reports (" + RECENT + ")",
                "geom FROM (SELECT report_id, category, source, status, grid_code, time::text AS time, geom FROM reports"
                        + " WHERE geom IS NOT NULL AND time > now() - interval '" + RECENT
                        + "') AS r USING UNIQUE report_id",
                db);
        sb.append("""
                    CLASS
                      NAME "report"
                      STYLE
                        SYMBOL "circle"
                        SIZE 8
                        COLOR "#d7301f"
                        OUTLINECOLOR "#ffffff"
                      END
                    END
                  END
                """);
    }

    private static void layerStart(
            StringBuilder sb, String name, String type, String title, String data, PostGisConnection db) {
        sb.append("""
                  LAYER
                    NAME "%s"
                    TYPE %s
                    STATUS ON
                    CONNECTIONTYPE POSTGIS
                    CONNECTION "%s"
                    DATA "%s USING SRID=4490"
                    PROJECTION
                      "init=epsg:4490"
                    END
                    METADATA
                      "ows_title" "%s"
                      "gml_include_items" "all"
                      "gml_types" "auto"
                      "gml_featureid" "%s"
                    END
                """.formatted(
                        name,
                        type,
                        quoted(connection(db)),
                        quoted(data),
                        quoted(title),
                        name.equals("reports") ? "report_id" : "code"));
    }

    private static void style(StringBuilder sb, SldStyle s, String fill) {
        sb.append("      STYLE\n");
        if (fill != null) sb.append("        COLOR \"").append(fill).append("\"\n        OPACITY 45\n");
        sb.append("        OUTLINECOLOR \"").append(s.stroke()).append("\"\n");
        sb.append("        WIDTH ")
                .append(String.format(Locale.ROOT, "%s", s.strokeWidth()))
                .append('\n');
        if (s.dashes() != null) sb.append("        PATTERN ").append(s.dashes()).append(" END\n");
        sb.append("      END\n");
    }

    /** The label below its scale, in the SLD's font and size with a white halo. */
    private static void label(StringBuilder sb, SldStyle s) {
        sb.append("""
                      LABEL
                        TEXT "[%s]"
                        TYPE TRUETYPE
                        FONT "wqy"
                        SIZE %d
                        COLOR 0 0 0
                        OUTLINECOLOR 255 255 255
                        OUTLINEWIDTH 2
                        MAXSCALEDENOM %d
                        POSITION CC
                        PARTIALS FALSE
                      END
                """.formatted(s.labelProperty(), s.fontSize(), s.labelMaxScale()));
    }

    /** The band's filter: the same bounds as the SLD's ([min, max), open where null). */
    private static String expression(String property, SldStyle.Band b) {
        String lower = b.min() == null ? null : "[" + property + "] >= " + b.min();
        String upper = b.max() == null ? null : "[" + property + "] < " + b.max();
        if (lower == null) return upper;
        if (upper == null) return lower;
        return lower + " AND " + upper;
    }

    /** libpq's connection string, each value quoted. */
    private static String connection(PostGisConnection db) {
        return "host=" + libpq(db.host()) + " port=" + db.port() + " dbname=" + libpq(db.database()) + " user="
                + libpq(db.user()) + (db.password().isEmpty() ? "" : " password=" + libpq(db.password()));
    }

    private static String libpq(String v) {
        return "'" + v.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** Text inside a mapfile's double quotes. */
    private static String quoted(String v) {
        return v.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
