package org.gridatlas.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.gridatlas.engine.geom.ChinaCrs;
import org.junit.jupiter.api.Test;

class PngRendererTest {
    @Test
    void drawsTilesAndLeavesEmptyOnesOut() throws Exception {
        TileLayer grids = new TileLayer(
                "grids",
                0,
                List.of(new TileFeature(
                        MvtRendererTest.box(119.600, 39.930, 119.605, 39.934), Map.of("households", 400))));
        TileId t = TileId.covering(
                        MvtRendererTest.box(119.602, 39.932, 119.602, 39.932).getEnvelopeInternal(), 15)
                .get(0);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(PngRenderer.tile(List.of(grids), t, ChinaCrs.WGS84)));
        assertEquals(256, img.getWidth());
        int painted = 0;
        for (int x = 0; x < 256; x += 8) for (int y = 0; y < 256; y += 8) if ((img.getRGB(x, y) >>> 24) != 0) painted++;
        assertTrue(painted > 10, "painted " + painted);
        assertNull(PngRenderer.tile(List.of(grids), new TileId(15, 0, 0), ChinaCrs.WGS84));
    }

    @Test
    void printsACommunityPoster() throws Exception {
        var g = MvtRendererTest.box(119.600, 39.930, 119.605, 39.934);
        var building = MvtRendererTest.box(119.602, 39.9315, 119.603, 39.9325);
        byte[] png = PngRenderer.community(
                "测试社区",
                g,
                List.of(new TileFeature(g, Map.of("code", "130302001001001", "households", 400))),
                List.of(building),
                800);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertTrue(img.getWidth() > 400 && img.getHeight() > 400);
        // the grid filled by its households, as on the map, over the white paper
        Color fill = PngRenderer.householdColour(400);
        double alpha = fill.getAlpha() / 255.0;
        Color onPaper = new Color(
                (int) Math.round(fill.getRed() * alpha + 255 * (1 - alpha)),
                (int) Math.round(fill.getGreen() * alpha + 255 * (1 - alpha)),
                (int) Math.round(fill.getBlue() * alpha + 255 * (1 - alpha)));
        int mapArea = (img.getWidth() - 80) * (img.getHeight() - 120);
        assertTrue(count(img, 0, img.getHeight(), onPaper, 3) > mapArea / 3, "the grid is filled");
        assertTrue(count(img, 0, img.getHeight(), new Color(0xC00000), 0) > 1000, "the community's outline in red");
        assertTrue(count(img, 0, img.getHeight(), new Color(0x555555), 0) > 100, "the building in grey");
        assertTrue(count(img, 15, 45, Color.BLACK, 60) > 50, "the title above the map");
    }

    /** Pixels of rows {@code top} to {@code bottom} within {@code tolerance} of the colour in each channel. */
    private static int count(BufferedImage img, int top, int bottom, Color colour, int tolerance) {
        int n = 0;
        for (int y = top; y < bottom; y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                Color c = new Color(img.getRGB(x, y));
                if (Math.abs(c.getRed() - colour.getRed()) <= tolerance
                        && Math.abs(c.getGreen() - colour.getGreen()) <= tolerance
                        && Math.abs(c.getBlue() - colour.getBlue()) <= tolerance) n++;
            }
        }
        return n;
    }
}
