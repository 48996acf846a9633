package org.gridatlas.tiles.print;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;

/** Printed maps read back by readers of their own: poppler's pdftotext (Debian's poppler-utils) and ZXing. */
public final class PdfReading {
    private PdfReading() {}

    /** The text of every page as pdftotext reads it. */
    public static String text(Path pdf) throws Exception {
        Process p = new ProcessBuilder("pdftotext", "-enc", "UTF-8", pdf.toString(), "-")
                .redirectErrorStream(true)
                .start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), text);
        return text;
    }

    public static String text(byte[] pdf, Path dir) throws Exception {
        Path f = Files.createTempFile(dir, "map", ".pdf");
        Files.write(f, pdf);
        return text(f);
    }

    /** What the QR code on the page says, the page rendered at 150 dpi. */
    public static String qrCode(byte[] pdf, int page) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            BufferedImage img = new PDFRenderer(doc).renderImageWithDPI(page, 150);
            int[] px = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
            return new QRCodeReader()
                    .decode(new BinaryBitmap(
                            new HybridBinarizer(new RGBLuminanceSource(img.getWidth(), img.getHeight(), px))))
                    .getText();
        }
    }
}
