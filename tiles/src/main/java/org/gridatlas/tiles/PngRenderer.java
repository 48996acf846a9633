package org.gridatlas.tiles;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.gridatlas.engine.geom.ChinaCrs;
import org.locationtech.jts.awt.ShapeWriter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * PNG rendering with Java2D and JTS's ShapeWriter: 256-pixel map tiles for clients that cannot read
 * vector tiles, and a printable map of one community's grids with their codes and households for
 * the notice board where grids are published to residents.
 */
public final class PngRenderer {
    private PngRenderer() {}

    /** Fill colour for a grid by households: light below 300, deeper up to 500, red above. */
    static Color householdColour(Object households) {
        int h = households instanceof Number n ? n.intValue() : 0;
        if (h > 500) return new Color(0xE0, 0x6C, 0x5C, 170);
        float t = Math.max(0, Math.min(1, (h - 100) / 400f));
        return new Color(0.55f - 0.35f * t, 0.75f - 0.25f * t, 0.95f, 0.6f);
    }

    /** A 256×256 tile of the layers (polygons filled by households, lines and points drawn); null when empty. */
    public static byte[] tile(List<TileLayer> layers, TileId tile, ChinaCrs crs) {
        Envelope m = tile.mercator();
        BufferedImage img = new BufferedImage(256, 256, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = canvas(img);
        AffineTransform t = new AffineTransform(
                256 / m.getWidth(),
                0,
                0,
                -256 / m.getHeight(),
                -m.getMinX() * 256 / m.getWidth(),
                m.getMaxY() * 256 / m.getHeight());
        ShapeWriter sw = new ShapeWriter();
        Envelope query = tile.lonLat();
        query.expandBy(query.getWidth() * 0.05 + (crs == ChinaCrs.WGS84 || crs == ChinaCrs.CGCS2000 ? 0 : 0.02));
        boolean any = false;
        for (TileLayer layer : layers) {
            if (tile.z() < layer.minZoom()) continue;
            for (TileFeature f : layer.query(query)) {
                Shape s = t.createTransformedShape(sw.toShape(WebMercator.project(f.geometry(), crs)));
                if (!s.intersects(0, 0, 256, 256)) continue;
                any = true;
                draw(g, f, s);
            }
        }
        g.dispose();
        return any ? png(img) : null;
    }

    private static void draw(Graphics2D g, TileFeature f, Shape s) {
        if (f.geometry().getDimension() == 2) {
            g.setColor(householdColour(f.attributes().get("households")));
            g.fill(s);
            g.setColor(new Color(0x1F3A5F));
            g.setStroke(new BasicStroke(1.2f));
            g.draw(s);
        } else if (f.geometry().getDimension() == 1) {
            g.setColor(new Color(0x888888));
            g.setStroke(new BasicStroke(1f));
            g.draw(s);
        } else {
            g.setColor(Color.RED);
            g.fill(
                    s.getBounds2D().getWidth() > 0
                            ? s
                            : new java.awt.geom.Ellipse2D.Double(
                                    s.getBounds2D().getX() - 3, s.getBounds2D().getY() - 3, 6, 6));
        }
    }

    /** A printable map of one community: its grids coloured by households, buildings, codes and households as labels. */
    public static byte[] community(
            String title, Geometry outline, List<TileFeature> grids, List<Geometry> buildings, int size) {
        Envelope e = new Envelope(outline.getEnvelopeInternal());
        double kx = Math.cos(Math.toRadians(e.centre().y));
        double scale = (size - 80) / Math.max(e.getWidth() * kx, e.getHeight());
        int w = (int) (e.getWidth() * kx * scale) + 80, h = (int) (e.getHeight() * scale) + 120;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(img);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        AffineTransform t =
                new AffineTransform(kx * scale, 0, 0, -scale, 40 - e.getMinX() * kx * scale, 80 + e.getMaxY() * scale);
        ShapeWriter sw = new ShapeWriter();
        for (TileFeature f : grids) {
            Shape s = t.createTransformedShape(sw.toShape(f.geometry()));
            g.setColor(householdColour(f.attributes().get("households")));
            g.fill(s);
        }
        g.setColor(new Color(0x555555));
        for (Geometry b : buildings) g.fill(t.createTransformedShape(sw.toShape(b)));
        g.setColor(new Color(0x1F3A5F));
        g.setStroke(new BasicStroke(2.5f));
        for (TileFeature f : grids) g.draw(t.createTransformedShape(sw.toShape(f.geometry())));
        g.setColor(new Color(0xC00000));
        g.setStroke(new BasicStroke(4f));
        g.draw(t.createTransformedShape(sw.toShape(outline)));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        for (TileFeature f : grids) {
            Point p = f.geometry().getInteriorPoint();
            java.awt.geom.Point2D at = t.transform(new java.awt.geom.Point2D.Double(p.getX(), p.getY()), null);
            String code = String.valueOf(f.attributes().get("code"));
            label(g, code.substring(Math.max(0, code.length() - 3)), (float) at.getX(), (float) at.getY() - 2);
            label(g, f.attributes().get("households") + "户", (float) at.getX(), (float) at.getY() + 14);
        }
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 22));
        g.drawString(title, 40, 40);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        g.drawString(grids.size() + " grids; labels: grid number (last 3 digits of its code) and households", 40, 62);
        g.dispose();
        return png(img);
    }

    private static void label(Graphics2D g, String s, float x, float y) {
        int width = g.getFontMetrics().stringWidth(s);
        g.setColor(new Color(255, 255, 255, 210));
        g.fillRect((int) (x - width / 2f - 2), (int) (y - 13), width + 4, 16);
        g.setColor(Color.BLACK);
        g.drawString(s, x - width / 2f, y);
    }

    private static Graphics2D canvas(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        return g;
    }

    private static byte[] png(BufferedImage img) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
