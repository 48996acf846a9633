package org.gridatlas.api.geoserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.gridatlas.engine.Delineator;
import org.gridatlas.engine.model.Dataset;
import org.gridatlas.engine.model.Delineation;
import org.gridatlas.engine.model.Grid;
import org.gridatlas.engine.model.GridLevel;
import org.gridatlas.engine.partition.Bounds;
import org.gridatlas.engine.partition.MicroGridPlanner;
import org.gridatlas.engine.partition.RuralRule;
import org.gridatlas.fixtures.CityGenerator;
import org.gridatlas.fixtures.Slow;
import org.gridatlas.store.PostGisGridStore;
import org.gridatlas.store.Report;
import org.gridatlas.store.ThrowawayDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;

/**
 * Debian's mapserv (MapServer 8, as CGI from the command line) on the mapfile {@link Mapfile} writes,
 * over a generated city in a throwaway PostGIS database: the capabilities list the layers, a GetMap
 * in Web Mercator draws the grids in their household colours, and WFS 2.0 gives every grid.
 */
@Slow
class MapServerTest {
    @TempDir
    static Path dir;

    private static ThrowawayDatabase db;
    private static Delineation result;
    private static Path map;

    @BeforeAll
    static void publish() throws Exception {
        Dataset city = CityGenerator.generate(6_000, 5);
        result = new Delineator(Bounds.DEFAULT, RuralRule.DEFAULT, MicroGridPlanner.DEFAULT).delineate(city);
        db = new ThrowawayDatabase("jdbc:postgresql://127.0.0.1:5432/", "gridatlas_mapserver");
        try (PostGisGridStore store = PostGisGridStore.open(db.url())) {
            store.replace(city, result, "generated city");
            Point p = grids().iterator().next().geometry().getInteriorPoint();
            store.addReport(new Report(
                    "r1", Instant.now(), "litter", p.getX(), p.getY(), "wgs84", "text", null, Instant.now()));
        }
        map = Mapfile.write(dir.resolve("mapserver"), PostGisConnection.fromJdbcUrl(db.url(), null), null);
    }

    @AfterAll
    static void drop() throws Exception {
        if (db != null) db.close();
    }

    private static java.util.List<Grid> grids() {
        return result.grids().stream().filter(g -> g.level() == GridLevel.GRID).toList();
    }

    /** mapserv's answer to a query, without its CGI headers. */
    private static byte[] mapserv(String query) throws Exception {
        Path err = Files.createTempFile(dir, "mapserv", ".txt");
        ProcessBuilder b =
                new ProcessBuilder("mapserv", "-nh", "QUERY_STRING=map=GRIDATLAS&" + query).redirectError(err.toFile());
        b.environment()
                .put("MAPSERVER_CONFIG_FILE", map.resolveSibling(Mapfile.CONFIG).toString());
        Process p = b.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertEquals(0, p.waitFor(), "mapserv " + query + ": " + Files.readString(err));
        return out;
    }

    private static String text(String query) throws Exception {
        return new String(mapserv(query), StandardCharsets.UTF_8);
    }

    @Test
    void capabilitiesListEveryLayerInCgcs2000AndWebMercator() throws Exception {
        String wms = text("SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities");
        for (String layer : java.util.List.of("grids", "micro_grids", "communities", "streets", "reports"))
            assertTrue(wms.contains("<Name>" + layer + "</Name>"), layer + " in\n" + wms);
        assertTrue(wms.contains("<CRS>EPSG:4490</CRS>") && wms.contains("<CRS>EPSG:3857</CRS>"), wms);
        String wfs = text("SERVICE=WFS&VERSION=2.0.0&REQUEST=GetCapabilities");
        assertTrue(wfs.contains("<wfs:Name>ms:grids</wfs:Name>") || wfs.contains("<Name>ms:grids</Name>"), wfs);
    }

    @Test
    void getMapDrawsTheGridsInTheirHouseholdColours() throws Exception {
        Envelope e = new Envelope();
        grids().forEach(g -> e.expandToInclude(g.geometry().getEnvelopeInternal()));
        double x0 = mercX(e.getMinX()), y0 = mercY(e.getMinY()), x1 = mercX(e.getMaxX()), y1 = mercY(e.getMaxY());
        byte[] png = mapserv("SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=grids&STYLES=&CRS=EPSG:3857&BBOX=" + x0
                + "," + y0 + "," + x1 + "," + y1 + "&WIDTH=400&HEIGHT=400&FORMAT=image/png");
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertTrue(img != null, "a PNG: " + new String(png, 0, Math.min(400, png.length), StandardCharsets.UTF_8));
        int filled = 0, outline = 0;
        for (int y = 0; y < img.getHeight(); y++)
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                for (String fill : new String[] {"#9ecae1", "#74c476", "#fd8d3c"})
                    if (near(rgb, blend(fill, 0.45), 8)) filled++;
                if (near(rgb, Integer.parseInt("2b3a55", 16), 40)) outline++;
            }
        int pixels = img.getWidth() * img.getHeight();
        assertTrue(filled > pixels / 5, "household-band fills on " + filled + " of " + pixels + " pixels");
        assertTrue(outline > 200, "grid outlines on " + outline + " pixels");
    }

    @Test
    void wfsGivesEveryGrid() throws Exception {
        String gml = text("SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=ms:grids");
        Set<String> codes = new TreeSet<>();
        Matcher m = Pattern.compile("<ms:code>([^<]+)</ms:code>").matcher(gml);
        while (m.find()) codes.add(m.group(1));
        Set<String> want = new TreeSet<>();
        grids().forEach(g -> want.add(g.code()));
        assertEquals(want, codes, gml.length() > 2000 ? gml.substring(0, 2000) : gml);
        assertTrue(gml.contains("numberMatched=\"" + want.size() + "\""), "numberMatched");
        String reports = text("SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=ms:reports");
        assertTrue(reports.contains("<ms:report_id>r1</ms:report_id>"), reports);
    }

    private static double mercX(double lon) {
        return Math.toRadians(lon) * 6378137;
    }

    private static double mercY(double lat) {
        return Math.log(Math.tan(Math.PI / 4 + Math.toRadians(lat) / 2)) * 6378137;
    }

    /** A fill at this opacity over the white background. */
    private static int blend(String hex, double opacity) {
        int c = Integer.parseInt(hex.substring(1), 16), out = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            int v = (int) Math.round(((c >> shift) & 0xff) * opacity + 255 * (1 - opacity));
            out |= v << shift;
        }
        return out;
    }

    private static boolean near(int rgb, int want, int tolerance) {
        for (int shift = 16; shift >= 0; shift -= 8)
            if (Math.abs(((rgb >> shift) & 0xff) - ((want >> shift) & 0xff)) > tolerance) return false;
        return true;
    }
}
