package org.gridatlas.tiles.print;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.IOException;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

/** A QR code drawn as vector squares, with the white quiet zone of four modules readers need around it. */
final class QrCode {
    private static final int QUIET = 4;

    private QrCode() {}

    /** Draws the code of {@code text} in the square of side {@code size} at (x, y), quiet zone included. */
    static void draw(PDPageContentStream c, String text, float x, float y, float size) throws IOException {
        BitMatrix m;
        try {
            m = new QRCodeWriter()
                    .encode(
                            text,
                            BarcodeFormat.QR_CODE,
                            0,
                            0,
                            Map.of(
                                    EncodeHintType.MARGIN,
                                    0,
                                    EncodeHintType.CHARACTER_SET,
                                    "UTF-8",
                                    EncodeHintType.ERROR_CORRECTION,
                                    ErrorCorrectionLevel.M));
        } catch (WriterException e) {
            throw new IllegalArgumentException("no QR code for a link of " + text.length() + " characters", e);
        }
        float module = size / (m.getWidth() + 2 * QUIET);
        c.setNonStrokingColor(1f, 1f, 1f);
        c.addRect(x, y, size, size);
        c.fill();
        c.setNonStrokingColor(0f, 0f, 0f);
        float left = x + QUIET * module, top = y + size - QUIET * module;
        for (int row = 0; row < m.getHeight(); row++)
            for (int col = 0; col < m.getWidth(); col++)
                if (m.get(col, row)) c.addRect(left + col * module, top - (row + 1) * module, module, module);
        c.fill();
    }
}
