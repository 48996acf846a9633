package org.gridatlas.engine.lookup;

import java.util.List;
import org.gridatlas.engine.geom.Geoms;
import org.gridatlas.engine.geom.LocalProjection;
import org.gridatlas.engine.model.Grid;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Answers most points with one array read: a uniform grid of cells over the coverage, in metres.
 * A cell strictly inside one grid holds that grid's number: a point in it gets the grid's prepared
 * answer, nothing allocated — for a lookup with candidates only where the cell lies inside with a
 * margin of {@link #NEAR_METRES} all round (no other grid within reach). Every other cell — on a
 * boundary, outside coverage — asks the exact {@link PointInGridIndex}, so the answers are exactly
 * its answers. Cells are found by dividing the extent in quarters, keeping whole quarters that lie
 * inside one grid. They are built in the background: until they are ready, the exact index answers.
 */
public final class CellGridIndex implements GridLocator {
    /** The candidate distance the cells are built for; a lookup asking farther goes to the exact index. */
    public static final double NEAR_METRES = 10;
    /** The cells' side: at least this, coarser when the extent would need more than {@link #MAX_CELLS}. */
    private static final double MIN_CELL_METRES = 8;
    private static final int MAX_CELLS = 1 << 23;

    private final PointInGridIndex exact;
    private final LocalProjection projection;
    private final double x0, y0, cell;
    private final int nx, ny;
    /** Per cell: the grid's number + 1 inside with the margin, minus that inside without it, 0 to ask the exact index; null until built. */
    private volatile int[] cells;
    private final Lookup[] inside;
    private final Hit[] hits;

    public CellGridIndex(List<Grid> grids) {
        this(new PointInGridIndex(grids));
    }

    public CellGridIndex(PointInGridIndex exact) {
        this.exact = exact;
        this.projection = exact.projection();
        List<PointInGridIndex.Entry> entries = exact.entries(new Envelope(-1e9, 1e9, -1e9, 1e9));
        Envelope extent = new Envelope();
        entries.forEach(e -> extent.expandToInclude(e.metric().getEnvelopeInternal()));
        double side = extent.isNull() ? MIN_CELL_METRES : Math.max(MIN_CELL_METRES, Math.sqrt(extent.getArea() / MAX_CELLS));
        this.cell = side;
        this.x0 = extent.isNull() ? 0 : extent.getMinX();
        this.y0 = extent.isNull() ? 0 : extent.getMinY();
        this.nx = extent.isNull() ? 0 : (int) Math.ceil(extent.getWidth() / side) + 1;
        this.ny = extent.isNull() ? 0 : (int) Math.ceil(extent.getHeight() / side) + 1;
        this.inside = new Lookup[entries.size()];
        this.hits = new Hit[entries.size()];
        java.util.Map<PointInGridIndex.Entry, Integer> number = new java.util.IdentityHashMap<>();
        PreparedGeometry[] prepared = new PreparedGeometry[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            Grid g = entries.get(i).grid();
            number.put(entries.get(i), i);
            prepared[i] = PreparedGeometryFactory.prepare(entries.get(i).metric());
            inside[i] = new Lookup(g, false, List.of(), null, 0);
            hits[i] = new Hit(g, false, List.of());
        }
        if (nx == 0) {
            cells = new int[0];
            return;
        }
        Thread builder = new Thread(() -> {
            int[] built = new int[nx * ny];
            fill(built, 0, 0, nx, ny, number, prepared, false);
            cells = built;
        }, "gridatlas-cell-index");
        builder.setDaemon(true);
        builder.start();
    }

    /** Waits until the cells are built (lookups are answered, exactly, in the meantime). */
    public CellGridIndex ready() {
        while (cells == null) Thread.onSpinWait();
        return this;
    }

    /**
     * Cells [i0, i1) × [j0, j1): one grid's when the block lies strictly inside it (with the margin:
     * for lookups too; without: for locating only), else quartered down to single cells.
     */
    private void fill(int[] out, int i0, int j0, int i1, int j1, java.util.Map<PointInGridIndex.Entry, Integer> number, PreparedGeometry[] prepared,
                      boolean insideWithoutMargin) {
        Envelope bare = new Envelope(x0 + i0 * cell, x0 + i1 * cell, y0 + j0 * cell, y0 + j1 * cell);
        Envelope block = new Envelope(bare);
        block.expandBy(NEAR_METRES);
        List<PointInGridIndex.Entry> near = exact.entries(block);
        if (near.isEmpty()) return; // outside coverage: the exact index finds the nearest grid
        int withMargin = owner(near, Geoms.METRIC.toGeometry(block), number, prepared);
        if (withMargin >= 0) {
            for (int j = j0; j < j1; j++) java.util.Arrays.fill(out, j * nx + i0, j * nx + i1, withMargin + 1);
            return;
        }
        boolean inside = insideWithoutMargin;
        if (!inside) {
            int bareOwner = owner(exact.entries(bare), Geoms.METRIC.toGeometry(bare), number, prepared);
            if (bareOwner >= 0) {
                for (int j = j0; j < j1; j++) java.util.Arrays.fill(out, j * nx + i0, j * nx + i1, -(bareOwner + 1));
                inside = true;
            }
        }
        if (i1 - i0 <= 1 && j1 - j0 <= 1) return;
        int im = (i0 + i1 + 1) / 2, jm = (j0 + j1 + 1) / 2;
        fill(out, i0, j0, im, jm, number, prepared, inside);
        if (im < i1) fill(out, im, j0, i1, jm, number, prepared, inside);
        if (jm < j1) fill(out, i0, jm, im, j1, number, prepared, inside);
        if (im < i1 && jm < j1) fill(out, im, jm, i1, j1, number, prepared, inside);
    }

    /** The one grid the box lies strictly inside, touching no other; -1 when there is none. */
    private static int owner(List<PointInGridIndex.Entry> near, Geometry box, java.util.Map<PointInGridIndex.Entry, Integer> number, PreparedGeometry[] prepared) {
        int owner = -1, touching = 0;
        for (PointInGridIndex.Entry e : near) {
            int k = number.get(e);
            if (!prepared[k].intersects(box)) continue;
            touching++;
            if (prepared[k].containsProperly(box)) owner = k;
        }
        return touching == 1 ? owner : -1;
    }

    /** The point's cell's value (see {@link #cells}), or 0. */
    private int cellAt(double lon, double lat) {
        int[] c = cells;
        if (c == null) return 0;
        double x = (lon - projection.centreLon()) * projection.metresPerDegreeX();
        double y = (lat - projection.centreLat()) * projection.metresPerDegreeY();
        int i = (int) Math.floor((x - x0) / cell), j = (int) Math.floor((y - y0) / cell);
        if (i < 0 || j < 0 || i >= nx || j >= ny) return 0;
        return c[j * nx + i];
    }

    @Override
    public Lookup lookup(double lon, double lat, double nearMetres) {
        if (nearMetres <= NEAR_METRES) {
            int g = cellAt(lon, lat);
            if (g > 0) return inside[g - 1];
        }
        return exact.lookup(lon, lat, nearMetres);
    }

    @Override
    public Hit locate(double lon, double lat) {
        int g = cellAt(lon, lat);
        return g != 0 ? hits[Math.abs(g) - 1] : exact.locate(lon, lat);
    }

    @Override
    public int size() {
        return exact.size();
    }

    /** The share of cells answered by one array read, and the cells' memory. */
    public String describe() {
        int[] c = ready().cells;
        long lookups = 0, located = 0;
        for (int v : c) {
            if (v > 0) lookups++;
            if (v != 0) located++;
        }
        return String.format("%,d cells of %.1f m (%d MB); %.1f%% of cells answer lookups, %.1f%% locate", c.length, cell, (c.length * 4L) >> 20,
                c.length == 0 ? 0 : 100.0 * lookups / c.length, c.length == 0 ? 0 : 100.0 * located / c.length);
    }
}
