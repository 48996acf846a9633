package org.gridatlas.engine.partition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gridatlas.engine.TestData;
import org.gridatlas.engine.model.Building;
import org.gridatlas.engine.model.BuildingUse;
import org.gridatlas.engine.model.Unit;
import org.gridatlas.engine.partition.AtomBuilder.PlacedBuilding;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;

class AtomBuilderTest {
    private static PlacedBuilding b(String id, int hh, String compound, Geometry metric, Unit... units) {
        return new PlacedBuilding(
                new Building(id, hh, false, BuildingUse.RESIDENTIAL, compound, 6, null, List.of(units), metric),
                metric);
    }

    @Test
    void aCompoundWithinTheMaximumIsOneAtom() {
        List<Atom> atoms = AtomBuilder.build(
                List.of(
                        b("a", 200, "c1", TestData.rect(0, 0, 10, 10)),
                        b("b", 200, "c1", TestData.rect(20, 0, 10, 10)),
                        b("c", 50, null, TestData.rect(40, 0, 10, 10))),
                Bounds.DEFAULT);
        assertEquals(2, atoms.size());
        assertEquals(400, atoms.get(0).households() + atoms.get(1).households() - 50);
    }

    @Test
    void aCompoundOverTheMaximumFallsApartIntoBuildings() {
        List<Atom> atoms = AtomBuilder.build(
                List.of(
                        b("a", 300, "c1", TestData.rect(0, 0, 10, 10)),
                        b("b", 300, "c1", TestData.rect(20, 0, 10, 10))),
                Bounds.DEFAULT);
        assertEquals(2, atoms.size());
        assertTrue(atoms.stream().allMatch(Atom::fromSplitCompound));
    }

    @Test
    void aHeavyBuildingWithUnitsIsSlicedByUnit() {
        Geometry fp = TestData.rect(0, 0, 90, 15);
        List<Atom> atoms = AtomBuilder.build(
                List.of(b("t", 900, null, fp, new Unit("1", 300), new Unit("2", 300), new Unit("3", 300))),
                Bounds.DEFAULT);
        assertEquals(3, atoms.size());
        double area = atoms.stream()
                .mapToDouble(a -> a.pieces().get(0).footprint().getArea())
                .sum();
        assertEquals(fp.getArea(), area, 0.01, "the slices tile the footprint");
        assertEquals("t#2", atoms.get(1).pieces().get(0).key());
    }

    @Test
    void aHeavyBuildingWithoutUnitsStaysWholeAndIsMarked() {
        List<Atom> atoms = AtomBuilder.build(List.of(b("h", 600, null, TestData.rect(0, 0, 30, 30))), Bounds.DEFAULT);
        assertEquals(1, atoms.size());
        assertTrue(atoms.get(0).heavyWithoutUnits());
    }

    @Test
    void overlappingFootprintsAreTied() {
        List<Atom> atoms = AtomBuilder.build(
                List.of(
                        b("a", 10, null, TestData.rect(0, 0, 20, 20)),
                        b("b", 10, null, TestData.rect(10, 10, 20, 20)),
                        b("c", 10, null, TestData.rect(50, 0, 10, 10))),
                Bounds.DEFAULT);
        assertEquals(2, atoms.size());
        assertEquals(20, atoms.get(0).households());
    }
}
