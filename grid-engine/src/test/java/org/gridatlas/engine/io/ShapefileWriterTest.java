package org.gridatlas.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridatlas.engine.errors.InputException;
import org.gridatlas.engine.geom.Geoms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

/**
 * The Shapefile writer, read back by our reader and by GDAL: a polygon with a hole, a
 * MultiPolygon, a null shape, Chinese text, text over dBASE's 254 bytes, flags as JSON, missing
 * values; and a .prj for every system DATA.md lists that reads back as the same system.
 */
class ShapefileWriterTest {
    private static final String LONG = "网格".repeat(100);

    private static List<Feature> grids() throws Exception {
        WKTReader wkt = new WKTReader(Geoms.LONLAT);
        List<Feature> out = new ArrayList<>();
        out.add(
                grid(
                        "130302001001001",
                        "海港区建设里社区",
                        412,
                        1234.5,
                        List.of(),
                        wkt.read(
                                "POLYGON ((119.60 39.93, 119.61 39.93, 119.61 39.94, 119.60 39.94, 119.60 39.93), (119.602 39.932, 119.604 39.932, 119.604 39.934, 119.602 39.934, 119.602 39.932))")));
        out.add(
                grid(
                        "130302001001002",
                        LONG,
                        520,
                        98765.25,
                        List.of("above_max", "single_building_over_max"),
                        wkt.read(
                                "MULTIPOLYGON (((119.62 39.93, 119.63 39.93, 119.63 39.94, 119.62 39.93)), ((119.64 39.93, 119.65 39.93, 119.65 39.94, 119.64 39.93)))")));
        out.add(grid("130302001001003", null, 0, 0, List.of(), null));
        return out;
    }

    private static Feature grid(
            String code, String community, int households, double area, List<String> flags, Geometry g) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("code", code);
        p.put("level", "grid");
        p.put("kind", "community");
        p.put("community_code", community);
        p.put("street_code", "130302001");
        p.put("households", households);
        p.put("buildings", 3);
        p.put("area_m2", area);
        p.put("parent_code", null);
        p.put("flags", flags);
        return new Feature(p, g);
    }

    @Test
    void ourReaderReadsBackWhatWasWritten(@TempDir Path dir) throws Exception {
        List<Feature> written = grids();
        ShapefileWriter.write(dir, DataContract.GRIDS, written, null);
        Path shp = dir.resolve("grids.shp");
        List<Feature> read = ShapefileLayers.read(shp, DataContract.GRIDS, null);
        assertEquals(3, read.size());
        for (int i = 0; i < 2; i++) {
            Geometry w = written.get(i).geometry(), r = read.get(i).geometry();
            assertTrue(w.equalsTopo(r), i + ": " + r);
            assertEquals(w.getNumGeometries(), r.getNumGeometries());
        }
        assertNull(read.get(2).geometry(), "a grid without geometry is a null shape");
        Map<String, Object> first = read.get(0).properties();
        assertEquals("海港区建设里社区", first.get("community_code"), "UTF-8 text under the cut name community_");
        assertEquals(412L, ((Number) first.get("households")).longValue());
        assertEquals(1234.5, ((Number) first.get("area_m2")).doubleValue(), 1e-6);
        assertEquals(List.of(), first.get("flags"));
        Map<String, Object> second = read.get(1).properties();
        assertEquals(List.of("above_max", "single_building_over_max"), second.get("flags"));
        String cut = (String) second.get("community_code");
        assertTrue(
                LONG.startsWith(cut) && cut.getBytes(StandardCharsets.UTF_8).length <= 254 && cut.length() == 84,
                "600 bytes of text cut to whole characters within 254 bytes: " + cut.length() + " characters");
        assertNull(read.get(2).properties().get("community_code"));
        assertNull(ShapefileLayers.declaredCrs(shp), "lon/lat");
        assertEquals("UTF-8", Files.readString(dir.resolve("grids.cpg")));
    }

    @Test
    void gdalReadsTheSameGridsAndText(@TempDir Path dir) throws Exception {
        ShapefileLayersTest.needsGdal();
        List<Feature> written = grids();
        ShapefileWriter.write(dir, DataContract.GRIDS, written, InputCrs.of("EPSG:4528", null));
        Path back = dir.resolve("back.geojson");
        ShapefileLayersTest.ogr2ogr(
                "-f",
                "GeoJSON",
                "-t_srs",
                "EPSG:4326",
                back.toString(),
                dir.resolve("grids.shp").toString());
        List<Feature> read = GeoJsonLayers.read(back);
        assertEquals(3, read.size());
        for (int i = 0; i < 2; i++) {
            assertTrue(
                    written.get(i).geometry().buffer(1e-7).contains(read.get(i).geometry())
                            && read.get(i)
                                    .geometry()
                                    .buffer(1e-7)
                                    .contains(written.get(i).geometry()),
                    "within 1e-7° after GDAL's own transform: " + i);
        }
        assertEquals("海港区建设里社区", read.get(0).properties().get("community_"));
        assertEquals(520L, ((Number) read.get(1).properties().get("households")).longValue());
        assertEquals(
                List.of("above_max", "single_building_over_max"),
                read.get(1).properties().get("flags"),
                "the JSON text GDAL passes on as an array");
    }

    @Test
    void everySystemDataMdListsIsNamedSoItReadsBackTheSame() {
        List<Integer> codes = new ArrayList<>();
        for (int c = 4491; c <= 4554; c++)
            codes.add(c); // CGCS2000 Gauss–Krüger, 6° and 3°, with and without zone numbers
        for (int c = 2327; c <= 2390; c++) codes.add(c); // Xian 1980
        for (int c = 2401; c <= 2442; c++) codes.add(c); // Beijing 1954, 3°
        for (int c = 21413; c <= 21423; c++) codes.add(c); // Beijing 1954, 6° with zone numbers
        for (int c = 21453; c <= 21463; c++) codes.add(c); // and without
        for (int c = 32643; c <= 32653; c++) codes.add(c); // UTM over China
        codes.add(32750);
        List<String> wrong = new ArrayList<>();
        for (int code : codes) {
            String wkt = InputCrs.of("EPSG:" + code, null).esriWkt();
            String read = EsriPrj.epsg(Path.of("grids.prj"), wkt);
            if (!("EPSG:" + code).equals(read)) wrong.add(code + " read back as " + read + ": " + wkt);
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        assertNull(
                EsriPrj.epsg(
                        Path.of("grids.prj"), InputCrs.of("EPSG:4490", null).esriWkt()),
                "CGCS2000 lon/lat is the engine's own");
        InputException other = assertThrows(
                InputException.class, () -> InputCrs.of("EPSG:3857", null).esriWkt());
        assertTrue(other.getMessage().contains("a .gpkg output takes any"), other.getMessage());
    }

    @Test
    void gdalNamesTheSameSystemsFromThePrj(@TempDir Path dir) throws Exception {
        ShapefileLayersTest.needsGdal();
        List<String> wrong = new ArrayList<>();
        for (String code : List.of("EPSG:4528", "EPSG:4549", "EPSG:4498", "EPSG:4509", "EPSG:32650")) {
            Path sub = dir.resolve(code.replace(':', '_'));
            Files.createDirectories(sub);
            ShapefileWriter.write(sub, DataContract.GRIDS, grids().subList(0, 1), InputCrs.of(code, null));
            Process p = new ProcessBuilder(
                            "ogrinfo", "-so", sub.resolve("grids.shp").toString(), "grids")
                    .redirectErrorStream(true)
                    .start();
            String info = new String(p.getInputStream().readAllBytes());
            p.waitFor();
            if (!info.contains("ID[\"EPSG\"," + code.substring(5) + "]")) wrong.add(code + ": " + info);
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }
}
