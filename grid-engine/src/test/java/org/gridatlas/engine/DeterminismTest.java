package org.gridatlas.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.gridatlas.engine.model.Dataset;
import org.gridatlas.engine.model.Delineation;
import org.gridatlas.engine.partition.Bounds;
import org.gridatlas.fixtures.CityGenerator;
import org.gridatlas.fixtures.Slow;
import org.junit.jupiter.api.Test;

/**
 * The same input gives the same grids, vertex for vertex, every time: a planner who runs it again
 * gets the codes and lines she had. (Before the polygonizer's faces were put in a fixed order, a
 * 60,000-household city gave three different results in three runs in one JVM.)
 */
@Slow
class DeterminismTest {
    @Test
    void theSameCityGivesTheSameGridsEveryTime() {
        Dataset city = CityGenerator.generate(60_000, 1);
        List<String> runs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Delineation r = new Delineator(Bounds.DEFAULT).delineate(city);
            StringBuilder b = new StringBuilder();
            r.grids()
                    .forEach(g -> b.append(g.code())
                            .append(' ')
                            .append(g.households())
                            .append(' ')
                            .append(g.geometry().toText())
                            .append('\n'));
            r.assignments()
                    .forEach(a -> b.append(a.buildingKey())
                            .append('>')
                            .append(a.gridCode())
                            .append('\n'));
            runs.add(b.toString());
        }
        assertEquals(runs.get(0), runs.get(1));
        assertEquals(runs.get(0), runs.get(2));
    }
}
