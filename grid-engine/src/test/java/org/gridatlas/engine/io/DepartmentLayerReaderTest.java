package org.gridatlas.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gridatlas.engine.errors.InputException;
import org.gridatlas.engine.model.DepartmentResource;
import org.gridatlas.engine.model.DepartmentUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DepartmentLayerReaderTest {
    static final String BEATS = """
            {"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{"id":"PB-1","name":"东港警务网格","department":"公安"},
             "geometry":{"type":"Polygon","coordinates":[[[119.60,39.93],[119.61,39.93],[119.61,39.94],[119.60,39.94],[119.60,39.93]]]}},
            {"type":"Feature","properties":{"id":"PB-2","name":"西港警务网格","department":"公安"},
             "geometry":{"type":"Polygon","coordinates":[[[119.61,39.93],[119.62,39.93],[119.62,39.94],[119.61,39.94],[119.61,39.93]]]}}]}
            """;

    @Test
    void readsUnitsFromGeoJsonShapefileAndGeoPackageInAnySystem(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("beats.geojson");
        Files.writeString(json, BEATS, StandardCharsets.UTF_8);
        List<DepartmentUnit> fromJson = DepartmentLayerReader.units(json, null, null);
        assertEquals(
                List.of("PB-1", "PB-2"),
                fromJson.stream().map(DepartmentUnit::id).toList());
        assertEquals("东港警务网格", fromJson.get(0).name());
        assertEquals("公安", fromJson.get(0).department());
        // the same beats as a planner's Shapefile in CGCS2000 3-degree Gauss-Kruger CM 120E, and as a GeoPackage
        Path shp = dir.resolve("beats.shp"), gpkg = dir.resolve("beats.gpkg");
        ShapefileLayersTest.ogr2ogr(
                "-f",
                "ESRI Shapefile",
                "-lco",
                "ENCODING=UTF-8",
                "-t_srs",
                "EPSG:4549",
                shp.toString(),
                json.toString());
        ShapefileLayersTest.ogr2ogr("-f", "GPKG", "-t_srs", "EPSG:4549", gpkg.toString(), json.toString());
        for (Path p : List.of(shp, gpkg)) {
            List<DepartmentUnit> read = DepartmentLayerReader.units(p, null, null);
            assertEquals(
                    List.of("PB-1", "PB-2"),
                    read.stream().map(DepartmentUnit::id).toList(),
                    p.toString());
            assertEquals("东港警务网格", read.get(0).name(), p.toString());
            // back in lon/lat: the corners within a centimetre or so
            assertEquals(0, read.get(0).geometry().getEnvelopeInternal().getMinX() - 119.60, 1e-6, p.toString());
            assertEquals(0, read.get(1).geometry().getEnvelopeInternal().getMaxY() - 39.94, 1e-6, p.toString());
        }
    }

    @Test
    void badRecordsAreRefusedByRecordIdAndFieldAndNothingIsRead(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("beats.geojson");
        Files.writeString(
                json,
                BEATS.replace(
                                "\"department\":\"公安\"},\n \"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[119.61",
                                "\"department\":\" \"},\n \"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[119.61")
                        .replace("\"id\":\"PB-2\"", "\"id\":\"PB-1\""),
                StandardCharsets.UTF_8);
        DatasetException e = assertThrows(DatasetException.class, () -> DepartmentLayerReader.units(json, null, null));
        assertEquals(
                List.of(
                        json + " record 2 (id PB-1) field department: missing",
                        json + " record 2 (id PB-1) field id: used by an earlier record"),
                e.problems());
        Path point = dir.resolve("point.geojson");
        Files.writeString(point, """
                {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"X","name":"x","department":"城管"},
                 "geometry":{"type":"Point","coordinates":[119.6,39.9]}}]}""", StandardCharsets.UTF_8);
        e = assertThrows(DatasetException.class, () -> DepartmentLayerReader.units(point, null, null));
        assertEquals(
                List.of(point + " record 1 (id X) field geometry: a Point, expected a Polygon or MultiPolygon"),
                e.problems());
        InputException csv = assertThrows(
                InputException.class, () -> DepartmentLayerReader.units(dir.resolve("beats.csv"), null, null));
        assertTrue(csv.getMessage().contains("CSV holds points only"), csv.getMessage());
    }

    @Test
    void readsPointsFromCsvKeepingTheirOtherFields(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("resources.csv");
        Files.writeString(
                csv,
                "\uFEFFid,type,name,department,lon,lat,brand\nC1,camera,港口路口,公安,119.605,39.935,海康\nH1,hydrant,消火栓,消防,119.615,39.935,\n",
                StandardCharsets.UTF_8);
        List<DepartmentResource> read = DepartmentLayerReader.resources(csv, null, null);
        assertEquals(2, read.size());
        DepartmentResource camera = read.get(0);
        assertEquals("camera", camera.type());
        assertEquals(119.605, camera.point().getX(), 1e-12);
        assertEquals(Map.of("brand", "海康"), camera.attributes());
        assertEquals(Map.of(), read.get(1).attributes(), "an empty field is no attribute");
        Files.writeString(
                csv,
                "id,type,name,department,lon,lat\nC1,camera,路口,公安,119.605,39.935\nC2,camera,路口,公安,东经119,39.935\n",
                StandardCharsets.UTF_8);
        DatasetException e =
                assertThrows(DatasetException.class, () -> DepartmentLayerReader.resources(csv, null, null));
        assertEquals(List.of(csv + " record 2 (id C2): lon/lat is not a number: 东经119, 39.935"), e.problems());
        Files.writeString(csv, "id,type,name,department,lon,lat\nC1,,路口,公安,119.605,39.935\n", StandardCharsets.UTF_8);
        e = assertThrows(DatasetException.class, () -> DepartmentLayerReader.resources(csv, null, null));
        assertEquals(List.of(csv + " record 1 (id C1) field type: missing"), e.problems());
    }

    @Test
    void csvPointsInAProjectedSystemComeBackToLonLat(@TempDir Path dir) throws Exception {
        // 119.6E 39.93N in EPSG:4549 (CGCS2000 3-degree GK CM 120E), as GDAL gives it
        Path csv = dir.resolve("r.csv");
        Files.writeString(
                csv,
                "id,type,name,department,lon,lat\nC1,camera,路口,公安,465807.554,4421833.261\n",
                StandardCharsets.UTF_8);
        DepartmentResource r = DepartmentLayerReader.resources(csv, InputCrs.of("EPSG:4549", null), null)
                .get(0);
        assertEquals(119.6, r.point().getX(), 1e-5);
        assertEquals(39.93, r.point().getY(), 1e-5);
    }
}
