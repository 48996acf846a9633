package org.gridatlas.tiles.print;

import java.io.File;
import java.io.IOException;
import java.util.List;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The Chinese font printed maps embed (as a subset of the glyphs a page uses): WenQuanYi Micro Hei
 * from Debian's fonts-wqy-microhei (Apache 2.0 or GPLv3 with the font exception), or the .ttf/.ttc
 * the system property {@code gridatlas.font} names. Characters the font lacks print as '?'.
 */
final class SheetFont {
    static final String PROPERTY = "gridatlas.font";
    private static final List<String> DEBIAN =
            List.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc");
    /**
     * Documents are composed one at a time while holding this: the font is parsed once for the
     * process (opening the 5 MB collection took ~180 ms a page) and its file is read while subsetting.
     */
    static final Object LOCK = new Object();

    private static TrueTypeFont parsed; // guarded by LOCK

    private final TrueTypeFont ttf;
    final PDType0Font pdf;

    private SheetFont(TrueTypeFont ttf, PDDocument doc) throws IOException {
        this.ttf = ttf;
        this.pdf = PDType0Font.load(doc, ttf, true);
    }

    /** The font for one document, embedded as a subset when the document is saved; call holding {@link #LOCK}. */
    static SheetFont load(PDDocument doc) throws IOException {
        if (parsed == null) parsed = parse(find());
        return new SheetFont(parsed, doc);
    }

    private static TrueTypeFont parse(File f) throws IOException {
        if (!f.getName().toLowerCase().endsWith(".ttc"))
            return new TTFParser().parse(new RandomAccessReadBufferedFile(f));
        // kept open for the process: the font's glyphs are read from it whenever a subset is made
        TrueTypeCollection ttc = new TrueTypeCollection(f);
        TrueTypeFont[] first = new TrueTypeFont[1];
        ttc.processAllFonts(font -> {
            if (first[0] == null) first[0] = font;
        });
        return first[0];
    }

    private static File find() {
        String named = System.getProperty(PROPERTY);
        if (named != null) {
            File f = new File(named);
            if (!f.isFile()) throw new IllegalStateException("-D" + PROPERTY + " names no file: " + named);
            return f;
        }
        for (String p : DEBIAN) if (new File(p).isFile()) return new File(p);
        throw new IllegalStateException("no Chinese font to print with: install Debian's fonts-wqy-microhei, or set -D"
                + PROPERTY + "=FILE.ttf");
    }

    /** The text with every character the font cannot draw (and every control character) as '?'. */
    String printable(String s) throws IOException {
        if (s == null) return "";
        StringBuilder out = new StringBuilder(s.length());
        var cmap = ttf.getUnicodeCmapLookup();
        s.codePoints().forEach(cp -> {
            boolean drawable = cp >= 0x20 && !Character.isISOControl(cp) && cmap.getGlyphId(cp) != 0;
            out.appendCodePoint(drawable ? cp : '?');
        });
        return out.toString();
    }

    /** Width in points of the text at the size. */
    float width(String s, float size) throws IOException {
        return pdf.getStringWidth(s) / 1000f * size;
    }
}
