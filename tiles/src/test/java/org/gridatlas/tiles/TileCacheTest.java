package org.gridatlas.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TileCacheTest {
    @Test
    void servesFromMemoryWithStableETags() {
        TileCache c = new TileCache(10_000);
        TileId t = new TileId(10, 850, 387);
        TileCache.Entry a = c.get("grids", t, () -> new byte[] {1, 2, 3});
        TileCache.Entry b = c.get("grids", t, () -> {
            throw new AssertionError("rendered twice");
        });
        assertSame(a, b);
        assertEquals(1, c.hits());
        assertNotEquals(a.etag(), c.get("all", t, () -> new byte[] {1, 2, 4}).etag());
    }

    @Test
    void staysWithinItsByteBudget() {
        TileCache c = new TileCache(2_000);
        for (int x = 0; x < 50; x++) c.get("grids", new TileId(10, x, 0), () -> new byte[100]);
        assertTrue(c.bytes() <= 2_000, "bytes " + c.bytes());
        assertTrue(c.size() < 50);
    }

    @Test
    void invalidatesExactlyTheTilesAnAreaTouches() {
        TileCache c = new TileCache(1_000_000);
        TileId here = TileId.covering(new org.locationtech.jts.geom.Envelope(119.6, 119.6, 39.93, 39.93), 14)
                .get(0);
        TileId far = new TileId(14, 0, 0);
        c.get("grids", here, () -> new byte[10]);
        c.get("grids", far, () -> new byte[10]);
        assertEquals(1, c.invalidate(new org.locationtech.jts.geom.Envelope(119.6, 119.6001, 39.93, 39.9301)));
        assertEquals(1, c.size());
    }
}
