package org.gridatlas.engine.io;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gridatlas.engine.errors.InputException;

/**
 * The EPSG code of a coordinate system written as ESRI WKT (a .prj, as ArcGIS and GDAL write it),
 * for the systems DATA.md lists: geographic WGS84, CGCS2000, Xian 1980 and Beijing 1954; their
 * Gauss–Krüger 3- and 6-degree zones with and without the zone number in the easting; UTM. The
 * datum comes from the GEOGCS, the zone from the central meridian and false easting, so that names
 * spelt differently by different writers read the same. And the other way: the ESRI WKT of such a
 * system, named as ArcGIS names it, for the .prj of a Shapefile written in it.
 */
final class EsriPrj {
    private static final Pattern PARAMETER = Pattern.compile("PARAMETER\\[\"([A-Za-z_]+)\",\\s*(-?[0-9.Ee+-]+)\\]");

    private EsriPrj() {}

    /** "EPSG:n", or null for WGS84 and CGCS2000 lon/lat (the engine's own); bad input when not understood. */
    static String epsg(Path prj, String wkt) {
        String w = wkt.toUpperCase(Locale.ROOT).replace(" ", "");
        String datum = w.contains("CHINA_2000") || w.contains("CGCS2000") || w.contains("CHINA_GEODETIC")
                ? "CGCS2000"
                : w.contains("XIAN_1980") || w.contains("XIAN1980")
                        ? "XIAN1980"
                        : w.contains("BEIJING_1954") || w.contains("BEIJING1954")
                                ? "BEIJING1954"
                                : w.contains("WGS_1984") || w.contains("WGS84") ? "WGS84" : null;
        if (datum == null) throw unknown(prj, "its datum");
        if (!w.startsWith("PROJCS")) {
            return switch (datum) {
                case "XIAN1980" -> "EPSG:4610";
                case "BEIJING1954" -> "EPSG:4214";
                default -> null;
            };
        }
        double cm = parameter(wkt, "Central_Meridian", prj), fe = parameter(wkt, "False_Easting", prj);
        if (datum.equals("WGS84")) {
            int zone = (int) Math.round((cm + 183) / 6);
            boolean south = parameter(wkt, "False_Northing", prj) > 0;
            return "EPSG:" + ((south ? 32700 : 32600) + zone);
        }
        // the zone number in the easting tells 3-degree (25–45) from 6-degree (13–23); without it, the name
        // does, or a central meridian no 6-degree zone has (those are 6n − 3)
        int prefix = (int) Math.floor(fe / 1_000_000);
        boolean threeDegree = prefix > 0
                ? prefix >= 25
                : w.contains("3_DEGREE") || Math.abs((cm + 3) / 6 - Math.rint((cm + 3) / 6)) > 1e-9;
        int code;
        if (threeDegree) {
            int zone = (int) Math.round(cm / 3);
            code = prefix > 0
                    ? switch (datum) {
                                case "CGCS2000" -> 4513;
                                case "XIAN1980" -> 2349;
                                default -> 2401;
                            }
                            + zone
                            - 25
                    : switch (datum) {
                                case "CGCS2000" -> 4534;
                                case "XIAN1980" -> 2370;
                                default -> 2422;
                            }
                            + (int) Math.round((cm - 75) / 3);
        } else {
            int zone = (int) Math.round((cm + 3) / 6);
            code = prefix > 0
                    ? switch (datum) {
                                case "CGCS2000" -> 4491;
                                case "XIAN1980" -> 2327;
                                default -> 21413;
                            }
                            + zone
                            - 13
                    : switch (datum) {
                                case "CGCS2000" -> 4502;
                                case "XIAN1980" -> 2338;
                                default -> 21453;
                            }
                            + (int) Math.round((cm - 75) / 6);
        }
        if (cm < 73 || cm > 136)
            throw unknown(prj, "a central meridian of " + cm + "° (China's zones lie between 75° and 135°)");
        return "EPSG:" + code;
    }

    private record Datum(String prefix, String geogcs) {}

    private static final Datum WGS84 = new Datum(
            "WGS_1984", "GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137.0,298.257223563]]");
    private static final Datum CGCS2000 = new Datum(
            "CGCS2000",
            "GEOGCS[\"GCS_China_Geodetic_Coordinate_System_2000\",DATUM[\"D_China_2000\",SPHEROID[\"CGCS2000\",6378137.0,298.257222101]]");
    private static final Datum XIAN1980 = new Datum(
            "Xian_1980", "GEOGCS[\"GCS_Xian_1980\",DATUM[\"D_Xian_1980\",SPHEROID[\"Xian_1980\",6378140.0,298.257]]");
    private static final Datum BEIJING1954 = new Datum(
            "Beijing_1954",
            "GEOGCS[\"GCS_Beijing_1954\",DATUM[\"D_Beijing_1954\",SPHEROID[\"Krasovsky_1940\",6378245.0,298.3]]");
    private static final String DEGREES = ",PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]";

    /**
     * The ESRI WKT of EPSG:{@code epsg} (null: lon/lat, WGS84); {@code p} gives its projection's
     * numbers. Bad input for a system outside DATA.md's list.
     */
    static String wkt(Integer epsg, org.locationtech.proj4j.proj.Projection p) {
        if (epsg == null || epsg == 4326) return WGS84.geogcs() + DEGREES;
        switch (epsg) {
            case 4490 -> {
                return CGCS2000.geogcs() + DEGREES;
            }
            case 4610 -> {
                return XIAN1980.geogcs() + DEGREES;
            }
            case 4214 -> {
                return BEIJING1954.geogcs() + DEGREES;
            }
            default -> {}
        }
        String name;
        Datum datum;
        String projection = "Gauss_Kruger";
        long cm = Math.round(p.getProjectionLongitudeDegrees());
        long zone = (long) Math.floor(p.getFalseEasting() / 1_000_000);
        if ((epsg >= 32601 && epsg <= 32660) || (epsg >= 32701 && epsg <= 32760)) {
            datum = WGS84;
            projection = "Transverse_Mercator";
            name = "WGS_1984_UTM_Zone_" + (epsg % 100) + (epsg < 32700 ? "N" : "S");
        } else {
            datum = epsg >= 4491 && epsg <= 4554
                    ? CGCS2000
                    : epsg >= 2327 && epsg <= 2390
                            ? XIAN1980
                            : (epsg >= 2401 && epsg <= 2442)
                                            || (epsg >= 21413 && epsg <= 21423)
                                            || (epsg >= 21453 && epsg <= 21463)
                                    ? BEIJING1954
                                    : null;
            if (datum == null) {
                throw new InputException(
                        "output-crs",
                        "EPSG:" + epsg + ": a Shapefile's .prj is written for the systems DATA.md lists "
                                + "(lon/lat; CGCS2000, Xian 1980 or Beijing 1954 and their Gauss–Krüger zones; UTM), not this one; a .gpkg output takes any");
            }
            boolean threeDegree =
                    (epsg >= 4513 && epsg <= 4554) || (epsg >= 2349 && epsg <= 2390) || (epsg >= 2401 && epsg <= 2442);
            name = datum.prefix() + (threeDegree ? "_3_Degree" : "") + "_GK_"
                    + (zone > 0 ? "Zone_" + zone : "CM_" + cm + "E");
        }
        return "PROJCS[\"" + name + "\"," + datum.geogcs() + DEGREES + ",PROJECTION[\"" + projection + "\"]"
                + ",PARAMETER[\"False_Easting\"," + p.getFalseEasting() + "],PARAMETER[\"False_Northing\","
                + p.getFalseNorthing() + "]"
                + ",PARAMETER[\"Central_Meridian\"," + p.getProjectionLongitudeDegrees()
                + "],PARAMETER[\"Scale_Factor\"," + p.getScaleFactor() + "]"
                + ",PARAMETER[\"Latitude_Of_Origin\"," + p.getProjectionLatitudeDegrees() + "],UNIT[\"Meter\",1.0]]";
    }

    private static double parameter(String wkt, String name, Path prj) {
        Matcher m = PARAMETER.matcher(wkt);
        while (m.find()) if (m.group(1).equalsIgnoreCase(name)) return Double.parseDouble(m.group(2));
        throw unknown(prj, "no " + name);
    }

    private static DatasetException unknown(Path prj, String what) {
        return new DatasetException(List.of(
                prj + ": a coordinate system this reader does not know (" + what + "): give the crs as EPSG:n"));
    }
}
