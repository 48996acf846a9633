package org.gridatlas.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gridatlas.engine.TestData;
import org.gridatlas.engine.model.Dataset;
import org.gridatlas.engine.model.Poi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/** The landmarks layer (pois) is written and read back by every format the engine writes: GeoJSON files and a GeoPackage. */
class PoisLayerTest {
    @Test
    void landmarksSurviveGeoJsonAndAGeoPackage(@TempDir Path dir) throws Exception {
        Dataset d = withPois(TestData.blocksAndRoad());
        for (Path out : List.of(dir.resolve("files"), dir.resolve("dataset.gpkg"))) {
            DatasetWriter.write(d, out);
            Dataset back = DatasetReader.read(out);
            assertEquals(d.pois().size(), back.pois().size(), out.toString());
            for (int i = 0; i < d.pois().size(); i++) {
                Poi a = d.pois().get(i), b = back.pois().get(i);
                assertEquals(
                        List.of(a.id(), a.name(), a.kind(), a.aliases()),
                        List.of(b.id(), b.name(), b.kind(), b.aliases()));
                assertEquals(a.geometry().getGeometryType(), b.geometry().getGeometryType());
                assertEquals(a.geometry().getArea(), b.geometry().getArea(), 1e-12);
            }
        }
        assertTrue(Files.exists(dir.resolve("files").resolve("pois.geojson")));
    }

    @Test
    void aLandmarkWithoutANameIsBadInputNamingFileRecordAndField(@TempDir Path dir) throws Exception {
        Dataset d = withPois(TestData.blocksAndRoad());
        DatasetWriter.write(d, dir);
        Path pois = dir.resolve("pois.geojson");
        Files.writeString(pois, Files.readString(pois).replace("\"实验小学\"", "null"));
        DatasetException e = assertThrows(DatasetException.class, () -> DatasetReader.read(dir));
        assertTrue(e.getMessage().contains("pois.geojson") && e.getMessage().contains("name"), e.getMessage());
    }

    private static Dataset withPois(Dataset d) {
        Coordinate c = d.communities().get(0).geometry().getInteriorPoint().getCoordinate();
        Geometry point = d.communities().get(0).geometry().getFactory().createPoint(c);
        Geometry outline = point.buffer(0.0002, 2);
        return new Dataset(
                d.communities(),
                d.buildings(),
                d.barriers(),
                d.campuses(),
                d.hamlets(),
                d.aliases(),
                d.notes(),
                List.of(
                        new Poi("p1", "实验小学", "school", List.of("实小", "第一实验小学"), outline),
                        new Poi("p2", "人民医院", "hospital", List.of(), point)));
    }
}
