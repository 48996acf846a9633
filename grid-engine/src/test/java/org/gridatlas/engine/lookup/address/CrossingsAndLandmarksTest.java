package org.gridatlas.engine.lookup.address;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gridatlas.engine.geom.Geoms;
import org.gridatlas.engine.model.Barrier;
import org.gridatlas.engine.model.BarrierClass;
import org.gridatlas.engine.model.BarrierKind;
import org.gridatlas.engine.model.Community;
import org.gridatlas.engine.model.CommunityKind;
import org.gridatlas.engine.model.Grid;
import org.gridatlas.engine.model.GridKind;
import org.gridatlas.engine.model.GridLevel;
import org.gridatlas.engine.model.Poi;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/**
 * Four square grids (about 450 m a side) around the crossing of 建设路 (east–west) and 和平街
 * (north–south); 光明路 runs east–west far north, away from 和平街's end; 实验小学 lies inside the
 * north-east grid, 人民医院 spans the two eastern grids, two schools are called 第一中学.
 */
class CrossingsAndLandmarksTest {
    private static final double X = 119.6, Y = 39.93, D = 0.005;
    private static final String C = "130302001001", NE = C + "001", NW = C + "002", SE = C + "003", SW = C + "004";

    private final AddressMatcher matcher = new AddressMatcher(new Gazetteer(
            List.of(new Community(C, "建设里社区", CommunityKind.URBAN, "130302001", "文化路街道", "130302", "海港区", null)),
            List.of(),
            List.of(),
            List.of(grid(NE, 0, 0), grid(NW, -1, 0), grid(SE, 0, -1), grid(SW, -1, -1)),
            List.of(),
            List.of(
                    road("建设路", X - D, Y, X + D, Y),
                    road("和平街", X, Y - D, X, Y + D),
                    road("光明路", X + 0.002, Y + 0.004, X + 0.004, Y + 0.004)),
            List.of(
                    new Poi("p1", "实验小学", "school", List.of("实小"), box(X + 0.001, Y + 0.001, 0.001)),
                    new Poi("p2", "人民医院", "hospital", List.of(), box(X + 0.002, Y - 0.0005, 0.001)),
                    new Poi("p3", "第一中学", "school", List.of(), box(X - 0.003, Y + 0.002, 0.0005)),
                    new Poi("p4", "第一中学", "school", List.of(), box(X - 0.003, Y - 0.003, 0.0005)),
                    new Poi(
                            "p5",
                            "农贸市场",
                            "market",
                            List.of(),
                            Geoms.LONLAT.createPoint(new Coordinate(X - 0.002, Y + 0.001))))));

    @Test
    void aCrossingWithItsCornerIsTheGridOnThatCorner() {
        AddressMatch m = matcher.match("建设路与和平街交叉口东北角垃圾堆放");
        assertEquals(MatchLevel.CROSSING, m.level());
        assertEquals(NE, m.gridCode());
        assertEquals("建设路/和平街", m.parsed().crossing());
        assertEquals("东北", m.parsed().position());
        assertEquals(SW, matcher.match("建设路和平街口西南角").gridCode(), "A路B街口 is a crossing too");
        assertEquals(SE, matcher.match("和平街与建设路交汇处东南侧").gridCode());
    }

    @Test
    void aCrossingWithoutItsCornerGivesTheGridsAround() {
        AddressMatch m = matcher.match("群众反映建设路与和平街十字路口红绿灯坏了");
        assertNull(m.gridCode());
        assertEquals(List.of(NE, NW, SE, SW), m.candidates());
        assertTrue(m.reason().contains("within 60 m"), m.reason());
    }

    @Test
    void roadsThatNeverMeetAreNoCrossing() {
        AddressMatch m = matcher.match("光明路与和平街交叉口");
        assertEquals(MatchLevel.NONE, m.level());
        assertNull(m.gridCode());
        assertTrue(m.reason().contains("光明路 and 和平街 do not meet"), m.reason());
    }

    @Test
    void aLandmarkIsTheGridItLiesInOrAtItsGate() {
        AddressMatch school = matcher.match("市民来电反映实验小学门口有人占道经营");
        assertEquals(MatchLevel.LANDMARK, school.level());
        assertEquals(NE, school.gridCode());
        assertEquals("实验小学", school.parsed().landmark());
        assertEquals(NE, matcher.match("实小旁边").gridCode(), "an alias of the landmark");
        assertEquals(NW, matcher.match("农贸市场附近").gridCode(), "a point landmark");

        AddressMatch hospital = matcher.match("人民医院对面");
        assertNull(hospital.gridCode(), "人民医院 spans two grids");
        assertEquals(List.of(NE, SE), hospital.candidates());
        assertTrue(hospital.reason().contains("spans 2 grids"), hospital.reason());
        assertEquals(NE, matcher.match("人民医院北门").gridCode());
        assertEquals(SE, matcher.match("人民医院南侧").gridCode());
    }

    @Test
    void twoLandmarksOfOneNameGiveBothAsCandidates() {
        AddressMatch m = matcher.match("第一中学门口");
        assertNull(m.gridCode());
        assertEquals(List.of(NW, SW), m.candidates());
        assertEquals(2, m.alternatives().size());
    }

    private static Grid grid(String code, int col, int row) {
        return new Grid(
                code,
                GridLevel.GRID,
                GridKind.COMMUNITY,
                C,
                C.substring(0, 9),
                400,
                10,
                2e5,
                null,
                List.of(),
                box(X + col * D, Y + row * D, D));
    }

    private static Geometry box(double x, double y, double size) {
        return Geoms.LONLAT.createPolygon(new Coordinate[] {
            new Coordinate(x, y),
            new Coordinate(x + size, y),
            new Coordinate(x + size, y + size),
            new Coordinate(x, y + size),
            new Coordinate(x, y)
        });
    }

    private static Barrier road(String name, double x1, double y1, double x2, double y2) {
        return new Barrier(BarrierKind.ROAD, BarrierClass.MINOR, name, Geoms.LONLAT.createLineString(new Coordinate[] {
            new Coordinate(x1, y1), new Coordinate(x2, y2)
        }));
    }
}
