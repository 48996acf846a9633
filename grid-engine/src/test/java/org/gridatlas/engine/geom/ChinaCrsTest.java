package org.gridatlas.engine.geom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gridatlas.engine.errors.InputException;
import org.junit.jupiter.api.Test;

class ChinaCrsTest {
    private static double metres(double[] a, double[] b) {
        double dx = (a[0] - b[0]) * 111_320 * Math.cos(Math.toRadians(a[1])), dy = (a[1] - b[1]) * 110_574;
        return Math.hypot(dx, dy);
    }

    @Test
    void gcj02IsAFewHundredMetresOffInQinhuangdao() {
        double[] wgs = {119.60, 39.935};
        double[] gcj = ChinaCrs.GCJ02.fromWgs84(wgs[0], wgs[1]);
        double off = metres(wgs, gcj);
        assertTrue(off > 200 && off < 800, "offset " + off + " m");
        assertArrayEquals(
                wgs, ChinaCrs.GCJ02.toWgs84(gcj[0], gcj[1]), 1e-8, "the inverse comes back to well under a millimetre");
    }

    @Test
    void bd09RoundTripsAndLiesFurtherOff() {
        double[] wgs = {116.397, 39.908};
        double[] bd = ChinaCrs.BD09.fromWgs84(wgs[0], wgs[1]);
        assertTrue(metres(wgs, bd) > metres(wgs, ChinaCrs.GCJ02.fromWgs84(wgs[0], wgs[1])));
        assertArrayEquals(wgs, ChinaCrs.BD09.toWgs84(bd[0], bd[1]), 1e-7);
    }

    @Test
    void wgs84AndCgcs2000AreTheSameAndOutsideChinaNothingShifts() {
        assertArrayEquals(new double[] {119.6, 39.9}, ChinaCrs.CGCS2000.toWgs84(119.6, 39.9));
        assertArrayEquals(new double[] {7.42, 43.73}, ChinaCrs.GCJ02.toWgs84(7.42, 43.73), "Monaco is outside China");
        assertEquals(ChinaCrs.GCJ02, ChinaCrs.parse("GCJ-02"));
        assertEquals(ChinaCrs.WGS84, ChinaCrs.parse(null));
    }

    @Test
    void anUnknownSystemIsBadInputNamingTheFieldAndTheValue() {
        InputException refused = assertThrows(InputException.class, () -> ChinaCrs.parse("epsg:3857"));
        assertEquals("crs", refused.field());
        assertTrue(refused.reason().contains("'epsg:3857'") && refused.reason().contains("gcj02"), refused.reason());
    }
}
