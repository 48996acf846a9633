package org.gridatlas.api.web;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.gridatlas.engine.Delineator;
import org.gridatlas.engine.model.Dataset;
import org.gridatlas.engine.model.Delineation;
import org.gridatlas.engine.model.DepartmentUnit;
import org.gridatlas.engine.model.Grid;
import org.gridatlas.engine.model.GridLevel;
import org.gridatlas.engine.partition.Bounds;
import org.gridatlas.engine.partition.MicroGridPlanner;
import org.gridatlas.engine.partition.RuralRule;
import org.gridatlas.fixtures.CityGenerator;
import org.gridatlas.fixtures.DepartmentLayers;
import org.gridatlas.store.GeoPackageGridStore;
import org.gridatlas.store.Report;
import org.locationtech.jts.geom.Point;

/**
 * A small generated city served as the OGC tests use it: grids with micro grids, three reports a day
 * apart, and a department layer whose first unit's name is markup (it must show as text).
 */
final class OgcCity implements AutoCloseable {
    static final String MARKUP = "<script>alert(1)</script>警务";
    static final Instant DAY1 = Instant.parse("2026-11-20T08:00:00Z");

    final Dataset city = CityGenerator.generate(6_000, 5);
    final Delineation result =
            new Delineator(Bounds.DEFAULT, RuralRule.DEFAULT, MicroGridPlanner.DEFAULT).delineate(city);
    final GeoPackageGridStore store;
    final ApiServer server;
    final List<Report> reports = new ArrayList<>();

    OgcCity(Path dir, ServerSettings settings) {
        store = GeoPackageGridStore.open(dir.resolve("city.gpkg"));
        store.replace(city, result, "generated city");
        List<DepartmentUnit> beats = new ArrayList<>(DepartmentLayers.policeBeats(city));
        DepartmentUnit first = beats.get(0);
        beats.set(0, new DepartmentUnit(first.id(), MARKUP, first.department(), first.geometry()));
        store.replaceUnits("police", beats, "test");
        for (int i = 0; i < 3; i++) {
            Grid g = grids().get(i);
            Point p = g.geometry().getInteriorPoint();
            Report r = new Report(
                    "r" + i,
                    DAY1.plusSeconds(86_400L * i),
                    "litter",
                    p.getX(),
                    p.getY(),
                    "wgs84",
                    "text",
                    g.code(),
                    DAY1.plusSeconds(86_400L * i));
            store.addReport(r);
            reports.add(r);
        }
        server = new ApiServer(store, settings).start(settings.publicUrl() == null ? 0 : port(settings.publicUrl()));
    }

    List<Grid> grids() {
        return result.grids().stream()
                .filter(g -> g.level() == GridLevel.GRID)
                .sorted(java.util.Comparator.comparing(Grid::code))
                .toList();
    }

    private static int port(String url) {
        return java.net.URI.create(url).getPort();
    }

    @Override
    public void close() {
        server.close();
        store.close();
    }
}
