package org.gridatlas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.gridatlas.engine.Delineator;
import org.gridatlas.engine.io.DatasetReader;
import org.gridatlas.engine.io.PackedDataset;
import org.gridatlas.engine.model.Building;
import org.gridatlas.engine.model.CommunityKind;
import org.gridatlas.engine.model.Dataset;
import org.gridatlas.engine.model.Grid;
import org.gridatlas.engine.model.GridLevel;
import org.gridatlas.engine.partition.Bounds;
import org.gridatlas.fixtures.DemoDistrict;
import org.gridatlas.fixtures.Fixtures;
import org.gridatlas.store.StaffMember;
import org.junit.jupiter.api.Test;

/** The demo's district as the build packed it into the jar, and the people the demo puts on its grids. */
class DemoDistrictTest {
    @Test
    void theBuildPacksTheGeneratedDistrictWithEveryKindOfPlace() throws Exception {
        Dataset packed = DatasetReader.read(PackedDataset.unpack(DemoCommand.class, "district"));
        Dataset generated = DemoDistrict.generate();
        assertEquals(generated.households(), packed.households(), "the same seed, the same city");
        assertEquals(generated.buildings().size(), packed.buildings().size());
        assertTrue(Math.abs(packed.households() - DemoDistrict.HOUSEHOLDS) < DemoDistrict.HOUSEHOLDS / 10);
        assertTrue(packed.communities().stream().anyMatch(c -> c.kind() == CommunityKind.RURAL), "villages");
        assertTrue(packed.communities().stream().allMatch(c -> c.name().matches("\\p{IsHan}+")), "Chinese names");
        assertTrue(!packed.hamlets().isEmpty()
                && !packed.campuses().isEmpty()
                && !packed.aliases().isEmpty());
        assertTrue(
                packed.buildings().stream()
                        .map(Building::address)
                        .anyMatch(a -> a != null && a.full().matches("海港区.+街道.+社区.+路?.*\\d+号.+\\d+号楼")),
                "compounds with gates on roads and numbered buildings");
        assertTrue(
                packed.barriers().stream()
                        .anyMatch(b -> b.name() != null && b.name().endsWith("河")),
                "a river");
    }

    @Test
    void everyGridHasAChiefWorkersAndTheOtherDepartmentsPeople() {
        List<Grid> grids =
                new Delineator(Bounds.DEFAULT).delineate(Fixtures.smallCity()).grids();
        List<StaffMember> staff = DemoStaff.of(grids, 7);
        Map<String, Long> chiefs = staff.stream()
                .filter(s -> s.role().equals(StaffMember.CHIEF))
                .collect(Collectors.groupingBy(StaffMember::gridCode, Collectors.counting()));
        grids.stream()
                .filter(g -> g.level() == GridLevel.GRID)
                .forEach(g -> assertEquals(1L, chiefs.get(g.code()), g.code()));
        assertTrue(staff.stream().allMatch(s -> StaffMember.ROLES.containsKey(s.role()) && s.department() != null));
        assertEquals(
                StaffMember.ROLES.keySet().stream()
                        .filter(r -> !r.equals("housing_officer"))
                        .collect(Collectors.toSet()),
                staff.stream().map(StaffMember::role).collect(Collectors.toSet()),
                "every department but housing has people on the grids");
        assertEquals(staff, DemoStaff.of(grids, 7), "deterministic for a seed");
    }
}
