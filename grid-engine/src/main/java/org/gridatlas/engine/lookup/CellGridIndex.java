package org.gridatlas.engine.lookup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.gridatlas.engine.geom.Geoms;
import org.gridatlas.engine.geom.LocalProjection;
import org.gridatlas.engine.model.Grid;
import org.locationtech.jts.algorithm.Distance;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Answers most points with one array read: a uniform grid of cells over the coverage, in metres.
 * A cell strictly inside one grid with a margin of {@link #NEAR_METRES} all round holds that grid's
 * number: a point in it gets the grid's prepared answer (inside, not on a boundary, no other grid
 * within reach; nothing allocated). Any other cell near the coverage keeps the grids within reach
 * of it and only the boundary edges that cross it (with the margin): a point there is located by
 * those grids' own locators and measured against those edges alone. Far from every grid, the nearest
 * edge is found in an index of all edges. Distances are the same sums of the same point-to-segment
 * distances the exact {@link PointInGridIndex} takes, so the answers are exactly its answers (a tie
 * between two grids for nearest is left to it). Cells are found by dividing the extent in quarters,
 * keeping whole quarters that lie inside one grid; they are built in the background, and until they
 * are ready the exact index answers.
 */
public final class CellGridIndex implements GridLocator {
    /** The candidate distance the cells are built for; a lookup asking farther goes to the exact index. */
    public static final double NEAR_METRES = 10;
    /** The cells' side: at least this, coarser when the extent would need more than {@link #MAX_CELLS}. */
    private static final double MIN_CELL_METRES = 8;

    private static final int MAX_CELLS = 1 << 23;
    /** Edges asked for around a point far from every grid: enough to see a tie at a shared vertex. */
    private static final int NEAREST_EDGES = 8;

    /**
     * What a cell near a boundary keeps: the grids within reach (by number, ascending), the edges
     * crossing it with the margin, and the grid the cell itself lies strictly inside (or −1).
     */
    private record Near(int[] grids, int[] edges, int owner) {}

    private final PointInGridIndex exact;
    private final LocalProjection projection;
    private final PointInGridIndex.Entry[] entries;
    private final double x0, y0, cell;
    private final int nx, ny;
    private final Lookup[] inside;
    private final Hit[] hits;
    /** Every grid's boundary edges: from (ax, ay) to (bx, by), of grid {@code edgeGrid}. */
    private double[] ax, ay, bx, by;

    private int[] edgeGrid;
    private STRtree edgeIndex;
    /** Per cell: the grid's number + 1 when inside with the margin; −(n + 1) for {@code near[n]}; 0 far from every grid. Null until built. */
    private volatile int[] cells;

    private Near[] near;
    private final java.util.concurrent.CountDownLatch built = new java.util.concurrent.CountDownLatch(1);

    public CellGridIndex(List<Grid> grids) {
        this(new PointInGridIndex(grids));
    }

    public CellGridIndex(PointInGridIndex exact) {
        this.exact = exact;
        this.projection = exact.projection();
        List<PointInGridIndex.Entry> list = exact.entries(new Envelope(-1e9, 1e9, -1e9, 1e9));
        this.entries = list.toArray(PointInGridIndex.Entry[]::new);
        Envelope extent = new Envelope();
        list.forEach(e -> extent.expandToInclude(e.metric().getEnvelopeInternal()));
        double side =
                extent.isNull() ? MIN_CELL_METRES : Math.max(MIN_CELL_METRES, Math.sqrt(extent.getArea() / MAX_CELLS));
        this.cell = side;
        this.x0 = extent.isNull() ? 0 : extent.getMinX();
        this.y0 = extent.isNull() ? 0 : extent.getMinY();
        this.nx = extent.isNull() ? 0 : (int) Math.ceil(extent.getWidth() / side) + 1;
        this.ny = extent.isNull() ? 0 : (int) Math.ceil(extent.getHeight() / side) + 1;
        this.inside = new Lookup[entries.length];
        this.hits = new Hit[entries.length];
        for (int i = 0; i < entries.length; i++) {
            inside[i] = new Lookup(entries[i].grid(), false, List.of(), null, 0);
            hits[i] = new Hit(entries[i].grid(), false, List.of());
        }
        if (nx == 0) {
            cells = new int[0];
            near = new Near[0];
            ax = new double[0];
            built.countDown();
            return;
        }
        Thread builder = new Thread(this::build, "gridatlas-cell-index");
        builder.setDaemon(true);
        builder.start();
    }

    /** Waits until the cells are built (lookups are answered, exactly, in the meantime). */
    public CellGridIndex ready() {
        try {
            built.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return this;
    }

    private void build() {
        edges();
        Map<PointInGridIndex.Entry, Integer> number = new IdentityHashMap<>();
        PreparedGeometry[] prepared = new PreparedGeometry[entries.length];
        for (int i = 0; i < entries.length; i++) {
            number.put(entries[i], i);
            prepared[i] = PreparedGeometryFactory.prepare(entries[i].metric());
        }
        int[] filled = new int[nx * ny];
        List<Near> kept = new ArrayList<>();
        // quarters are independent: the first levels run as tasks on every core (prepared geometries and the trees are
        // safe to share)
        java.util.concurrent.ForkJoinPool.commonPool()
                .invoke(new Quarter(filled, kept, 0, 0, nx, ny, number, prepared, 3));
        near = kept.toArray(Near[]::new);
        cells = filled; // published last: a reader that sees the cells sees everything else
        this.built.countDown();
    }

    /** Every ring of every grid as edges, and an index over them. */
    private void edges() {
        int n = 0;
        for (PointInGridIndex.Entry e : entries) n += e.metric().getNumPoints();
        ax = new double[n];
        ay = new double[n];
        bx = new double[n];
        by = new double[n];
        edgeGrid = new int[n];
        edgeIndex = new STRtree();
        int k = 0;
        for (int g = 0; g < entries.length; g++) {
            Geometry m = entries[g].metric();
            for (int p = 0; p < m.getNumGeometries(); p++) {
                Polygon poly = (Polygon) m.getGeometryN(p);
                for (int r = -1; r < poly.getNumInteriorRing(); r++) {
                    LineString ring = r < 0 ? poly.getExteriorRing() : poly.getInteriorRingN(r);
                    Coordinate[] cs = ring.getCoordinates();
                    for (int i = 0; i + 1 < cs.length; i++, k++) {
                        ax[k] = cs[i].x;
                        ay[k] = cs[i].y;
                        bx[k] = cs[i + 1].x;
                        by[k] = cs[i + 1].y;
                        edgeGrid[k] = g;
                        edgeIndex.insert(new Envelope(cs[i], cs[i + 1]), k);
                    }
                }
            }
        }
        edgeIndex.build();
    }

    /** One block, filled by {@link #fill}; the first {@code depth} levels of quarters in parallel. */
    private final class Quarter extends java.util.concurrent.RecursiveAction {
        private final int[] out;
        private final List<Near> kept;
        private final int i0, j0, i1, j1, depth;
        private final Map<PointInGridIndex.Entry, Integer> number;
        private final PreparedGeometry[] prepared;

        Quarter(
                int[] out,
                List<Near> kept,
                int i0,
                int j0,
                int i1,
                int j1,
                Map<PointInGridIndex.Entry, Integer> number,
                PreparedGeometry[] prepared,
                int depth) {
            this.out = out;
            this.kept = kept;
            this.i0 = i0;
            this.j0 = j0;
            this.i1 = i1;
            this.j1 = j1;
            this.number = number;
            this.prepared = prepared;
            this.depth = depth;
        }

        @Override
        protected void compute() {
            if (depth == 0 || (i1 - i0 <= 1 && j1 - j0 <= 1)) {
                fill(out, kept, i0, j0, i1, j1, number, prepared);
                return;
            }
            int im = (i0 + i1 + 1) / 2, jm = (j0 + j1 + 1) / 2;
            List<Quarter> parts = new ArrayList<>(4);
            parts.add(new Quarter(out, kept, i0, j0, im, jm, number, prepared, depth - 1));
            if (im < i1) parts.add(new Quarter(out, kept, im, j0, i1, jm, number, prepared, depth - 1));
            if (jm < j1) parts.add(new Quarter(out, kept, i0, jm, im, j1, number, prepared, depth - 1));
            if (im < i1 && jm < j1) parts.add(new Quarter(out, kept, im, jm, i1, j1, number, prepared, depth - 1));
            invokeAll(parts);
        }
    }

    /**
     * Cells [i0, i1) × [j0, j1): one grid's when the block, with the margin, lies strictly inside it;
     * else quartered down to single cells, each keeping the grids and edges within reach.
     */
    private void fill(
            int[] out,
            List<Near> kept,
            int i0,
            int j0,
            int i1,
            int j1,
            Map<PointInGridIndex.Entry, Integer> number,
            PreparedGeometry[] prepared) {
        Envelope block = new Envelope(x0 + i0 * cell, x0 + i1 * cell, y0 + j0 * cell, y0 + j1 * cell);
        block.expandBy(NEAR_METRES);
        List<PointInGridIndex.Entry> around = exact.entries(block);
        if (around.isEmpty()) return; // far from every grid
        Geometry box = Geoms.METRIC.toGeometry(block);
        int owner = -1;
        List<Integer> touching = new ArrayList<>(4);
        for (PointInGridIndex.Entry e : around) {
            int k = number.get(e);
            if (!prepared[k].intersects(box)) continue;
            touching.add(k);
            if (prepared[k].containsProperly(box)) owner = k;
        }
        if (touching.isEmpty()) return;
        if (owner >= 0 && touching.size() == 1) {
            for (int j = j0; j < j1; j++) Arrays.fill(out, j * nx + i0, j * nx + i1, owner + 1);
            return;
        }
        if (i1 - i0 <= 1 && j1 - j0 <= 1) {
            List<?> found = edgeIndex.query(block);
            int[] edgeIds = new int[found.size()];
            for (int i = 0; i < edgeIds.length; i++) edgeIds[i] = (Integer) found.get(i);
            Geometry bare = Geoms.METRIC.toGeometry(
                    new Envelope(x0 + i0 * cell, x0 + i1 * cell, y0 + j0 * cell, y0 + j1 * cell));
            int strictlyIn = -1, meeting = 0;
            for (int k : touching) {
                if (!prepared[k].intersects(bare)) continue;
                meeting++;
                if (prepared[k].containsProperly(bare)) strictlyIn = k;
            }
            Near n = new Near(
                    touching.stream().mapToInt(Integer::intValue).sorted().toArray(),
                    edgeIds,
                    meeting == 1 ? strictlyIn : -1);
            int at;
            synchronized (kept) {
                kept.add(n);
                at = kept.size();
            }
            out[j0 * nx + i0] = -at;
            return;
        }
        int im = (i0 + i1 + 1) / 2, jm = (j0 + j1 + 1) / 2;
        fill(out, kept, i0, j0, im, jm, number, prepared);
        if (im < i1) fill(out, kept, im, j0, i1, jm, number, prepared);
        if (jm < j1) fill(out, kept, i0, jm, im, j1, number, prepared);
        if (im < i1 && jm < j1) fill(out, kept, im, jm, i1, j1, number, prepared);
    }

    private Coordinate metres(double lon, double lat) {
        return new Coordinate(
                (lon - projection.centreLon()) * projection.metresPerDegreeX(),
                (lat - projection.centreLat()) * projection.metresPerDegreeY());
    }

    /** The point's cell's value (see {@link #cells}), or 0 outside the cells or before they are built. */
    private int cellAt(double lon, double lat) {
        int[] c = cells;
        if (c == null) return Integer.MIN_VALUE;
        double x = (lon - projection.centreLon()) * projection.metresPerDegreeX();
        double y = (lat - projection.centreLat()) * projection.metresPerDegreeY();
        int i = (int) Math.floor((x - x0) / cell), j = (int) Math.floor((y - y0) / cell);
        if (i < 0 || j < 0 || i >= nx || j >= ny) return 0;
        return c[j * nx + i];
    }

    @Override
    public Lookup lookup(double lon, double lat, double nearMetres) {
        if (nearMetres > NEAR_METRES) return exact.lookup(lon, lat, nearMetres);
        int v = cellAt(lon, lat);
        if (v > 0) return inside[v - 1];
        if (v == Integer.MIN_VALUE) return exact.lookup(lon, lat, nearMetres);
        if (v < 0) {
            Lookup l = nearBoundary(near[-v - 1], metres(lon, lat), nearMetres);
            return l != null ? l : exact.lookup(lon, lat, nearMetres);
        }
        Lookup far = farFromEveryGrid(metres(lon, lat));
        return far != null ? far : exact.lookup(lon, lat, nearMetres);
    }

    /**
     * As the exact index answers, from the cell's grids and edges: the grids holding the point (by
     * their locators), the others within reach (by the cell's edges). Null when the point lies in no
     * grid (the exact index then finds the nearest).
     */
    private Lookup nearBoundary(Near n, Coordinate c, double nearMetres) {
        int[] grids = n.grids();
        double[] distance = new double[grids.length];
        Arrays.fill(distance, Double.POSITIVE_INFINITY);
        for (int e : n.edges()) {
            int at = Arrays.binarySearch(grids, edgeGrid[e]);
            if (at < 0) continue;
            double d = Distance.pointToSegment(c, new Coordinate(ax[e], ay[e]), new Coordinate(bx[e], by[e]));
            if (d < distance[at]) distance[at] = d;
        }
        List<Integer> in = new ArrayList<>(2), boundary = new ArrayList<>(2), close = new ArrayList<>(2);
        for (int i = 0; i < grids.length; i++) {
            PointInGridIndex.Entry e = entries[grids[i]];
            // strictly inside the cell's own grid, the point is in no other (the grids tile)
            int loc = n.owner() >= 0
                    ? (grids[i] == n.owner() ? Location.INTERIOR : Location.EXTERIOR)
                    : e.metric().getEnvelopeInternal().contains(c) ? e.locator().locate(c) : Location.EXTERIOR;
            if (loc == Location.INTERIOR) in.add(i);
            else if (loc == Location.BOUNDARY) boundary.add(i);
            else if (distance[i] <= nearMetres) close.add(i);
        }
        List<Integer> holding = in.isEmpty() ? boundary : in;
        if (holding.isEmpty()) return null;
        if (holding.size() == 1 && boundary.isEmpty() && close.isEmpty()) return inside[grids[holding.get(0)]];
        holding.sort(Comparator.comparing(i -> entries[grids[i]].grid().code()));
        List<Candidate> nearby = new ArrayList<>();
        for (int k = 1; k < holding.size(); k++) nearby.add(new Candidate(entries[grids[holding.get(k)]].grid(), 0));
        if (!in.isEmpty()) for (int i : boundary) nearby.add(new Candidate(entries[grids[i]].grid(), 0));
        for (int i : close) nearby.add(new Candidate(entries[grids[i]].grid(), distance[i]));
        nearby.sort(Comparator.comparingDouble(Candidate::metres)
                .thenComparing(x -> x.grid().code()));
        return new Lookup(entries[grids[holding.get(0)]].grid(), in.isEmpty(), nearby, null, 0);
    }

    /** Outside coverage, beyond reach: the grid of the nearest edge; null on a tie between grids (the exact index decides those). */
    private Lookup farFromEveryGrid(Coordinate c) {
        Object[] found = edgeIndex.nearestNeighbour(
                new Envelope(c),
                c,
                (a, b) -> {
                    int e = (Integer) (a.getItem() instanceof Integer ? a.getItem() : b.getItem());
                    Coordinate p = (Coordinate) (a.getItem() instanceof Coordinate ? a.getItem() : b.getItem());
                    return Distance.pointToSegment(p, new Coordinate(ax[e], ay[e]), new Coordinate(bx[e], by[e]));
                },
                NEAREST_EDGES);
        double best = Double.POSITIVE_INFINITY, worst = 0;
        int grid = -1;
        boolean tie = false;
        for (Object o : found) {
            int e = (Integer) o;
            double d = Distance.pointToSegment(c, new Coordinate(ax[e], ay[e]), new Coordinate(bx[e], by[e]));
            worst = Math.max(worst, d);
            if (d < best) {
                best = d;
                grid = edgeGrid[e];
                tie = false;
            } else if (d == best && edgeGrid[e] != grid) {
                tie = true;
            }
        }
        if (grid < 0 || tie || (found.length == NEAREST_EDGES && worst == best)) return null;
        return new Lookup(null, false, List.of(), entries[grid].grid(), best);
    }

    @Override
    public Hit locate(double lon, double lat) {
        int v = cellAt(lon, lat);
        if (v > 0) return hits[v - 1];
        if (v < 0 && v != Integer.MIN_VALUE && near[-v - 1].owner() >= 0) return hits[near[-v - 1].owner()];
        return exact.locate(lon, lat);
    }

    @Override
    public int size() {
        return exact.size();
    }

    /** How the cells answer, and their memory. */
    public String describe() {
        int[] c = ready().cells;
        long direct = 0, nearBoundary = 0, ints = 0;
        for (int v : c) {
            if (v > 0) direct++;
            if (v < 0) nearBoundary++;
        }
        for (Near n : near) ints += n.grids().length + n.edges().length + 8;
        return String.format(
                "%,d cells of %.1f m (%d MB, and %d MB of what cells near a boundary keep, %d MB of edges); %.1f%% answer with one read,"
                        + " %.1f%% from their own grids and edges",
                c.length,
                cell,
                (c.length * 4L) >> 20,
                (ints * 4) >> 20,
                ((long) ax.length * 36) >> 20,
                c.length == 0 ? 0 : 100.0 * direct / c.length,
                c.length == 0 ? 0 : 100.0 * nearBoundary / c.length);
    }
}
