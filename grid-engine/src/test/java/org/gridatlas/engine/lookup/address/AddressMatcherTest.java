package org.gridatlas.engine.lookup.address;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.gridatlas.engine.geom.Geoms;
import org.gridatlas.engine.model.Alias;
import org.gridatlas.engine.model.AliasKind;
import org.gridatlas.engine.model.Assignment;
import org.gridatlas.engine.model.Building;
import org.gridatlas.engine.model.BuildingUse;
import org.gridatlas.engine.model.Community;
import org.gridatlas.engine.model.CommunityKind;
import org.gridatlas.engine.model.Grid;
import org.gridatlas.engine.model.GridKind;
import org.gridatlas.engine.model.GridLevel;
import org.gridatlas.engine.model.StreetAddress;
import org.gridatlas.engine.model.Unit;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

/**
 * A small gazetteer written by hand: two communities of one street, a compound 建设里小区 (buildings
 * 1–3, building 3 divided between two grids by unit), a compound 阳光花园 in each community (the
 * same name twice), walk-ups on 文化路 and 海滨路.
 */
class AddressMatcherTest {
    private static final String C1 = "130302001001", C2 = "130302001002";
    private static final String G1 = C1 + "001", G2 = C1 + "002", G3 = C2 + "001";
    private final List<Building> buildings = new ArrayList<>();
    private final List<Assignment> assignments = new ArrayList<>();
    private final AddressMatcher matcher;

    /** The hand-written gazetteer's matcher, for other tests of the matcher. */
    static AddressMatcher handWrittenMatcher() {
        return new AddressMatcherTest().matcher;
    }

    AddressMatcherTest() {
        building("b1", "文化路", "128", "建设里小区", "1", G1);
        building("b2", "文化路", "128", "建设里小区", "2", G1);
        building("b3", "文化路", "128", "建设里小区", "3", null);
        assignments.add(new Assignment("b3#1", G1));
        assignments.add(new Assignment("b3#2", G2));
        building("b4", "文化路", "131", null, null, G2);
        building("b5", "海滨路", "7", "阳光花园", "1", G2);
        building("b6", "民族路", "20", "阳光花园", "1", G3);
        building("b7", "海滨路", "9", null, null, G3);
        building("b8", "海滨路", "甲9", null, null, G2);
        building("b9", "民族路", "30", "和平嘉园", "1", G3);
        building("b10", "民族路", "40", "望海北区", "1", G3);
        building("b11", "民族路", "50", "望海苑", "1", G2);
        List<Community> communities = List.of(community(C1, "建设里社区"), community(C2, "海滨社区"));
        List<Grid> grids = List.of(grid(G1, C1), grid(G2, C1), grid(G3, C2));
        matcher = new AddressMatcher(new Gazetteer(
                communities, buildings, List.of(new Alias("港务局宿舍", AliasKind.COMPOUND, "建设里小区")), grids, assignments));
    }

    private void building(String id, String road, String number, String compound, String no, String grid) {
        String full = "海港区文化路街道" + road + number + "号" + (compound == null ? "" : compound + no + "号楼");
        buildings.add(new Building(
                id,
                24,
                false,
                BuildingUse.RESIDENTIAL,
                compound,
                6,
                StreetAddress.of(full, road, number, compound, no),
                List.of(new Unit("1", 12), new Unit("2", 12)),
                Geoms.LONLAT.createPoint(new Coordinate(119.6, 39.93))));
        if (grid != null) assignments.add(new Assignment(id, grid));
    }

    private static Community community(String code, String name) {
        return new Community(code, name, CommunityKind.URBAN, code.substring(0, 9), "文化路街道", "130302", "海港区", null);
    }

    private static Grid grid(String code, String community) {
        return new Grid(
                code,
                GridLevel.GRID,
                GridKind.COMMUNITY,
                community,
                community.substring(0, 9),
                300,
                3,
                1e4,
                null,
                List.of(),
                null);
    }

    @Test
    void aHotlineTicketFindsTheBuildingThroughTheWordsAroundIt() {
        AddressMatch m = matcher.match("市民来电反映文化路128号建设里小区二号楼二单元门口垃圾堆放");
        assertEquals(MatchLevel.UNIT, m.level());
        assertEquals(G1, m.gridCode());
        assertEquals("b2", m.buildingId());
        assertEquals("文化路", m.parsed().road());
        assertEquals("128", m.parsed().houseNumber());
        assertEquals("2", m.parsed().unit());
        assertEquals(1.0, m.confidence());
    }

    @Test
    void theDashFormAndTheShortNameReadAsBuildingUnitAndRoom() {
        AddressMatch m = matcher.match("建设里3-2-401");
        assertEquals(MatchLevel.UNIT, m.level());
        assertEquals(G2, m.gridCode(), "unit 2 of building 3 lies in the second grid");
        assertEquals(
                List.of("3", "2", "401"),
                List.of(m.parsed().building(), m.parsed().unit(), m.parsed().room()));
        assertTrue(m.confidence() < 1, "a short name counts a little less");
    }

    @Test
    void aBuildingDividedBetweenGridsWithoutItsUnitGivesBothGridsAndNoGrid() {
        AddressMatch m = matcher.match("建设里小区3栋");
        assertEquals(MatchLevel.BUILDING, m.level());
        assertNull(m.gridCode());
        assertEquals(List.of(G1, G2), m.candidates());
        assertTrue(m.reason().contains("unit"), m.reason());
    }

    @Test
    void aCompoundWithoutTheBuildingIsAGridOnlyWhenItLiesInOne() {
        AddressMatch m = matcher.match("建设里小区门口");
        assertEquals(MatchLevel.COMPOUND, m.level());
        assertNull(m.gridCode(), "建设里小区 lies in two grids");
        assertEquals(List.of(G1, G2), m.candidates());
        AddressMatch former = matcher.match("港务局宿舍1号楼");
        assertEquals(MatchLevel.BUILDING, former.level());
        assertEquals(G1, former.gridCode(), "a former name finds the compound");
    }

    @Test
    void aNameTwoCompoundsShareNeedsTheCommunityOrTheDoor() {
        AddressMatch both = matcher.match("阳光花园1号楼");
        assertNull(both.gridCode());
        assertEquals(2, both.alternatives().size());
        assertTrue(both.reason().contains("2 compounds"), both.reason());
        assertEquals(G3, matcher.match("海滨社区阳光花园1号楼").gridCode());
        assertEquals(G2, matcher.match("海滨路7号阳光花园1号楼").gridCode());
    }

    @Test
    void aDoorOnTheRoadFindsItsBuilding() {
        AddressMatch m = matcher.match("群众反映文化路131号楼道堆放杂物");
        assertEquals("b4", m.buildingId());
        assertEquals(G2, m.gridCode());
        assertEquals("b8", matcher.match("海滨路甲9号门前").buildingId(), "甲9 is a door of its own");
        assertEquals("b7", matcher.match("海滨路9号门前").buildingId());
        AddressMatch missing = matcher.match("文化路999号");
        assertNull(missing.gridCode());
        assertTrue(
                missing.notes().contains("no door 999 on 文化路"), missing.notes().toString());
    }

    @Test
    void aMisspeltNameIsFoundWhenOneNameIsClosest() {
        AddressMatch m = matcher.match("建没里小区1号楼");
        assertEquals(G1, m.gridCode());
        assertTrue(m.confidence() < 0.95, "a misspelt name counts less: " + m.confidence());
    }

    @Test
    void aHomophoneTypedByTheInputMethodOrADroppedCharacterLeavesOneName() {
        AddressMatch homophone = matcher.match("和平家园1号楼");
        assertEquals(G3, homophone.gridCode(), "和平家园 is 和平嘉园 typed by its sound: " + homophone);
        assertTrue(homophone.confidence() < 0.95, "a misspelt name counts less: " + homophone.confidence());
        assertEquals(G3, matcher.match("河平嘉园1号楼").gridCode(), "河 for 和 in a two-character stem: the same sound");
        assertNull(matcher.match("红平嘉园1号楼").gridCode(), "红 for 和 is another name, not a slip");
        assertEquals(G3, matcher.match("和嘉园1号楼").gridCode(), "one character of the stem left out");
    }

    @Test
    void twoNamesEquallyNearLeaveTheTextMeaningNeither() {
        AddressMatch m = matcher.match("望海北1号楼");
        assertNull(m.gridCode(), "望海北区 with 区 left out, or 望海苑 with 苑 wrong: " + m);
        assertEquals(List.of(G2, G3), m.candidates());
    }

    @Test
    void onlyACommunityOrNothingKnownGivesNoGrid() {
        AddressMatch c = matcher.match("建设里社区附近");
        assertEquals(MatchLevel.COMMUNITY, c.level());
        assertNull(c.gridCode());
        assertEquals(List.of(G1, G2), c.candidates());
        AddressMatch district = matcher.match("海港区");
        assertEquals(MatchLevel.NONE, district.level());
        assertTrue(district.reason().contains("district"), district.reason());
        AddressMatch elsewhere = matcher.match("南京东路100号");
        assertEquals(MatchLevel.NONE, elsewhere.level());
        assertTrue(elsewhere.reason().contains("南京东路"), elsewhere.reason());
        assertEquals(MatchLevel.NONE, matcher.match("   ").level());
    }

    @Test
    void aCommunityThatContradictsTheCompoundWithholdsTheGrid() {
        AddressMatch m = matcher.match("海滨社区建设里小区1号楼");
        assertNull(m.gridCode(), "the compound is in 建设里社区: the text's community disagrees");
        assertEquals(List.of(G1), m.candidates());
        assertTrue(m.reason().contains("海滨社区"), m.reason());
        assertTrue(m.confidence() < 0.7, "a disagreement lowers the confidence: " + m.confidence());
    }

    @Test
    void aPartTheMatchDoesNotHaveWithholdsTheGridAndSaysWhich() {
        AddressMatch building = matcher.match("建设里小区45号楼门口");
        assertNull(building.gridCode());
        assertEquals(List.of(G1, G2), building.candidates());
        assertTrue(building.reason().contains("no building 45 in 建设里小区"), building.reason());

        AddressMatch road = matcher.match("市民反映光明北路12号建设里小区1号楼漏水");
        assertNull(road.gridCode());
        assertEquals(List.of(G1), road.candidates());
        assertTrue(road.reason().contains("no road 光明北路"), road.reason());

        AddressMatch door = matcher.match("文化路999号建设里小区1号楼");
        assertNull(door.gridCode());
        assertTrue(door.reason().contains("no door 999 on 文化路"), door.reason());

        AddressMatch otherDoor = matcher.match("海滨路7号建设里小区1号楼");
        assertNull(otherDoor.gridCode());
        assertTrue(otherDoor.reason().contains("door 7 of 海滨路 is not 建设里小区's"), otherDoor.reason());

        AddressMatch unit = matcher.match("文化路131号5单元");
        assertNull(unit.gridCode());
        assertTrue(unit.reason().contains("no unit 5"), unit.reason());

        assertEquals(G1, matcher.match("文化路128号建设里小区1号楼").gridCode(), "every part agrees");
    }
}
