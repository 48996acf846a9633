package org.gridatlas.api.ogc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.gridatlas.engine.errors.InputException;
import org.gridatlas.engine.geom.Geoms;
import org.gridatlas.engine.io.InputCrs;
import org.locationtech.jts.geom.Geometry;

/**
 * A coordinate system a GIS client may ask features in (OGC API Features Part 2, CRS by reference):
 * CRS84 (lon/lat, the default), EPSG:4326 and EPSG:4490 (lat/lon, as EPSG orders their axes), and the
 * CGCS2000 Gauss–Krüger zones EPSG:4491–4554 DATA.md lists (northing first, as EPSG orders theirs).
 * CGCS2000 and WGS84 are taken as one datum, as everywhere in GridAtlas.
 */
record OgcCrs(String uri, int epsg) {
    static final String CRS84_URI = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
    static final OgcCrs CRS84 = new OgcCrs(CRS84_URI, 0);
    private static final String EPSG_PREFIX = "http://www.opengis.net/def/crs/EPSG/0/";
    /** Gauss–Krüger 6-degree zones start here, 3-degree zones end at {@link #LAST_ZONE}. */
    private static final int FIRST_ZONE = 4491, LAST_ZONE = 4554;

    static final List<OgcCrs> SUPPORTED = supported();
    private static final Map<Integer, InputCrs> PROJECTIONS = new ConcurrentHashMap<>();

    private static List<OgcCrs> supported() {
        List<OgcCrs> out = new ArrayList<>(List.of(CRS84, epsg(4326), epsg(4490)));
        for (int code = FIRST_ZONE; code <= LAST_ZONE; code++) out.add(epsg(code));
        return List.copyOf(out);
    }

    private static OgcCrs epsg(int code) {
        return new OgcCrs(EPSG_PREFIX + code, code);
    }

    static List<String> uris() {
        return SUPPORTED.stream().map(OgcCrs::uri).toList();
    }

    /** The system a parameter names by its URI (CRS84 when absent); 400 naming the parameter otherwise. */
    static OgcCrs parse(String parameter, String value) {
        if (value == null) return CRS84;
        String v = value.strip();
        // a safe CURIE ([EPSG:4490]) names the same system as its URI
        if (v.matches("\\[EPSG:\\d+]")) v = EPSG_PREFIX + v.substring(6, v.length() - 1);
        if (v.equals("[OGC:CRS84]")) v = CRS84_URI;
        for (OgcCrs c : SUPPORTED) if (c.uri.equals(v)) return c;
        throw new InputException(
                parameter,
                "must be " + CRS84_URI + " or " + EPSG_PREFIX
                        + "n for n = 4326, 4490 or 4491–4554 (CGCS2000 Gauss–Krüger), got '" + OgcRequest.shown(v)
                        + "'");
    }

    /** Whether coordinates go lon/lat (easting first): CRS84 only; EPSG puts latitude and northing first. */
    boolean eastingFirst() {
        return epsg == 0;
    }

    boolean projected() {
        return epsg >= FIRST_ZONE;
    }

    /** A lon/lat geometry in this system, in its axis order. */
    Geometry fromLonLat(Geometry g) {
        if (eastingFirst()) return g;
        return swapped(projected() ? projection().fromLonLat(g) : g);
    }

    /** A geometry in this system and its axis order, in lon/lat. */
    Geometry toLonLat(Geometry g) {
        if (eastingFirst()) return g;
        Geometry xy = swapped(g);
        return projected() ? projection().toLonLat(xy) : xy;
    }

    private InputCrs projection() {
        return PROJECTIONS.computeIfAbsent(epsg, code -> InputCrs.of("EPSG:" + code, null));
    }

    private static Geometry swapped(Geometry g) {
        return Geoms.mapVertices(g.copy(), (x, y, xy) -> {
            xy[0] = y;
            xy[1] = x;
        });
    }
}
