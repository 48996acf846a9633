package org.gridatlas.engine.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridatlas.engine.errors.InputException;
import org.gridatlas.engine.geom.Geoms;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;
import org.locationtech.proj4j.UnsupportedParameterException;

/**
 * The coordinate system a dataset's files are in, when it is not lon/lat: an EPSG code (CGCS2000
 * geographic 4490, its Gauss–Krüger zones 4491–4554, UTM, Xian 1980, Beijing 1954), with an
 * optional 7-parameter shift to WGS84 for the old datums. Every layer is transformed to lon/lat
 * once, before reading checks it; CGCS2000 and WGS84 are taken as one datum (DATA.md).
 */
public final class InputCrs {
    private static final CRSFactory CRS = new CRSFactory();
    private final String name;
    private final CoordinateTransform toLonLat;
    private final CoordinateTransform fromLonLat;

    private InputCrs(String name, CoordinateTransform toLonLat, CoordinateTransform fromLonLat) {
        this.name = name;
        this.toLonLat = toLonLat;
        this.fromLonLat = fromLonLat;
    }

    /**
     * {@code code}: "EPSG:n"; {@code towgs84}: "dx,dy,dz,rx,ry,rz,s" (metres, arc-seconds, ppm) or
     * null. Bad input (an unknown code, a malformed shift) is an {@link InputException} naming it.
     */
    public static InputCrs of(String code, String towgs84) {
        if (code == null || !code.trim().toUpperCase().matches("EPSG:\\d+"))
            throw new InputException("crs", "takes EPSG:n (e.g. EPSG:4528), not '" + code + "'");
        String epsg = code.trim().toUpperCase();
        CoordinateReferenceSystem source;
        try {
            source = CRS.createFromName(epsg);
        } catch (UnsupportedParameterException
                | IllegalStateException
                | org.locationtech.proj4j.UnknownAuthorityCodeException e) {
            throw new InputException("crs", epsg + " is not a coordinate system this reader knows: " + e.getMessage());
        }
        if (towgs84 != null) {
            String[] p = towgs84.split(",");
            if (p.length != 7)
                throw new InputException("towgs84", "takes seven numbers dx,dy,dz,rx,ry,rz,s, not '" + towgs84 + "'");
            for (String x : p) {
                try {
                    Double.parseDouble(x.trim());
                } catch (NumberFormatException e) {
                    throw new InputException("towgs84", "'" + x + "' is not a number");
                }
            }
            String params = String.join(" ", source.getParameters()).replaceAll("\\+towgs84=\\S+", "") + " +towgs84="
                    + towgs84.replace(" ", "");
            source = CRS.createFromParameters(epsg + "+towgs84", params);
        }
        CoordinateReferenceSystem wgs84 = CRS.createFromName("EPSG:4326");
        CoordinateTransformFactory f = new CoordinateTransformFactory();
        return new InputCrs(epsg, f.createTransform(source, wgs84), f.createTransform(wgs84, source));
    }

    public String name() {
        return name;
    }

    /** Every layer with its geometry in lon/lat. */
    public Map<LayerSchema, List<Feature>> toLonLat(Map<LayerSchema, List<Feature>> layers) {
        Map<LayerSchema, List<Feature>> out = new LinkedHashMap<>();
        layers.forEach((schema, features) -> {
            List<Feature> moved = new ArrayList<>(features.size());
            for (Feature f : features)
                moved.add(f.geometry() == null ? f : new Feature(f.properties(), toLonLat(f.geometry())));
            out.put(schema, moved);
        });
        return out;
    }

    /** This system as ESRI WKT, for a Shapefile's .prj. */
    String esriWkt() {
        return EsriPrj.wkt(epsg(), fromLonLat.getTargetCRS().getProjection());
    }

    /** The EPSG number of this system. */
    public int epsg() {
        return Integer.parseInt(name.substring(name.indexOf(':') + 1));
    }

    /** A lon/lat geometry in this system (a copy), for results written in it. */
    public org.locationtech.jts.geom.Geometry fromLonLat(org.locationtech.jts.geom.Geometry g) {
        return transform(g, fromLonLat);
    }

    /** A geometry of this system in lon/lat (a copy). */
    public org.locationtech.jts.geom.Geometry toLonLat(org.locationtech.jts.geom.Geometry g) {
        return transform(g, toLonLat);
    }

    private static org.locationtech.jts.geom.Geometry transform(
            org.locationtech.jts.geom.Geometry g, CoordinateTransform t) {
        ProjCoordinate in = new ProjCoordinate(), out = new ProjCoordinate();
        return Geoms.mapVertices(Geoms.LONLAT.createGeometry(g), (x, y, xy) -> {
            in.x = x;
            in.y = y;
            t.transform(in, out);
            xy[0] = out.x;
            xy[1] = out.y;
        });
    }
}
