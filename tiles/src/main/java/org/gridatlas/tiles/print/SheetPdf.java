package org.gridatlas.tiles.print;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.util.Matrix;
import org.gridatlas.engine.model.Barrier;
import org.gridatlas.engine.model.BarrierClass;
import org.gridatlas.engine.model.BarrierKind;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Grid maps to print and post (网格公示图) as vector PDF, one page per sheet: the title, the map
 * (roads, rivers and railways with their names, the subject's boundary, its parts, its buildings
 * numbered, the neighbours' codes, a legend, a scale bar and a north arrow), the counts, the people
 * responsible with role, department and phone, the party branch, a QR code of the link residents
 * report through, and the date and version. The Chinese font is embedded as a subset.
 */
public final class SheetPdf {
    private static final Color SUBJECT = new Color(0xC0, 0x00, 0x00);
    private static final Color SUBJECT_FILL = new Color(0xFF, 0xF4, 0xE0);
    private static final Color NEIGHBOUR = new Color(0xEC, 0xEC, 0xEC);
    private static final Color NEIGHBOUR_LINE = new Color(0x9A, 0x9A, 0x9A);
    private static final Color PART = new Color(0x3B, 0x6E, 0xA8);
    private static final Color BUILDING = new Color(0x9A, 0x8F, 0x84);
    private static final Color OTHER_BUILDING = new Color(0xD2, 0xCE, 0xC8);
    private static final Color ROAD_CASING = new Color(0xB0, 0xB0, 0xB0);
    private static final Color WATER = new Color(0x8D, 0xBD, 0xE8);
    private static final Color RAIL = new Color(0x55, 0x55, 0x55);
    private static final Color TEXT = Color.BLACK;
    private static final Color GREY_TEXT = new Color(0x55, 0x55, 0x55);

    private SheetPdf() {}

    /** Writes the sheets, one page each, to {@code out}. */
    public static void write(List<MapSheet> sheets, Paper paper, OutputStream out) throws IOException {
        synchronized (SheetFont.LOCK) {
            compose(sheets, paper, out);
        }
    }

    private static void compose(List<MapSheet> sheets, Paper paper, OutputStream out) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            SheetFont font = SheetFont.load(doc);
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setCreator("GridAtlas");
            if (!sheets.isEmpty()) info.setTitle(font.printable(sheets.get(0).title()));
            for (MapSheet s : sheets) {
                PDPage page = new PDPage(paper.rectangle());
                doc.addPage(page);
                try (PDPageContentStream c = new PDPageContentStream(doc, page)) {
                    new Page(c, font, page.getMediaBox(), s).draw();
                }
            }
            doc.save(out);
        }
    }

    /** One page being drawn; sizes scale with the page (A3 is A4 enlarged). */
    private static final class Page {
        private final PDPageContentStream c;
        private final SheetFont font;
        private final PDRectangle box;
        private final MapSheet s;
        private final float k, margin;

        Page(PDPageContentStream c, SheetFont font, PDRectangle box, MapSheet s) {
            this.c = c;
            this.font = font;
            this.box = box;
            this.s = s;
            this.k = Math.min(box.getWidth(), box.getHeight()) / PDRectangle.A4.getWidth();
            this.margin = 28 * k;
        }

        void draw() throws IOException {
            float w = box.getWidth(), h = box.getHeight();
            float top = h - margin;
            text(s.title(), margin, top - 20 * k, 20 * k, TEXT);
            text(s.subtitle(), margin, top - 38 * k, 10 * k, GREY_TEXT);
            float headerBottom = top - 48 * k;
            boolean landscape = w > h;
            float mapW = landscape ? (w - 2 * margin) * 0.66f : w - 2 * margin;
            float mapH = landscape ? headerBottom - margin - 14 * k : (headerBottom - margin) * 0.7f;
            float mapY = headerBottom - mapH;
            MapFrame f = MapFrame.fit(s.subject().getEnvelopeInternal(), margin, mapY, mapW, mapH);
            map(f);
            legend(f);
            scaleBar(f);
            northArrow(f);
            if (landscape) panel(margin + mapW + 14 * k, mapY, w - margin - (margin + mapW + 14 * k), mapH);
            else panel(margin, margin + 14 * k, w - 2 * margin, mapY - margin - 24 * k);
            text(
                    "制图日期 " + s.date() + "    数据版本 " + s.version() + "    比例尺 1:" + f.scaleDenominator()
                            + "    GridAtlas",
                    margin,
                    margin - 4 * k,
                    7 * k,
                    GREY_TEXT);
        }

        // ---- the map ----

        private void map(MapFrame f) throws IOException {
            c.saveGraphicsState();
            c.addRect(f.x(), f.y(), f.width(), f.height());
            c.clip();
            fillRect(f.x(), f.y(), f.width(), f.height(), new Color(0xF7, 0xF5, 0xF0));
            Envelope view = f.view();
            for (MapSheet.Labelled n : s.neighbours())
                if (view.intersects(n.geometry().getEnvelopeInternal()))
                    area(f, n.geometry(), NEIGHBOUR, NEIGHBOUR_LINE, 0.6f * k);
            area(f, s.subject(), SUBJECT_FILL, null, 0);
            List<Barrier> shown = s.barriers().stream()
                    .filter(b -> view.intersects(b.geometry().getEnvelopeInternal()))
                    .toList();
            for (Barrier b : shown) if (b.kind() == BarrierKind.RIVER) line(f, b.geometry(), WATER, width(b), null);
            for (Barrier b : shown)
                if (b.kind() == BarrierKind.ROAD) line(f, b.geometry(), ROAD_CASING, width(b) + 1.2f * k, null);
            for (Barrier b : shown)
                if (b.kind() == BarrierKind.ROAD) line(f, b.geometry(), Color.WHITE, width(b), null);
            for (Barrier b : shown)
                if (b.kind() == BarrierKind.RAILWAY || b.kind() == BarrierKind.WALL)
                    line(f, b.geometry(), RAIL, 1.2f * k, b.kind() == BarrierKind.RAILWAY ? 4 * k : 1.5f * k);
            for (Geometry g : s.otherBuildings())
                if (view.intersects(g.getEnvelopeInternal())) area(f, g, OTHER_BUILDING, null, 0);
            for (MapSheet.Labelled b : s.buildings()) area(f, b.geometry(), BUILDING, null, 0);
            for (MapSheet.Labelled p : s.parts()) outline(f, p.geometry(), PART, 1f * k, 3 * k);
            outline(f, s.subject(), SUBJECT, 2.4f * k, 0);
            for (Barrier b : shown) if (b.name() != null) alongLine(f, b);
            for (MapSheet.Labelled n : s.neighbours()) label(f, n, 7 * k, GREY_TEXT, true);
            for (MapSheet.Labelled p : s.parts()) label(f, p, 7 * k, PART, true);
            for (MapSheet.Labelled b : s.buildings()) label(f, b, 5 * k, TEXT, false);
            c.restoreGraphicsState();
            c.setStrokingColor(TEXT);
            c.setLineWidth(0.8f * k);
            c.addRect(f.x(), f.y(), f.width(), f.height());
            c.stroke();
        }

        private float width(Barrier b) {
            float base = b.kind() == BarrierKind.RIVER ? 5 : 3.2f;
            return k
                    * (b.barrierClass() == BarrierClass.MAJOR
                            ? base * 1.6f
                            : b.barrierClass() == BarrierClass.PATH ? base * 0.5f : base);
        }

        private void path(MapFrame f, Geometry g, boolean close) throws IOException {
            for (int i = 0; i < g.getNumGeometries(); i++) {
                Geometry part = g.getGeometryN(i);
                if (part instanceof Polygon p) {
                    ring(f, p.getExteriorRing().getCoordinates(), true);
                    for (int h = 0; h < p.getNumInteriorRing(); h++)
                        ring(f, p.getInteriorRingN(h).getCoordinates(), true);
                } else if (part instanceof LineString l) ring(f, l.getCoordinates(), close);
            }
        }

        private void ring(MapFrame f, Coordinate[] cs, boolean close) throws IOException {
            if (cs.length < 2) return;
            c.moveTo(f.px(cs[0]), f.py(cs[0]));
            for (int i = 1; i < cs.length; i++) c.lineTo(f.px(cs[i]), f.py(cs[i]));
            if (close) c.closePath();
        }

        private void area(MapFrame f, Geometry g, Color fill, Color stroke, float width) throws IOException {
            if (g.getDimension() < 2) return;
            path(f, g, true);
            c.setNonStrokingColor(fill);
            if (stroke == null) c.fillEvenOdd();
            else {
                c.setStrokingColor(stroke);
                c.setLineWidth(width);
                c.fillAndStrokeEvenOdd();
            }
        }

        private void outline(MapFrame f, Geometry g, Color colour, float width, float dash) throws IOException {
            c.setLineDashPattern(dash > 0 ? new float[] {dash, dash * 0.6f} : new float[0], 0);
            c.setStrokingColor(colour);
            c.setLineWidth(width);
            c.setLineJoinStyle(1);
            path(f, g, true);
            c.stroke();
            c.setLineDashPattern(new float[0], 0);
        }

        private void line(MapFrame f, Geometry g, Color colour, float width, Float dash) throws IOException {
            c.setLineCapStyle(1);
            c.setLineJoinStyle(1);
            c.setLineDashPattern(dash != null ? new float[] {dash, dash} : new float[0], 0);
            c.setStrokingColor(colour);
            c.setLineWidth(width);
            path(f, g, false);
            c.stroke();
            c.setLineDashPattern(new float[0], 0);
        }

        /** A road's or river's name along its longest segment in view, upright. */
        private void alongLine(MapFrame f, Barrier b) throws IOException {
            Coordinate[] cs = b.geometry().getCoordinates();
            float best = 0, bx = 0, by = 0, angle = 0;
            for (int i = 1; i < cs.length; i++) {
                float x0 = f.px(cs[i - 1]), y0 = f.py(cs[i - 1]), x1 = f.px(cs[i]), y1 = f.py(cs[i]);
                float len = (float) Math.hypot(x1 - x0, y1 - y0);
                float mx = (x0 + x1) / 2, my = (y0 + y1) / 2;
                if (len > best && f.inside(mx, my)) {
                    best = len;
                    bx = mx;
                    by = my;
                    angle = (float) Math.atan2(y1 - y0, x1 - x0);
                }
            }
            String name = font.printable(b.name());
            float size = 6.5f * k;
            float tw = font.width(name, size);
            if (best < tw) return;
            if (angle > Math.PI / 2) angle -= (float) Math.PI;
            if (angle < -Math.PI / 2) angle += (float) Math.PI;
            c.beginText();
            c.setFont(font.pdf, size);
            c.setNonStrokingColor(b.kind() == BarrierKind.RIVER ? new Color(0x1F, 0x5F, 0x9F) : GREY_TEXT);
            Matrix m = Matrix.getRotateInstance(angle, bx, by);
            m.translate(-tw / 2, -size / 3);
            c.setTextMatrix(m);
            c.showText(name);
            c.endText();
        }

        /** A label at a point inside the shape and in view, on a pale box when {@code boxed}. */
        private void label(MapFrame f, MapSheet.Labelled l, float size, Color colour, boolean boxed)
                throws IOException {
            if (l.label() == null) return;
            Geometry g = l.geometry();
            Geometry inView = g.getEnvelopeInternal().intersects(f.view())
                    ? g.intersection(g.getFactory().toGeometry(f.view()))
                    : null;
            if (inView == null || inView.isEmpty()) return;
            Point p = inView.getInteriorPoint();
            String t = font.printable(l.label());
            float tw = font.width(t, size), x = f.px(p.getX()) - tw / 2, y = f.py(p.getY()) - size / 3;
            if (boxed) fillRect(x - 1.5f * k, y - 1.5f * k, tw + 3 * k, size + 2 * k, new Color(255, 255, 255));
            text(t, x, y, size, colour);
        }

        private void legend(MapFrame f) throws IOException {
            float size = 6.5f * k, row = 10 * k, pad = 4 * k;
            String[] names = {"边界", s.partName(), "相邻区域(编码)", "楼栋(楼号)", "道路", "河流", "铁路"};
            float tw = 0;
            for (String n : names) tw = Math.max(tw, font.width(n, size));
            float w = pad * 3 + 14 * k + tw, h = pad * 2 + row * names.length;
            float x = f.x() + 6 * k, y = f.y() + 6 * k;
            fillRect(x, y, w, h, Color.WHITE);
            c.setStrokingColor(NEIGHBOUR_LINE);
            c.setLineWidth(0.5f * k);
            c.addRect(x, y, w, h);
            c.stroke();
            for (int i = 0; i < names.length; i++) {
                float ry = y + h - pad - row * (i + 1) + 2 * k, sx = x + pad;
                switch (i) {
                    case 0 -> swatchLine(sx, ry, SUBJECT, 2.2f * k, 0);
                    case 1 -> swatchLine(sx, ry, PART, 1f * k, 3 * k);
                    case 2 -> fillRect(sx, ry, 14 * k, 6 * k, NEIGHBOUR);
                    case 3 -> fillRect(sx + 3 * k, ry, 8 * k, 6 * k, BUILDING);
                    case 4 -> {
                        swatchLine(sx, ry, ROAD_CASING, 4.4f * k, 0);
                        swatchLine(sx, ry, Color.WHITE, 3.2f * k, 0);
                    }
                    case 5 -> swatchLine(sx, ry, WATER, 4 * k, 0);
                    default -> swatchLine(sx, ry, RAIL, 1.2f * k, 4 * k);
                }
                text(names[i], sx + 14 * k + pad, ry, size, TEXT);
            }
        }

        private void swatchLine(float x, float y, Color colour, float width, float dash) throws IOException {
            c.setLineDashPattern(dash > 0 ? new float[] {dash, dash} : new float[0], 0);
            c.setStrokingColor(colour);
            c.setLineWidth(width);
            c.moveTo(x, y + 3 * k);
            c.lineTo(x + 14 * k, y + 3 * k);
            c.stroke();
            c.setLineDashPattern(new float[0], 0);
        }

        private void scaleBar(MapFrame f) throws IOException {
            double metres = f.roundMetres(f.width() / 5);
            float len = (float) (metres * f.pointsPerMetre()), x = f.x() + f.width() - len - 12 * k, y = f.y() + 12 * k;
            fillRect(x - 6 * k, y - 4 * k, len + 18 * k, 20 * k, Color.WHITE);
            fillRect(x, y, len / 2, 3 * k, TEXT);
            c.setStrokingColor(TEXT);
            c.setLineWidth(0.6f * k);
            c.addRect(x, y, len, 3 * k);
            c.stroke();
            String label = metres >= 1000 ? (metres / 1000) + " 千米" : ((long) metres) + " 米";
            text("0", x - 1.5f * k, y + 5 * k, 6 * k, TEXT);
            text(label, x + len - font.width(label, 6 * k) / 2, y + 5 * k, 6 * k, TEXT);
        }

        private void northArrow(MapFrame f) throws IOException {
            float cx = f.x() + f.width() - 18 * k, top = f.y() + f.height() - 10 * k, h = 22 * k;
            c.setNonStrokingColor(TEXT);
            c.moveTo(cx, top);
            c.lineTo(cx - 6 * k, top - h);
            c.lineTo(cx, top - h * 0.7f);
            c.closePath();
            c.fill();
            c.setStrokingColor(TEXT);
            c.setLineWidth(0.6f * k);
            c.moveTo(cx, top);
            c.lineTo(cx + 6 * k, top - h);
            c.lineTo(cx, top - h * 0.7f);
            c.closePath();
            c.stroke();
            text("北", cx - font.width("北", 8 * k) / 2, top - h - 10 * k, 8 * k, TEXT);
        }

        // ---- the panel beside or below the map ----

        private void panel(float x, float y, float w, float h) throws IOException {
            float qr = Math.min(Math.min(w, h) * 0.55f, 110 * k);
            boolean beside = w > h; // portrait: the QR code right of the text; landscape: below it
            float textW = beside ? w - qr - 12 * k : w;
            float line = 13 * k, cy = y + h - 12 * k;
            text("户数 " + s.households() + " 户    楼栋 " + s.buildingCount() + " 栋", x, cy, 11 * k, TEXT);
            cy -= line * 1.4f;
            float bottom = beside ? y : y + qr + 24 * k;
            List<String> rows = new ArrayList<>();
            for (MapSheet.Person p : s.people())
                rows.add(p.role() + "  " + p.name() + "  " + nonNull(p.department()) + "  " + nonNull(p.phone()));
            if (rows.isEmpty()) rows.add("网格长、网格员:尚未录入");
            int fits = (int) ((cy - bottom - line * 2) / line);
            for (int i = 0; i < rows.size(); i++) {
                if (i == fits - 1 && rows.size() > fits) {
                    text("…… 另有 " + (rows.size() - i) + " 人", x, cy, 9 * k, GREY_TEXT);
                    cy -= line;
                    break;
                }
                text(fitted(rows.get(i), textW, 9 * k), x, cy, 9 * k, TEXT);
                cy -= line;
            }
            if (s.partyBranch() != null)
                text(fitted("网格党支部  " + s.partyBranch(), textW, 9 * k), x, cy - 4 * k, 9 * k, TEXT);
            float qx = beside ? x + w - qr : x, qy = beside ? y + h - qr - 4 * k : y + 12 * k;
            QrCode.draw(c, s.reportUrl(), qx, qy, qr);
            String caption = "扫码反映问题 " + s.code();
            text(caption, qx + qr / 2 - font.width(caption, 7 * k) / 2, qy - 9 * k, 7 * k, TEXT);
        }

        private static String nonNull(String s) {
            return s == null ? "" : s;
        }

        /** The text cut with an ellipsis to the width. */
        private String fitted(String t, float width, float size) throws IOException {
            String p = font.printable(t);
            if (font.width(p, size) <= width) return p;
            while (p.length() > 1 && font.width(p + "…", size) > width) p = p.substring(0, p.length() - 1);
            return p + "…";
        }

        private void text(String t, float x, float y, float size, Color colour) throws IOException {
            c.beginText();
            c.setFont(font.pdf, size);
            c.setNonStrokingColor(colour);
            c.newLineAtOffset(x, y);
            c.showText(font.printable(t));
            c.endText();
        }

        private void fillRect(float x, float y, float w, float h, Color colour) throws IOException {
            c.setNonStrokingColor(colour);
            c.addRect(x, y, w, h);
            c.fill();
        }
    }
}
