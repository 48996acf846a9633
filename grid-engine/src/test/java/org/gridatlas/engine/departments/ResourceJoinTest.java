package org.gridatlas.engine.departments;

import static org.gridatlas.engine.TestData.PLANE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.gridatlas.engine.lookup.CellGridIndex;
import org.gridatlas.engine.lookup.PointInGridIndex;
import org.gridatlas.engine.model.Community;
import org.gridatlas.engine.model.CommunityKind;
import org.gridatlas.engine.model.DepartmentResource;
import org.gridatlas.engine.model.Grid;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;

class ResourceJoinTest {
    static DepartmentResource at(String id, String type, String department, double x, double y) {
        return new DepartmentResource(id, type, id, department, Map.of(), (Point)
                PLANE.toLonLat(org.gridatlas.engine.geom.Geoms.METRIC.createPoint(new Coordinate(x, y))));
    }

    static final List<DepartmentResource> POINTS = List.of(
            at("c1", "camera", "公安", 50, 50),
            at("c2", "camera", "公安", 100, 50),
            at("h1", "hydrant", "消防", 150, 50),
            at("c3", "camera", "公安", 350, 50),
            at("far", "camera", "公安", 2000, 2000));

    @Test
    void aPointOnTheLineBetweenGridsGoesToTheLowestCodeAsALookupDoes() {
        for (var locator :
                List.of(new PointInGridIndex(CrosswalkTest.GRIDS), new CellGridIndex(CrosswalkTest.GRIDS).ready())) {
            ResourcesInGrids r = new ResourceJoin(locator).join(POINTS);
            // c2 stands on the A/B line: A (…001) has the lower code
            assertEquals(
                    Map.of(
                            CrosswalkTest.A,
                            List.of("c1", "c2"),
                            CrosswalkTest.B,
                            List.of("h1"),
                            CrosswalkTest.D,
                            List.of("c3")),
                    r.byGrid().entrySet().stream()
                            .collect(Collectors.toMap(
                                    Map.Entry::getKey,
                                    e -> e.getValue().stream()
                                            .map(DepartmentResource::id)
                                            .toList())));
            assertEquals(
                    List.of("far"),
                    r.outside().stream().map(DepartmentResource::id).toList());
        }
    }

    @Test
    void countsRollUpFromGridToDistrict() {
        ResourcesInGrids r = new ResourceJoin(new PointInGridIndex(CrosswalkTest.GRIDS)).join(POINTS);
        Community c = new Community("990101001001", "社区", CommunityKind.URBAN, "990101001", "街道", "990101", "区", null);
        List<String> counts = r
                .rollUp(
                        CrosswalkTest.GRIDS.stream().collect(Collectors.toMap(Grid::code, Function.identity())),
                        Map.of(c.code(), c))
                .stream()
                .map(x -> x.level() + " " + x.code() + " " + x.type() + " " + x.department() + " " + x.count())
                .toList();
        assertEquals(
                List.of(
                        "grid 990101001001001 camera 公安 2",
                        "grid 990101001001002 hydrant 消防 1",
                        "grid 990101001001004 camera 公安 1",
                        "community 990101001001 camera 公安 3",
                        "community 990101001001 hydrant 消防 1",
                        "street 990101001 camera 公安 3",
                        "street 990101001 hydrant 消防 1",
                        "district 990101 camera 公安 3",
                        "district 990101 hydrant 消防 1"),
                counts);
    }
}
