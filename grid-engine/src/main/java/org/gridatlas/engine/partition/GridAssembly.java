package org.gridatlas.engine.partition;

import java.util.ArrayList;
import java.util.List;
import org.gridatlas.engine.codes.GridCodeAllocator;
import org.gridatlas.engine.geom.LocalProjection;
import org.gridatlas.engine.model.BuildingKey;
import org.gridatlas.engine.model.Community;
import org.gridatlas.engine.model.Grid;
import org.gridatlas.engine.model.GridFlag;
import org.gridatlas.engine.model.GridKind;
import org.gridatlas.engine.model.GridLevel;
import org.locationtech.jts.geom.Geometry;

/**
 * Makes a community's grids as DATA.md describes them (lon/lat, with their community and street)
 * from what the planner or an edit drew in metres: the one place a {@link Grid} is put together,
 * for a first delineation and for an edit alike.
 */
public final class GridAssembly {
    private final Community community;
    private final LocalProjection projection;

    public GridAssembly(Community community, LocalProjection projection) {
        this.community = community;
        this.projection = projection;
    }

    /** A grid the planner drew, under the code numbering gave it. */
    public Grid grid(String code, DraftGrid draft) {
        return grid(code, draft.kind(), draft.polygon(), draft.households(), draft.buildings(), draft.flags());
    }

    /** A grid of this community: its polygon in metres. */
    public Grid grid(
            String code, GridKind kind, Geometry polygon, int households, int buildings, List<GridFlag> flags) {
        return new Grid(
                code,
                GridLevel.GRID,
                kind,
                community.code(),
                community.streetCode(),
                households,
                buildings,
                polygon.getArea(),
                null,
                flags,
                projection.toLonLat(polygon));
    }

    /** A grid's micro grids, coded after their parent (its code and three digits) in reading order. */
    public List<Grid> microGrids(String parent, List<DraftGrid> micro) {
        List<String> codes = GridCodeAllocator.codes(
                parent, micro.stream().map(DraftGrid::polygon).toList(), 1);
        List<Grid> out = new ArrayList<>();
        for (int m = 0; m < micro.size(); m++) {
            DraftGrid draft = micro.get(m);
            int buildings = (int) draft.pieces().stream()
                    .map(p -> BuildingKey.parse(p.building().id()).buildingId())
                    .distinct()
                    .count();
            out.add(new Grid(
                    codes.get(m),
                    GridLevel.MICRO,
                    draft.kind(),
                    community.code(),
                    community.streetCode(),
                    draft.households(),
                    buildings,
                    draft.polygon().getArea(),
                    parent,
                    draft.flags(),
                    projection.toLonLat(draft.polygon())));
        }
        return out;
    }

    /**
     * The flags of a grid an edit redrew: rule 4's bounds for an urban grid; rule 7's count for a
     * village's grid, {@code villageGridsFit} saying whether the village's number of grids keeps it.
     */
    public static List<GridFlag> editedFlags(GridKind kind, int households, Bounds bounds, boolean villageGridsFit) {
        if (kind == GridKind.RURAL) return villageGridsFit ? List.of() : List.of(GridFlag.RURAL_GRID_COUNT);
        if (kind != GridKind.COMMUNITY || bounds.contains(households)) return List.of();
        return List.of(households < bounds.min() ? GridFlag.BELOW_MIN : GridFlag.ABOVE_MAX);
    }
}
