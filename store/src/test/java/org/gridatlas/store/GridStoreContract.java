package org.gridatlas.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridatlas.engine.Delineator;
import org.gridatlas.engine.edit.CommunityState;
import org.gridatlas.engine.edit.EditRefused;
import org.gridatlas.engine.edit.GridEdit;
import org.gridatlas.engine.edit.GridEditor;
import org.gridatlas.engine.errors.InputException;
import org.gridatlas.engine.model.Alias;
import org.gridatlas.engine.model.AliasKind;
import org.gridatlas.engine.model.Assignment;
import org.gridatlas.engine.model.Building;
import org.gridatlas.engine.model.Community;
import org.gridatlas.engine.model.Dataset;
import org.gridatlas.engine.model.Delineation;
import org.gridatlas.engine.model.DepartmentResource;
import org.gridatlas.engine.model.DepartmentUnit;
import org.gridatlas.engine.model.Grid;
import org.gridatlas.engine.model.StreetAddress;
import org.gridatlas.engine.partition.Bounds;
import org.gridatlas.engine.partition.RuralRule;
import org.gridatlas.fixtures.EdgeCases;
import org.junit.jupiter.api.Test;

/** What every {@link GridStore} must do; each implementation's test supplies a fresh, empty store. */
abstract class GridStoreContract {
    protected abstract GridStore store();

    static final Dataset DATA = EdgeCases.twoBlocksAlongARoad();
    static final Delineation RESULT = new Delineator(Bounds.DEFAULT).delineate(DATA);

    @Test
    void previewsAreKeptUntilTheyExpireOrAreRemoved() {
        store().replace(DATA, RESULT, "edge case");
        Instant now = Instant.now();
        String community = DATA.communities().get(0).code();
        StoredPreview live = new StoredPreview(
                "p-live",
                community,
                3,
                "王规划",
                "merge two small grids",
                now,
                now.plus(Duration.ofHours(2)),
                RESULT.grids(),
                RESULT.assignments(),
                "{\"kept\":[]}",
                "{\"passed\":true}");
        store().putPreview(live);
        store().putPreview(new StoredPreview(
                "p-old",
                community,
                1,
                "王规划",
                null,
                now.minus(Duration.ofHours(3)),
                now.minus(Duration.ofHours(1)),
                RESULT.grids(),
                RESULT.assignments(),
                "{}",
                "{}"));
        StoredPreview back = store().preview("p-live").orElseThrow();
        assertEquals(
                List.of(community, 3L, "王规划", "merge two small grids", "{\"kept\":[]}", "{\"passed\":true}"),
                List.of(
                        back.communityCode(),
                        back.baseVersion(),
                        back.author(),
                        back.reason(),
                        back.changeJson(),
                        back.verificationJson()));
        assertEquals(
                RESULT.grids().stream().map(Grid::code).sorted().toList(),
                back.grids().stream().map(Grid::code).sorted().toList());
        assertEquals(RESULT.assignments().size(), back.assignments().size());
        assertTrue(store().preview("p-old").isEmpty(), "an expired preview is gone");
        assertTrue(store().preview("nobody").isEmpty());
        store().removePreview("p-live");
        assertTrue(store().preview("p-live").isEmpty(), "a committed preview is gone");
    }

    @Test
    void keepsACommunitysShapeAsGivenBesideItsCleanedOne() {
        Dataset neck = EdgeCases.neckClosedByCleaning();
        Community given = neck.communities().get(0);
        assertEquals(
                List.of(2, 1),
                List.of(given.geometry().getNumGeometries(), given.given().getNumGeometries()),
                "cleaning closed the neck");
        store().replace(neck, new Delineator(Bounds.DEFAULT).delineate(neck), "neck");
        Community back = store().load().communities().get(0);
        assertTrue(back.geometry().equalsExact(given.geometry()), "cleaned: " + back.geometry());
        assertTrue(back.given().equalsExact(given.given()), "one polygon, its neck as given: " + back.given());
    }

    @Test
    void anEditOfAStoredCommunityJoinsNoGridAcrossANeckCleaningClosed() {
        Dataset neck = EdgeCases.neckClosedByCleaning();
        store().replace(neck, new Delineator(Bounds.DEFAULT).delineate(neck), "neck");
        StoredState s = store().load();
        CommunityState community =
                new CommunityState(s.communities().get(0), s.buildings(), s.barriers(), s.grids(), s.assignments());
        GridEditor editor = new GridEditor(Bounds.DEFAULT, RuralRule.DEFAULT);
        GridEditor.Result rerun = editor.apply(community, new GridEdit.Rerun(Set.of()), Set.of());
        // each side of the neck its own grid: rule 3 counts one part, so no grid may be in two
        assertEquals(
                List.of("Polygon", "Polygon"),
                rerun.grids().stream().map(g -> g.geometry().getGeometryType()).toList());
        EditRefused merge = assertThrows(
                EditRefused.class,
                () -> editor.apply(
                        community,
                        new GridEdit.MergeGrids(
                                s.grids().get(0).code(), s.grids().get(1).code()),
                        Set.of()));
        assertTrue(merge.getMessage().endsWith("are not neighbours"), merge.getMessage());
    }

    @Test
    void keepsAddressPartsAliasesAndReportsSentByAddress() {
        Building first = DATA.buildings().get(0);
        StreetAddress address = StreetAddress.of("海港区文化路街道建设里社区文化路128号建设里小区3号楼", "文化路", "128", "建设里小区", "3");
        List<Building> buildings = new ArrayList<>(DATA.buildings());
        buildings.set(
                0,
                new Building(
                        first.id(),
                        first.households(),
                        first.householdsMissing(),
                        first.use(),
                        first.compoundId(),
                        first.floors(),
                        address,
                        first.units(),
                        first.geometry()));
        List<Alias> aliases =
                List.of(new Alias("港务局宿舍", AliasKind.COMPOUND, "建设里小区"), new Alias("文化街", AliasKind.ROAD, "文化路"));
        org.gridatlas.engine.model.Poi landmark = new org.gridatlas.engine.model.Poi(
                "p1",
                "实验小学",
                "school",
                List.of("实小"),
                first.geometry().getCentroid().buffer(0.0002, 2));
        org.gridatlas.engine.model.Campus campus = new org.gridatlas.engine.model.Campus(
                "c1",
                "第一中学",
                org.gridatlas.engine.model.CampusKind.SCHOOL,
                first.geometry().getCentroid().buffer(0.0003, 2));
        store().replace(
                        new Dataset(
                                DATA.communities(),
                                buildings,
                                DATA.barriers(),
                                List.of(campus),
                                DATA.hamlets(),
                                aliases,
                                List.of(),
                                List.of(landmark)),
                        RESULT,
                        "addresses");
        StoredState s = store().load();
        assertEquals(
                List.of("c1 第一中学 school", "p1 实验小学 school"),
                s.pois().stream()
                        .map(p -> p.id() + " " + p.name() + " " + p.kind())
                        .sorted()
                        .toList(),
                "the landmarks are kept, and a campus is one by its own name");
        org.gridatlas.engine.model.Poi kept =
                s.pois().stream().filter(p -> p.id().equals("p1")).findFirst().orElseThrow();
        assertEquals(
                List.of(landmark.id(), landmark.name(), landmark.kind(), landmark.aliases()),
                List.of(kept.id(), kept.name(), kept.kind(), kept.aliases()));
        assertEquals(landmark.geometry().getArea(), kept.geometry().getArea(), 1e-12);
        assertEquals(
                address,
                s.buildings().stream()
                        .filter(b -> b.id().equals(first.id()))
                        .findFirst()
                        .orElseThrow()
                        .address());
        assertEquals(
                aliases,
                s.aliases().stream()
                        .sorted(java.util.Comparator.comparing(Alias::alias).reversed())
                        .toList());

        Instant now = Instant.now();
        String grid = RESULT.grids().get(0).code();
        assertTrue(store().addReport(new Report(
                "by-address",
                now,
                "litter",
                null,
                null,
                null,
                "垃圾",
                grid,
                now,
                "建设里小区3号楼",
                "{\"match_level\":\"building\"}",
                ReportSource.WECHAT,
                ReportStatus.RECEIVED,
                now,
                false)));
        Report back = store().report("by-address").orElseThrow();
        assertNull(back.lon());
        assertEquals(List.of("建设里小区3号楼", grid), List.of(back.address(), back.gridCode()));
        assertTrue(back.addressMatch().contains("building"), back.addressMatch());
        assertEquals(
                1, store().reportCounts(now.minusSeconds(1), now.plusSeconds(1)).get(grid));
    }

    @Test
    void aReportMovesOnlyAsItsLifeAllowsAndKeepsEveryStep() {
        store().replace(DATA, RESULT, "edge case");
        Instant t0 = Instant.parse("2026-11-29T08:00:00Z");
        String grid = RESULT.grids().get(0).code();
        Report r = new Report(
                "life-1",
                t0,
                "垃圾",
                119.6,
                39.93,
                "wgs84",
                null,
                grid,
                t0,
                null,
                null,
                ReportSource.HOTLINE_12345,
                ReportStatus.RECEIVED,
                t0,
                false);
        assertTrue(store().addReport(r));
        assertEquals(
                ReportStatus.DISPATCHED,
                store().move("life-1", ReportStatus.DISPATCHED, t0.plusSeconds(60), "网格员", "to the grid")
                        .orElseThrow()
                        .status());
        ReportStatus.IllegalMove illegal = assertThrows(
                ReportStatus.IllegalMove.class,
                () -> store().move("life-1", ReportStatus.CLOSED, t0.plusSeconds(90), "网格员", null));
        assertTrue(
                illegal.getMessage().contains("dispatched")
                        && illegal.getMessage().contains("closed"),
                illegal.getMessage());
        store().move("life-1", ReportStatus.ESCALATED, t0.plusSeconds(120), "网格长", "needs the street");
        Report resolved = store().move("life-1", ReportStatus.RESOLVED, t0.plusSeconds(3600), "街道", null)
                .orElseThrow();
        assertTrue(resolved.escalated(), "once escalated, always counted as escalated");
        assertEquals(t0.plusSeconds(3600), resolved.statusAt());
        Report back = store().report("life-1").orElseThrow();
        assertEquals(
                List.of(ReportStatus.RESOLVED, ReportSource.HOTLINE_12345, true),
                List.of(back.status(), back.source(), back.escalated()));
        assertEquals(
                List.of(ReportStatus.RECEIVED, ReportStatus.DISPATCHED, ReportStatus.ESCALATED, ReportStatus.RESOLVED),
                store().events("life-1").stream().map(ReportEvent::status).toList(),
                "the refused move left no step");
        assertTrue(
                store().move("nobody", ReportStatus.DISPATCHED, t0, "x", null).isEmpty());
        assertEquals(
                List.of("life-1"),
                store().reportsBetween(t0, t0.plusSeconds(1)).stream()
                        .map(Report::id)
                        .toList());
        assertTrue(store().reportsBetween(t0.plusSeconds(1), t0.plusSeconds(2)).isEmpty());
    }

    @Test
    void anEmptyStoreLoadsEmpty() {
        StoredState s = store().load();
        assertTrue(s.grids().isEmpty() && s.communities().isEmpty());
        assertNull(s.run());
    }

    @Test
    void keepsWhatWasStored() {
        long run = store().replace(DATA, RESULT, "edge case");
        StoredState s = store().load();
        assertEquals(DATA.communities().size(), s.communities().size());
        assertEquals(
                DATA.households(),
                s.buildings().stream().mapToInt(b -> b.households()).sum());
        assertEquals(
                RESULT.grids().stream().map(Grid::code).sorted().toList(),
                s.grids().stream().map(Grid::code).sorted().toList());
        assertEquals(RESULT.assignments().size(), s.assignments().size());
        Grid before = RESULT.grids().get(0);
        Grid after = s.grids().stream()
                .filter(g -> g.code().equals(before.code()))
                .findFirst()
                .orElseThrow();
        assertEquals(before.households(), after.households());
        assertEquals(before.geometry().getArea(), after.geometry().getArea(), 1e-12);
        assertEquals(run, s.run().id());
        assertEquals("edge case", s.run().source());
        assertTrue(s.run().reportJson().contains("shareInBounds"));
    }

    @Test
    void aSecondImportReplacesTheFirstAndBothRunsAreKept() {
        store().replace(DATA, RESULT, "first");
        Dataset other = EdgeCases.riverCut();
        Delineation otherResult = new Delineator(Bounds.DEFAULT).delineate(other);
        long second = store().replace(other, otherResult, "second");
        StoredState s = store().load();
        assertEquals(other.buildings().size(), s.buildings().size());
        assertEquals(second, s.run().id());
        assertEquals(
                List.of("first", "second"),
                store().runs().stream().map(RunInfo::source).toList());
    }

    @Test
    void aFailedImportLeavesTheStoreAsItWas() {
        store().replace(DATA, RESULT, "good");
        List<Assignment> broken = new ArrayList<>(RESULT.assignments());
        broken.add(broken.get(0));
        broken.add(null);
        Delineation bad = new Delineation(RESULT.grids(), broken, RESULT.report());
        assertThrows(StoreException.class, () -> store().replace(EdgeCases.riverCut(), bad, "bad"));
        StoredState s = store().load();
        assertEquals(DATA.buildings().size(), s.buildings().size());
        assertEquals(RESULT.assignments().size(), s.assignments().size());
        assertEquals(
                List.of("good"), store().runs().stream().map(RunInfo::source).toList());
    }

    @Test
    void storesReportsAndCountsThemPerGrid() {
        Instant now = Instant.parse("2026-11-23T08:00:00Z");
        String g1 = RESULT.grids().get(0).code(), g2 = RESULT.grids().get(1).code();
        store().addReport(new Report("r1", now, "litter", 119.6, 39.93, "wgs84", "垃圾", g1, now));
        store().addReport(new Report("r2", now.plusSeconds(60), "noise", 119.6, 39.93, "gcj02", "噪音", g1, now));
        store().addReport(new Report("r3", now.plusSeconds(120), "road", 119.6, 39.93, "wgs84", null, g2, now));
        store().addReport(
                        new Report("r4", now.minus(Duration.ofDays(2)), "road", 119.6, 39.93, "wgs84", null, g2, now));
        assertTrue(
                !store().addReport(new Report("r1", now, "again", 119.6, 39.93, "wgs84", null, g2, now)),
                "a second r1 is refused");
        assertEquals(
                List.of("r2", "r1"),
                store().reports(g1, now, 10).stream().map(Report::id).toList());
        assertEquals(3, store().reports(null, now.minusSeconds(1), 10).size());
        assertEquals(1, store().reports(null, null, 1).size());
        assertEquals(java.util.Map.of(g1, 2, g2, 1), store().reportCounts(now, now.plus(Duration.ofHours(1))));
        assertTrue(store().reachable());
    }

    @Test
    void replacesTheStaffListAsAWhole() {
        String g = RESULT.grids().get(0).code();
        store().replaceStaff(List.of(
                new StaffMember(g, StaffMember.CHIEF, "王建国", "13800000001"),
                new StaffMember(g, StaffMember.WORKER, "李芳", null)));
        assertEquals(2, store().staff().size());
        List<StaffMember> bad = new ArrayList<>(List.of(new StaffMember(g, StaffMember.WORKER, "赵六", "1")));
        bad.add(null);
        assertThrows(StoreException.class, () -> store().replaceStaff(bad));
        assertEquals(
                List.of("李芳", "王建国"),
                store().staff().stream().map(StaffMember::name).sorted().toList(),
                "a failed import keeps the old list");
    }

    @Test
    void keepsEachMembersDepartmentAndPartyBranch() {
        String g = RESULT.grids().get(0).code();
        store().replaceStaff(List.of(
                new StaffMember(g, "police_officer", "张警官", "110", "公安", null),
                new StaffMember(g, StaffMember.PARTY_SECRETARY, "刘书记", null, "党群", "建设里第一网格党支部"),
                new StaffMember(g, StaffMember.WORKER, "陈师傅", null, "房管", null)));
        assertEquals(
                java.util.Set.of("police_officer 公安 null", "party_secretary 党群 建设里第一网格党支部", "worker 房管 null"),
                store().staff().stream()
                        .map(m -> m.role() + " " + m.department() + " " + m.branch())
                        .collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void keepsTheZoneGrouping() {
        store().replaceZones(List.of(new Zone("990101001001", "A", "东片区"), new Zone("990101001002", "A", "东片区")));
        assertEquals(2, store().zones().size());
        store().replaceZones(List.of(new Zone("990101001001", "B", "西片区")));
        assertEquals(List.of(new Zone("990101001001", "B", "西片区")), store().zones());
    }

    @Test
    void aCommitReplacesOneCommunityAsItsNextVersion() {
        store().replace(DATA, RESULT, "import");
        String community = DATA.communities().get(0).code();
        long v = store().communityVersion(community);
        assertEquals(1, v, "an import is a version of every community");
        Delineation narrow = new Delineator(new Bounds(150, 250)).delineate(DATA);
        long next = store().commit(new CommunityCommit(
                community, v, narrow.grids(), narrow.assignments(), "王规划", "a finer split", "{\"moves\":[]}"));
        assertEquals(2, next);
        assertEquals(2, store().communityVersion(community));
        StoredState s = store().load();
        assertEquals(narrow.grids().size(), s.grids().size());
        assertEquals(narrow.assignments().size(), s.assignments().size());
        List<CommunityVersion> versions = store().versions(community);
        assertEquals(
                List.of(1L, 2L),
                versions.stream().map(CommunityVersion::version).toList());
        assertEquals("import", versions.get(0).author());
        assertEquals(
                RESULT.grids().size(), versions.get(0).grids().size(), "version 1 keeps the grids before the edit");
        assertEquals("王规划", versions.get(1).author());
        assertEquals(
                narrow.grids().get(0).geometry().getArea(),
                versions.get(1).grids().get(0).geometry().getArea(),
                1e-12);
        assertTrue(store().codesEverUsed(community)
                .containsAll(narrow.grids().stream().map(Grid::code).toList()));
    }

    @Test
    void aStaleCommitIsRefusedAndChangesNothing() {
        store().replace(DATA, RESULT, "import");
        String community = DATA.communities().get(0).code();
        Delineation narrow = new Delineator(new Bounds(150, 250)).delineate(DATA);
        StaleVersionException e = assertThrows(
                StaleVersionException.class,
                () -> store().commit(new CommunityCommit(
                        community, 0, narrow.grids(), narrow.assignments(), "a", null, null)));
        assertEquals(1, e.current());
        assertEquals(RESULT.grids().size(), store().load().grids().size());
        assertTrue(store().versions(community).isEmpty());
        store().replace(DATA, RESULT, "again");
        assertEquals(2, store().communityVersion(community), "a second import makes earlier previews stale too");
    }

    @Test
    void keepsTokenDigestsAndTheAuditLog() {
        Instant t = Instant.parse("2026-11-23T08:00:00Z");
        store().putToken(new AccessToken("alice", "planner", "a".repeat(64), t));
        store().putToken(new AccessToken("alice", "admin", "b".repeat(64), t));
        store().putToken(new AccessToken("bob", "reader", "c".repeat(64), t));
        assertEquals(
                List.of("admin", "reader"),
                store().tokens().stream().map(AccessToken::role).toList(),
                "a name has one token");
        store().audit(new AuditEntry(t, "alice", "commit", "990101001001", "ok", "version 2"));
        store().audit(new AuditEntry(t.plusSeconds(1), "bob", "commit", "990101001001", "refused", "stale"));
        assertEquals(
                List.of("bob", "alice"),
                store().audit(10).stream().map(AuditEntry::actor).toList());
    }

    static DepartmentUnit beat(String id, double x) {
        return new DepartmentUnit(
                id,
                "警务网格" + id,
                "公安",
                org.gridatlas.engine.geom.Geoms.LONLAT.toGeometry(
                        new org.locationtech.jts.geom.Envelope(x, x + 0.01, 39.9, 39.91)));
    }

    static DepartmentResource camera(String id, Map<String, Object> attributes) {
        return new DepartmentResource(
                id,
                "camera",
                "路口" + id,
                "公安",
                attributes,
                org.gridatlas.engine.geom.Geoms.LONLAT.createPoint(
                        new org.locationtech.jts.geom.Coordinate(119.6, 39.93)));
    }

    @Test
    void departmentLayersAreReplacedWholeAsNewVersions() {
        assertTrue(store().departmentLayers().isEmpty());
        DepartmentLayerInfo first = store().replaceUnits(
                        "police-beats", List.of(beat("PB-2", 119.61), beat("PB-1", 119.60)), "beats.geojson");
        assertEquals(
                List.of("police-beats", "units", 1L, 2),
                List.of(first.name(), first.kind().wireName(), first.version(), first.features()));
        List<DepartmentUnit> back = store().units("police-beats");
        assertEquals(
                List.of("PB-1", "PB-2"), back.stream().map(DepartmentUnit::id).toList());
        assertEquals("警务网格PB-1", back.get(0).name());
        assertEquals(
                beat("PB-1", 119.60).geometry().getArea(),
                back.get(0).geometry().getArea(),
                1e-15);
        // the second import replaces the first whole
        DepartmentLayerInfo second =
                store().replaceUnits("police-beats", List.of(beat("PB-9", 119.62)), "beats-v2.geojson");
        assertEquals(2, second.version());
        assertEquals(
                List.of("PB-9"),
                store().units("police-beats").stream().map(DepartmentUnit::id).toList());
        store().replaceResources(
                        "cameras",
                        List.of(camera("C1", Map.of("brand", "海康", "height_m", 6)), camera("C2", Map.of())),
                        "cameras.csv");
        assertEquals(
                List.of("cameras 1 2", "police-beats 2 1"),
                store().departmentLayers().stream()
                        .map(i -> i.name() + " " + i.version() + " " + i.features())
                        .toList());
        List<DepartmentResource> cameras = store().resources("cameras");
        assertEquals(Map.of("brand", "海康", "height_m", 6), cameras.get(0).attributes());
        assertEquals(Map.of(), cameras.get(1).attributes());
        assertEquals(119.6, cameras.get(0).point().getX(), 1e-12);
        assertTrue(store().units("cameras").isEmpty());
    }

    @Test
    void aLayerKeepsItsKindAndABadImportChangesNothing() {
        store().replaceUnits("beats", List.of(beat("PB-1", 119.60)), "a");
        InputException e = assertThrows(
                InputException.class, () -> store().replaceResources("beats", List.of(camera("C1", Map.of())), "b"));
        assertEquals("name", e.field());
        assertEquals("layer beats holds units, not resources: give it another name", e.reason());
        assertThrows(InputException.class, () -> store().replaceUnits("../x", List.of(), "c"));
        // two units with one id: refused, and the layer stays as it was
        e = assertThrows(
                InputException.class,
                () -> store().replaceUnits("beats", List.of(beat("PB-7", 119.6), beat("PB-7", 119.7)), "d"));
        assertEquals("layer beats: id PB-7 twice", e.getMessage());
        assertEquals(
                List.of("PB-1"),
                store().units("beats").stream().map(DepartmentUnit::id).toList());
        assertEquals(1, store().departmentLayers().get(0).version());
    }
}
