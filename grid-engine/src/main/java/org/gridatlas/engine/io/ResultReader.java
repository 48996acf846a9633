package org.gridatlas.engine.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gridatlas.engine.errors.InputException;
import org.gridatlas.engine.model.Assignment;
import org.gridatlas.engine.model.Grid;
import org.gridatlas.engine.model.GridFlag;
import org.gridatlas.engine.model.GridKind;
import org.gridatlas.engine.model.GridLevel;

/** Turns stored grid and assignment rows (DATA.md's result layers) back into the model. */
public final class ResultReader {
    private ResultReader() {}

    public static Grid grid(Feature f) {
        Map<String, Object> p = f.properties();
        List<GridFlag> flags = new ArrayList<>();
        if (p.get("flags") instanceof List<?> l) l.forEach(x -> flags.add(GridFlag.parse(String.valueOf(x))));
        return new Grid(
                str(p.get("code")),
                GridLevel.parse(str(p.get("level"))),
                GridKind.parse(str(p.get("kind"))),
                str(p.get("community_code")),
                str(p.get("street_code")),
                num(p.get("households")).intValue(),
                num(p.get("buildings")).intValue(),
                num(p.get("area_m2")).doubleValue(),
                str(p.get("parent_code")),
                flags,
                f.geometry());
    }

    public static Assignment assignment(Feature f) {
        return new Assignment(
                str(f.properties().get("building_id")), str(f.properties().get("grid_code")));
    }

    /** Grids and assignments as a delineation wrote them: a directory (grids.geojson or grids.shp, assignments.csv) or a GeoPackage. */
    public record Result(List<Grid> grids, List<Assignment> assignments) {}

    public static Result read(java.nio.file.Path output) throws java.io.IOException {
        List<Feature> grids, assignments;
        if (DatasetReader.isGeoPackage(output)) {
            if (!java.nio.file.Files.isRegularFile(output))
                throw new InputException(null, "no such GeoPackage: " + output);
            mil.nga.geopackage.GeoPackage gp = mil.nga.geopackage.GeoPackageManager.open(output.toFile(), false);
            try {
                for (LayerSchema s : List.of(DataContract.GRIDS, DataContract.ASSIGNMENTS)) {
                    if (!GeoPackageLayers.has(gp, s))
                        throw new InputException(
                                null, output + ": no " + s.name() + " table (is it a delineation's output?)");
                }
                grids = inLonLat(
                        GeoPackageLayers.read(gp, DataContract.GRIDS),
                        GeoPackageLayers.declaredCrs(gp, DataContract.GRIDS));
                assignments = GeoPackageLayers.read(gp, DataContract.ASSIGNMENTS);
            } finally {
                gp.close();
            }
        } else {
            java.nio.file.Path g = output.resolve("grids.geojson"),
                    a = output.resolve(DataContract.ASSIGNMENTS.csvFile());
            java.nio.file.Path shp = output.resolve("grids.shp");
            boolean shapefile = !java.nio.file.Files.isRegularFile(g) && java.nio.file.Files.isRegularFile(shp);
            for (java.nio.file.Path p : List.of(shapefile ? shp : g, a)) {
                if (!java.nio.file.Files.isRegularFile(p))
                    throw new InputException(null, p + ": missing (is " + output + " a delineation's output?)");
            }
            if (shapefile) {
                grids = inLonLat(ShapefileLayers.read(shp, DataContract.GRIDS, null), ShapefileLayers.declaredCrs(shp));
            } else {
                grids = GeoJsonLayers.read(g);
            }
            assignments = CsvLayers.read(a, DataContract.ASSIGNMENTS);
        }
        return new Result(
                grids.stream().map(ResultReader::grid).toList(),
                assignments.stream().map(ResultReader::assignment).toList());
    }

    /** Grids written with --output-crs, back in lon/lat ({@code crs} null: they are). */
    private static List<Feature> inLonLat(List<Feature> grids, String crs) {
        return crs == null
                ? grids
                : InputCrs.of(crs, null)
                        .toLonLat(Map.of(DataContract.GRIDS, grids))
                        .get(DataContract.GRIDS);
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    private static Number num(Object o) {
        return o == null ? 0 : (Number) o;
    }
}
