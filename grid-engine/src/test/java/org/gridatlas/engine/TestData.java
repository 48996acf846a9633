package org.gridatlas.engine;

import java.util.ArrayList;
import java.util.List;
import org.gridatlas.engine.geom.Geoms;
import org.gridatlas.engine.geom.LocalProjection;
import org.gridatlas.engine.model.Barrier;
import org.gridatlas.engine.model.BarrierClass;
import org.gridatlas.engine.model.BarrierKind;
import org.gridatlas.engine.model.Building;
import org.gridatlas.engine.model.BuildingUse;
import org.gridatlas.engine.model.Campus;
import org.gridatlas.engine.model.CampusKind;
import org.gridatlas.engine.model.Community;
import org.gridatlas.engine.model.CommunityKind;
import org.gridatlas.engine.model.Dataset;
import org.gridatlas.engine.model.Unit;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/** Builds small datasets in metres on a local plane, stored in lon/lat like real input. */
public final class TestData {
    public static final LocalProjection PLANE = new LocalProjection(119.6, 39.93);
    public static final String CODE = "990101001001";

    private final List<Community> communities = new ArrayList<>();
    private final List<Building> buildings = new ArrayList<>();
    private final List<Barrier> barriers = new ArrayList<>();
    private final List<Campus> campuses = new ArrayList<>();

    public static Polygon rect(double x, double y, double w, double h) {
        return Geoms.METRIC.createPolygon(new Coordinate[] {
            new Coordinate(x, y),
            new Coordinate(x + w, y),
            new Coordinate(x + w, y + h),
            new Coordinate(x, y + h),
            new Coordinate(x, y)
        });
    }

    public TestData community(String code, Geometry metric) {
        communities.add(new Community(
                code,
                "社区" + code.substring(9),
                CommunityKind.URBAN,
                code.substring(0, 9),
                "街道",
                code.substring(0, 6),
                "区",
                PLANE.toLonLat(metric)));
        return this;
    }

    public TestData building(String id, int households, Geometry metric, String compound, Unit... units) {
        buildings.add(new Building(
                id,
                households,
                false,
                BuildingUse.RESIDENTIAL,
                compound,
                6,
                null,
                List.of(units),
                PLANE.toLonLat(metric)));
        return this;
    }

    public TestData road(BarrierClass cls, Coordinate... metric) {
        barriers.add(new Barrier(BarrierKind.ROAD, cls, PLANE.toLonLat(Geoms.METRIC.createLineString(metric))));
        return this;
    }

    public TestData campus(String id, Geometry metric) {
        campuses.add(new Campus(id, "学校", CampusKind.SCHOOL, PLANE.toLonLat(metric)));
        return this;
    }

    public Dataset build() {
        return new Dataset(communities, buildings, barriers, campuses, List.of(), List.of(), List.of());
    }

    /** A 600 × 400 m community cut by a north–south road, 24 buildings of 50 households in rows. */
    public static Dataset blocksAndRoad() {
        TestData t = new TestData().community(CODE, rect(0, 0, 600, 400));
        t.road(BarrierClass.MAJOR, new Coordinate(300, 0), new Coordinate(300, 400));
        int n = 0;
        for (int side = 0; side < 2; side++) {
            for (int row = 0; row < 4; row++) {
                for (int col = 0; col < 3; col++) {
                    t.building("b" + (++n), 50, rect(20 + side * 300 + col * 90, 20 + row * 95, 60, 15), null);
                }
            }
        }
        return t.build();
    }
}
