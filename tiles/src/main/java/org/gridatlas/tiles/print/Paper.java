package org.gridatlas.tiles.print;

import java.util.Locale;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.gridatlas.engine.errors.InputException;

/** The sheet a map is printed on: A4 or A3, portrait or landscape. */
public record Paper(Size size, boolean landscape) {
    public static final Paper A4_PORTRAIT = new Paper(Size.A4, false);

    public enum Size {
        A4(PDRectangle.A4),
        A3(PDRectangle.A3);

        private final PDRectangle portrait;

        Size(PDRectangle portrait) {
            this.portrait = portrait;
        }
    }

    /**
     * From the words a request or a command line gives (either may be null: A4, portrait).
     *
     * @throws InputException naming the word that is neither
     */
    public static Paper parse(String size, String orientation) {
        Size s;
        try {
            s = size == null ? Size.A4 : Size.valueOf(size.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InputException("size", "is A4 or A3, not '" + size + "'");
        }
        if (orientation != null && !orientation.equals("portrait") && !orientation.equals("landscape"))
            throw new InputException("orientation", "is portrait or landscape, not '" + orientation + "'");
        return new Paper(s, "landscape".equals(orientation));
    }

    /** The page in PDF points (1/72 inch). */
    public PDRectangle rectangle() {
        PDRectangle p = size.portrait;
        return landscape ? new PDRectangle(p.getHeight(), p.getWidth()) : p;
    }
}
