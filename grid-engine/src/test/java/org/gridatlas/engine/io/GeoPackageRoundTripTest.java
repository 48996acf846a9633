package org.gridatlas.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gridatlas.engine.Delineator;
import org.gridatlas.engine.TestData;
import org.gridatlas.engine.model.Dataset;
import org.gridatlas.engine.model.Delineation;
import org.gridatlas.engine.partition.Bounds;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeoPackageRoundTripTest {
    @Test
    void datasetSurvivesAGeoPackage(@TempDir Path dir) throws Exception {
        Dataset d = TestData.blocksAndRoad();
        Path gpkg = dir.resolve("dataset.gpkg");
        DatasetWriter.write(d, gpkg);
        Dataset back = DatasetReader.read(gpkg);
        assertEquals(d.buildings().size(), back.buildings().size());
        assertEquals(d.households(), back.households());
        assertEquals(d.communities().get(0).code(), back.communities().get(0).code());
        assertEquals(d.barriers().size(), back.barriers().size());
        assertEquals(
                d.communities().get(0).geometry().getArea(),
                back.communities().get(0).geometry().getArea(),
                1e-12);
    }

    @Test
    void resultGeoPackageHoldsTheContractLayersAndOpensInGdal(@TempDir Path dir) throws Exception {
        Dataset d = TestData.blocksAndRoad();
        Delineation r = new Delineator(Bounds.DEFAULT).delineate(d);
        Path gpkg = dir.resolve("grids.gpkg");
        ResultWriter.write(r, gpkg);
        Map<LayerSchema, List<Feature>> layers;
        mil.nga.geopackage.GeoPackage gp = mil.nga.geopackage.GeoPackageManager.open(gpkg.toFile(), false);
        try {
            assertEquals(
                    r.grids().size(),
                    GeoPackageLayers.read(gp, DataContract.GRIDS).size());
            assertEquals(
                    r.assignments().size(),
                    GeoPackageLayers.read(gp, DataContract.ASSIGNMENTS).size());
            Object flags = GeoPackageLayers.read(gp, DataContract.GRIDS)
                    .get(0)
                    .properties()
                    .get("flags");
            assertTrue(flags instanceof List, "flags come back as a JSON array: " + flags);
        } finally {
            gp.close();
        }
        Assumptions.assumeTrue(
                Files.isExecutable(Path.of("/usr/bin/ogrinfo")), "GDAL's ogrinfo is installed by scripts/test.sh");
        Process p = new ProcessBuilder("/usr/bin/ogrinfo", "-ro", "-so", gpkg.toString(), "grids")
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
        assertTrue(out.contains("Feature Count: " + r.grids().size()), out);
        assertTrue(out.contains("households: Integer"), out);
    }

    @Test
    void aFailedDirectoryWriteKeepsTheOldResult(@TempDir Path dir) throws Exception {
        Dataset d = TestData.blocksAndRoad();
        Delineation r = new Delineator(Bounds.DEFAULT).delineate(d);
        Path out = dir.resolve("result");
        ResultWriter.write(r, out);
        String before = Files.readString(out.resolve("assignments.csv"));
        Delineation broken = new Delineation(r.grids(), null, r.report());
        try {
            ResultWriter.write(broken, out);
        } catch (NullPointerException expected) {
            // the write failed part-way
        }
        assertEquals(before, Files.readString(out.resolve("assignments.csv")));
        assertTrue(Files.exists(out.resolve("grids.geojson")) && Files.exists(out.resolve("report.json")));
        try (var s = Files.list(dir)) {
            assertEquals(1, s.count(), "no temporary directories left behind");
        }
    }
}
