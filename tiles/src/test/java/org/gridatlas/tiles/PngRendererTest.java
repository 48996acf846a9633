package org.gridatlas.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        byte[] png = PngRenderer.community(
                "测试社区",
                g,
                List.of(new TileFeature(g, Map.of("code", "130302001001001", "households", 400))),
                List.of(),
                800);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertTrue(img.getWidth() > 400 && img.getHeight() > 400);
    }
}
