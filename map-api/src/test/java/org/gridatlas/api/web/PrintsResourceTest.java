package org.gridatlas.api.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Grid maps to print, over HTTP on a generated city with its staff: read back with pdftotext, PDFBox and ZXing. */
class PrintsResourceTest {
    @TempDir
    static Path dir;

    private static final String REPORT = "https://12345.example.gov.cn/report?grid={code}";
    private static GeoPackageGridStore store;
    private static ApiServer server;
    private static Grid grid;
    private static List<Grid> streetGrids;

    @BeforeAll
    static void start() {
        Dataset city = CityGenerator.generate(8_000, 5);
        Delineation result = new Delineator(Bounds.DEFAULT).delineate(city);
        List<Grid> grids =
                result.grids().stream().filter(g -> g.level() == GridLevel.GRID).toList();
        grid = grids.get(1);
        streetGrids = grids.stream()
                .filter(g -> g.streetCode().equals(grid.streetCode()))
                .toList();
        store = GeoPackageGridStore.open(dir.resolve("city.gpkg"));
        store.replace(city, result, "generated city");
        store.replaceStaff(List.of(
                new StaffMember(grid.code(), StaffMember.CHIEF, "王建国", "13800000001"),
                new StaffMember(grid.code(), StaffMember.WORKER, "李秀英", "13800000002"),
                new StaffMember(grid.code(), "police_officer", "赵警官", "13800000003", "公安", "第二网格党支部")));
        server = new ApiServer(store, ServerSettings.DEFAULT.withReportUrl(REPORT)).start(0);
    }

    @AfterAll
    static void stop() {
        server.close();
        store.close();
    }

    @Test
    void aGridsMapHoldsItsCodeItsPeopleAndTheirRolesAndTheQrCodeOfItsReportLink() throws Exception {
        HttpResponse<byte[]> r = TestHttp.getBytes(server, "/api/v1/grids/" + grid.code() + "/map.pdf");
        assertEquals(200, r.statusCode());
        assertEquals("application/pdf", r.headers().firstValue("Content-Type").orElse(""));
        String text = PdfReading.text(r.body(), dir);
        for (String expected : List.of(
                grid.code(),
                "王建国",
                "网格长",
                "李秀英",
                "网格员",
                "13800000002",
                "赵警官",
                "公安",
                "第二网格党支部",
                String.valueOf(grid.households()))) assertTrue(text.contains(expected), expected + " not in:\n" + text);
        assertEquals(REPORT.replace("{code}", grid.code()), PdfReading.qrCode(r.body(), 0));
        try (PDDocument doc = Loader.loadPDF(r.body())) {
            assertEquals(1, doc.getNumberOfPages());
            assertEquals(PDRectangle.A4.getWidth(), doc.getPage(0).getMediaBox().getWidth(), 0.5);
        }
    }

    @Test
    void aStreetsGridsAreOnePageEachOnTheSizeAsked() throws Exception {
        HttpResponse<byte[]> r = TestHttp.getBytes(
                server, "/api/v1/streets/" + grid.streetCode() + "/map.pdf?size=A3&orientation=landscape");
        assertEquals(200, r.statusCode());
        try (PDDocument doc = Loader.loadPDF(r.body())) {
            assertEquals(streetGrids.size(), doc.getNumberOfPages());
            assertEquals(
                    PDRectangle.A3.getHeight(), doc.getPage(0).getMediaBox().getWidth(), 0.5);
        }
        String text = PdfReading.text(r.body(), dir);
        for (Grid g : streetGrids) assertTrue(text.contains(g.code()), g.code());
    }

    @Test
    void aCommunitysPageLabelsEveryGridAndListsTheChiefs() throws Exception {
        HttpResponse<byte[]> r = TestHttp.getBytes(server, "/api/v1/communities/" + grid.communityCode() + "/map.pdf");
        assertEquals(200, r.statusCode());
        String text = PdfReading.text(r.body(), dir);
        assertTrue(text.contains(grid.communityCode()) && text.contains("王建国"), text);
        assertEquals(REPORT.replace("{code}", grid.communityCode()), PdfReading.qrCode(r.body(), 0));
    }

    @Test
    void anUnknownCodeIs404AndAnUnknownSizeIs400() throws Exception {
        assertEquals(
                404,
                TestHttp.get(server, "/api/v1/grids/999999999999999/map.pdf").statusCode());
        assertEquals(
                404, TestHttp.get(server, "/api/v1/streets/999999999/map.pdf").statusCode());
        HttpResponse<String> bad = TestHttp.get(server, "/api/v1/grids/" + grid.code() + "/map.pdf?size=B5");
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("B5"), bad.body());
        assertEquals(
                400,
                TestHttp.get(server, "/api/v1/grids/" + grid.code() + "/map.pdf?orientation=sideways")
                        .statusCode());
    }
}
