package org.gridatlas.tiles.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.gridatlas.engine.model.Barrier;
import org.gridatlas.engine.model.BarrierClass;
import org.gridatlas.engine.model.BarrierKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/** Printed grid maps read back by independent readers: poppler's pdftotext, PDFBox's own parser and renderer, ZXing. */
class SheetPdfTest {
    private static final GeometryFactory GF = new GeometryFactory();
    private static final String URL = "https://report.example/grid?code=130302001001003";

    static Polygon box(double x0, double y0, double x1, double y1) {
        return GF.createPolygon(new Coordinate[] {
            new Coordinate(x0, y0),
            new Coordinate(x1, y0),
            new Coordinate(x1, y1),
            new Coordinate(x0, y1),
            new Coordinate(x0, y0)
        });
    }

    /** A grid of 0.004° by 0.003° near 海港区 with its buildings numbered, a named road and river, a neighbour, two micro grids. */
    static MapSheet sheet(String code, String chief) {
        double x = 119.60, y = 39.93;
        List<MapSheet.Labelled> buildings = new ArrayList<>();
        for (int i = 0; i < 6; i++)
            buildings.add(new MapSheet.Labelled(
                    (i + 1) + "号楼", box(x + 0.0004 + i * 0.0006, y + 0.001, x + 0.0008 + i * 0.0006, y + 0.0016)));
        return new MapSheet(
                "建设里社区第三网格",
                code,
                "网格编码 " + code + " · 海港区 建设大街街道 建设里社区",
                box(x, y, x + 0.004, y + 0.003),
                "微网格",
                List.of(
                        new MapSheet.Labelled(code + "01", box(x, y, x + 0.002, y + 0.003)),
                        new MapSheet.Labelled(code + "02", box(x + 0.002, y, x + 0.004, y + 0.003))),
                List.of(new MapSheet.Labelled("130302001001004", box(x + 0.004, y, x + 0.008, y + 0.003))),
                buildings,
                List.of(box(x + 0.0045, y + 0.001, x + 0.005, y + 0.0015)),
                List.of(
                        new Barrier(
                                BarrierKind.ROAD,
                                BarrierClass.MAJOR,
                                "文化路",
                                line(x - 0.001, y - 0.0002, x + 0.009, y - 0.0002)),
                        new Barrier(
                                BarrierKind.RIVER,
                                BarrierClass.MAJOR,
                                "汤河",
                                line(x - 0.001, y + 0.0032, x + 0.009, y + 0.0035)),
                        new Barrier(
                                BarrierKind.RAILWAY,
                                BarrierClass.MAJOR,
                                null,
                                line(x - 0.001, y + 0.0028, x + 0.009, y + 0.0028))),
                412,
                6,
                List.of(
                        new MapSheet.Person("网格长", chief, "综治", "13800000001"),
                        new MapSheet.Person("网格员", "李四", "综治", "13800000002"),
                        new MapSheet.Person("网格警", "赵警官", "公安", null)),
                "建设里第三网格党支部",
                URL,
                LocalDate.of(2026, 12, 2),
                "v3");
    }

    static Geometry line(double x0, double y0, double x1, double y1) {
        return GF.createLineString(new Coordinate[] {new Coordinate(x0, y0), new Coordinate(x1, y1)});
    }

    static byte[] pdf(List<MapSheet> sheets, Paper paper) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SheetPdf.write(sheets, paper, out);
        return out.toByteArray();
    }

    @Test
    void theTextReadsBackWithCodesPeopleAndBranch(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("grid.pdf");
        Files.write(f, pdf(List.of(sheet("130302001001003", "王建国")), Paper.A4_PORTRAIT));
        String text = PdfReading.text(f);
        for (String expected : List.of(
                "建设里社区第三网格",
                "130302001001003",
                "130302001001004",
                "王建国",
                "13800000001",
                "综治",
                "网格警",
                "公安",
                "建设里第三网格党支部",
                "412",
                "文化路",
                "汤河",
                "3号楼",
                "2026-12-02",
                "v3")) assertTrue(text.contains(expected), expected + " not in:\n" + text);
    }

    @Test
    void pagesAreTheSizeAskedOnePerSheetWithTheFontEmbeddedAsASubset() throws Exception {
        byte[] a3 = pdf(
                List.of(sheet("130302001001003", "王建国"), sheet("130302001001004", "张三")),
                Paper.parse("a3", "landscape"));
        try (PDDocument doc = Loader.loadPDF(a3)) {
            assertEquals(2, doc.getNumberOfPages());
            PDRectangle box = doc.getPage(1).getMediaBox();
            assertEquals(PDRectangle.A3.getHeight(), box.getWidth(), 0.5);
            assertEquals(PDRectangle.A3.getWidth(), box.getHeight(), 0.5);
            PDFont font = doc.getPage(0)
                    .getResources()
                    .getFont(doc.getPage(0)
                            .getResources()
                            .getFontNames()
                            .iterator()
                            .next());
            assertTrue(font.isEmbedded(), "font embedded");
            // a subset's name carries a six-letter tag (PDF 32000 9.6.4)
            assertTrue(font.getName().matches("[A-Z]{6}\\+.*"), font.getName());
        }
        // the whole font is 5 MB; a page's subset is a small part of it
        assertTrue(a3.length < 600_000, a3.length + " bytes");
        try (PDDocument doc = Loader.loadPDF(pdf(List.of(sheet("130302001001003", "王建国")), Paper.A4_PORTRAIT))) {
            assertEquals(PDRectangle.A4.getWidth(), doc.getPage(0).getMediaBox().getWidth(), 0.5);
            assertEquals(
                    PDRectangle.A4.getHeight(), doc.getPage(0).getMediaBox().getHeight(), 0.5);
        }
    }

    @Test
    void theQrCodeDecodesToTheReportLink() throws Exception {
        for (Paper paper : List.of(Paper.A4_PORTRAIT, Paper.parse("A4", "landscape"))) {
            assertEquals(
                    URL, PdfReading.qrCode(pdf(List.of(sheet("130302001001003", "王建国")), paper), 0), paper.toString());
        }
    }

    @Test
    void aSizeOrOrientationNotKnownIsRefusedNamingIt() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Paper.parse("B5", null))
                .getMessage()
                .contains("'B5'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Paper.parse("A4", "sideways"))
                .getMessage()
                .contains("'sideways'"));
        assertEquals(new Paper(Paper.Size.A3, false), Paper.parse("A3", "portrait"));
    }

    @Test
    void charactersTheFontLacksPrintAsQuestionMarks(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("odd.pdf");
        Files.write(f, pdf(List.of(sheet("130302001001003", "王\u0007建\uD83D\uDE00国")), Paper.A4_PORTRAIT));
        assertTrue(PdfReading.text(f).contains("王?建?国"), PdfReading.text(f));
    }
}
