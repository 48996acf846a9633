package org.gridatlas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.gridatlas.engine.Delineator;
import org.gridatlas.engine.model.Dataset;
import org.gridatlas.engine.model.Delineation;
import org.gridatlas.engine.model.Grid;
import org.gridatlas.engine.model.GridLevel;
import org.gridatlas.engine.partition.Bounds;
import org.gridatlas.fixtures.CityGenerator;
import org.gridatlas.store.GeoPackageGridStore;
import org.gridatlas.store.StaffMember;
import org.gridatlas.tiles.print.PdfReading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** gridatlas print: grids by code and a street's grids from a store, into one PDF. */
class PrintCommandTest {
    @Test
    void printsGridsByCodeAndAStreetAndRefusesAnUnknownGridLeavingNoFile(@TempDir Path dir) throws Exception {
        Dataset city = CityGenerator.generate(8_000, 5);
        Delineation result = new Delineator(Bounds.DEFAULT).delineate(city);
        List<Grid> grids =
                result.grids().stream().filter(g -> g.level() == GridLevel.GRID).toList();
        Path gpkg = dir.resolve("city.gpkg");
        try (GeoPackageGridStore s = GeoPackageGridStore.open(gpkg)) {
            s.replace(city, result, "generated city");
            s.replaceStaff(List.of(new StaffMember(grids.get(0).code(), StaffMember.CHIEF, "王建国", "13800000001")));
        }
        Path pdf = dir.resolve("two.pdf");
        CliEndToEndTest.Run r = CliEndToEndTest.cli(
                "print",
                "--store",
                gpkg.toString(),
                "--grids",
                grids.get(0).code() + "," + grids.get(1).code(),
                "--report-url",
                "https://12345.example.gov.cn/r?g={code}",
                "--output",
                pdf.toString());
        assertEquals(0, r.exit(), r.err());
        String text = PdfReading.text(pdf);
        assertTrue(
                text.contains(grids.get(0).code()) && text.contains(grids.get(1).code()) && text.contains("王建国"), text);
        byte[] bytes = Files.readAllBytes(pdf);
        assertEquals("https://12345.example.gov.cn/r?g=" + grids.get(1).code(), PdfReading.qrCode(bytes, 1));

        String street = grids.get(0).streetCode();
        Path all = dir.resolve("street.pdf");
        assertEquals(
                0,
                CliEndToEndTest.cli("print", "--store", gpkg.toString(), "--street", street, "--output", all.toString())
                        .exit());
        try (PDDocument doc = Loader.loadPDF(Files.readAllBytes(all))) {
            assertEquals(
                    grids.stream().filter(g -> g.streetCode().equals(street)).count(), doc.getNumberOfPages());
        }

        Path none = dir.resolve("none.pdf");
        CliEndToEndTest.Run unknown = CliEndToEndTest.cli(
                "print", "--store", gpkg.toString(), "--grids", "999999999999999", "--output", none.toString());
        assertEquals(GridAtlasCli.BAD_INPUT, unknown.exit());
        assertTrue(unknown.err().contains("999999999999999"), unknown.err());
        assertFalse(Files.exists(none));
        CliEndToEndTest.Run noCode = CliEndToEndTest.cli(
                "print",
                "--store",
                gpkg.toString(),
                "--grids",
                grids.get(0).code(),
                "--report-url",
                "https://x.example/r",
                "--output",
                none.toString());
        assertEquals(GridAtlasCli.BAD_INPUT, noCode.exit());
        assertTrue(noCode.err().contains("{code}"), noCode.err());
    }
}
