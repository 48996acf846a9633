package org.gridatlas.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/**
 * The Shapefile reader against files GDAL wrote (ogr2ogr): Chinese text in GBK (with a .cpg, and
 * without one, told apart from UTF-8 by the bytes), a Polygon with a hole, a MultiPolygon, a
 * PolyLine, a Point, a null shape, field names cut to 10 characters, and the .prj's system.
 */
class ShapefileLayersTest {
    private static final String SOURCE = """
            {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:OGC:1.3:CRS84"}},"features":[
            {"type":"Feature","properties":{"id":"b1","households":64,"compound_id":"建设里小区","address":"文化路128号建设里小区3号楼",
              "road":"文化路","house_number":"128号","compound_name":"建设里小区","building_no":3},
             "geometry":{"type":"Polygon","coordinates":[[[119.60,39.93],[119.61,39.93],[119.61,39.94],[119.60,39.94],[119.60,39.93]],
              [[119.602,39.932],[119.602,39.934],[119.604,39.934],[119.604,39.932],[119.602,39.932]]]}},
            {"type":"Feature","properties":{"id":"b2","households":0,"compound_id":null,"address":"海港区河北大街"},
             "geometry":{"type":"MultiPolygon","coordinates":[[[[119.62,39.93],[119.63,39.93],[119.63,39.94],[119.62,39.93]]],
              [[[119.64,39.93],[119.65,39.93],[119.65,39.94],[119.64,39.93]]]]}},
            {"type":"Feature","properties":{"id":"b3","households":12,"compound_id":null,"address":null},"geometry":null}
            ]}""";

    @BeforeAll
    static void needsGdal() {
        Assumptions.assumeTrue(
                Files.isExecutable(Path.of("/usr/bin/ogr2ogr")), "needs GDAL's ogr2ogr (gdal-bin) to write the files");
    }

    @Test
    void polygonsWithHolesMultiPolygonsNullShapesAndGbkText(@TempDir Path dir) throws Exception {
        Path src = dir.resolve("src.geojson");
        Files.writeString(src, SOURCE, StandardCharsets.UTF_8);
        for (String variant : List.of("cpg", "nocpg")) {
            Path shp = dir.resolve(variant).resolve("buildings.shp");
            Files.createDirectories(shp.getParent());
            ogr2ogr("-f", "ESRI Shapefile", "-lco", "ENCODING=GBK", shp.toString(), src.toString());
            if (variant.equals("nocpg")) Files.delete(ShapefileLayers.sibling(shp, ".cpg"));
            List<Feature> fs = ShapefileLayers.read(shp, DataContract.BUILDINGS, null);
            assertEquals(3, fs.size(), variant);
            Feature b1 = fs.get(0);
            assertEquals(
                    "建设里小区",
                    b1.properties().get("compound_id"),
                    variant + ": GBK text, its cut name 'compound_i' matched");
            assertEquals("文化路128号建设里小区3号楼", b1.properties().get("address"));
            assertEquals(
                    List.of("文化路", "128号", "建设里小区"),
                    List.of(
                            b1.properties().get("road"),
                            b1.properties().get("house_number"),
                            b1.properties().get("compound_name")),
                    "address parts under their cut names house_numb, compound_n");
            assertEquals(
                    3L,
                    ((Number) b1.properties().get("building_no")).longValue(),
                    "a building number GDAL wrote as a number field");
            assertEquals(64L, ((Number) b1.properties().get("households")).longValue());
            Polygon p = (Polygon) b1.geometry();
            assertEquals(1, p.getNumInteriorRing(), "the hole is a hole");
            assertEquals(0.0001 - 0.000004, p.getArea(), 1e-12);
            assertTrue(fs.get(1).geometry() instanceof MultiPolygon mp && mp.getNumGeometries() == 2);
            assertNull(fs.get(2).geometry(), "a null shape reads as no geometry");
            assertNull(ShapefileLayers.declaredCrs(shp), "WGS84 lon/lat is the engine's own");
        }
    }

    @Test
    void linesPointsAndUtf8(@TempDir Path dir) throws Exception {
        Path src = dir.resolve("lines.geojson");
        Files.writeString(src, """
                {"type":"FeatureCollection","features":[
                {"type":"Feature","properties":{"kind":"road","class":"major"},"geometry":{"type":"LineString","coordinates":[[119.6,39.93],[119.61,39.935],[119.62,39.93]]}},
                {"type":"Feature","properties":{"kind":"river","class":"minor"},"geometry":{"type":"MultiLineString","coordinates":[[[119.6,39.9],[119.61,39.9]],[[119.62,39.9],[119.63,39.91]]]}}]}""");
        Path shp = dir.resolve("barriers.shp");
        ogr2ogr("-f", "ESRI Shapefile", "-lco", "ENCODING=UTF-8", shp.toString(), src.toString());
        List<Feature> fs = ShapefileLayers.read(shp, DataContract.BARRIERS, null);
        assertEquals("LineString", fs.get(0).geometry().getGeometryType());
        assertEquals(3, fs.get(0).geometry().getNumPoints());
        assertEquals("MultiLineString", fs.get(1).geometry().getGeometryType());
        assertEquals("river", fs.get(1).properties().get("kind"));

        Path pts = dir.resolve("hamlets.geojson");
        Files.writeString(
                pts,
                "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"id\":\"h1\",\"name\":\"王庄\",\"households\":40},"
                        + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[119.6,39.93]}}]}");
        Path hamlets = dir.resolve("hamlets.shp");
        ogr2ogr("-f", "ESRI Shapefile", "-lco", "ENCODING=UTF-8", hamlets.toString(), pts.toString());
        Files.delete(ShapefileLayers.sibling(hamlets, ".cpg")); // UTF-8 told from GBK by the bytes alone
        Feature h = ShapefileLayers.read(hamlets, DataContract.HAMLETS, null).get(0);
        assertEquals("王庄", h.properties().get("name"));
        assertEquals(119.6, h.geometry().getCoordinate().x, 1e-12);
    }

    @Test
    void theProjectionFileNamesTheSystem(@TempDir Path dir) throws Exception {
        Path src = dir.resolve("src.geojson");
        Files.writeString(src, SOURCE, StandardCharsets.UTF_8);
        // (EPSG code, what the .prj must say) for the systems planners' files come in, as GDAL writes them
        List<String[]> cases = List.of(
                new String[] {"EPSG:4528", "EPSG:4528"},
                new String[] {"EPSG:4549", "EPSG:4549"},
                new String[] {"EPSG:4498", "EPSG:4498"},
                new String[] {"EPSG:4490", null},
                new String[] {"EPSG:32650", "EPSG:32650"},
                new String[] {"EPSG:2383", "EPSG:2383"},
                new String[] {"EPSG:2362", "EPSG:2362"},
                new String[] {"EPSG:2435", "EPSG:2435"});
        List<String> wrong = new ArrayList<>();
        for (String[] c : cases) {
            Path shp = dir.resolve(c[0].replace(':', '_')).resolve("buildings.shp");
            Files.createDirectories(shp.getParent());
            ogr2ogr("-f", "ESRI Shapefile", "-t_srs", c[0], shp.toString(), src.toString());
            String read = ShapefileLayers.declaredCrs(shp);
            if (!java.util.Objects.equals(c[1], read))
                wrong.add(
                        c[0] + " read as " + read + " from " + Files.readString(ShapefileLayers.sibling(shp, ".prj")));
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        Geometry moved = ShapefileLayers.read(
                        dir.resolve("EPSG_4528").resolve("buildings.shp"), DataContract.BUILDINGS, null)
                .get(0)
                .geometry();
        assertTrue(moved.getCoordinate().x > 40_000_000, "coordinates are read as stored: " + moved.getCoordinate());
    }

    /** Runs GDAL's ogr2ogr quietly; a failure fails the test with its output. */
    static void ogr2ogr(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("ogr2ogr", "-q"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), "ogr2ogr: " + out);
    }
}
