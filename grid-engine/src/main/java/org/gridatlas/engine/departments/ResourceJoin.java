package org.gridatlas.engine.departments;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gridatlas.engine.lookup.GridLocator;
import org.gridatlas.engine.model.DepartmentResource;

/**
 * Joins a department's points to the grid each stands in, by the lookups' own locator and rule (on
 * a boundary between grids: the grid with the lowest code), so that a resource and an appeal at the
 * same spot always land in the same grid.
 */
public final class ResourceJoin {
    private final GridLocator locator;

    public ResourceJoin(GridLocator locator) {
        this.locator = locator;
    }

    public ResourcesInGrids join(List<DepartmentResource> resources) {
        GridLocator.Hit[] hits = new GridLocator.Hit[resources.size()];
        // the locator is immutable and answers from any thread
        java.util.stream.IntStream.range(0, hits.length)
                .parallel()
                .forEach(i -> hits[i] = locator.locate(
                        resources.get(i).point().getX(),
                        resources.get(i).point().getY()));
        Map<String, List<DepartmentResource>> byGrid = new TreeMap<>();
        List<DepartmentResource> outside = new ArrayList<>();
        for (int i = 0; i < hits.length; i++) {
            if (hits[i] == null) outside.add(resources.get(i));
            else
                byGrid.computeIfAbsent(hits[i].grid().code(), k -> new ArrayList<>())
                        .add(resources.get(i));
        }
        return new ResourcesInGrids(byGrid, outside);
    }
}
