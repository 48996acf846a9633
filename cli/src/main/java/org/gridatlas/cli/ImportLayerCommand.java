package org.gridatlas.cli;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.gridatlas.engine.errors.InputException;
import org.gridatlas.engine.io.DepartmentLayerReader;
import org.gridatlas.engine.io.InputCrs;
import org.gridatlas.store.DepartmentLayerInfo;
import org.gridatlas.store.DepartmentLayerKind;
import org.gridatlas.store.GridStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "import-layer",
        mixinStandardHelpOptions = true,
        description =
                "Store another department's layer (units: id, name, department; resources: id, type, name, department), replacing it whole as its next version.")
final class ImportLayerCommand implements Callable<Integer> {
    @Option(
            names = "--name",
            required = true,
            description = "the layer's name: letters, digits, '-' or '_' (e.g. police-beats)")
    String name;

    @Option(names = "--kind", required = true, description = "units (polygons) or resources (points)")
    String kind;

    @Option(
            names = "--layer",
            required = true,
            paramLabel = "FILE",
            description = "the layer: .geojson, .shp, .gpkg, .csv (resources, lon/lat) or a format ogr2ogr reads")
    Path layer;

    @Mixin
    LayerOptions read = new LayerOptions();

    @Mixin
    StoreOptions store = new StoreOptions();

    @Override
    public Integer call() throws Exception {
        DepartmentLayerKind k;
        try {
            k = DepartmentLayerKind.parse(kind);
        } catch (IllegalArgumentException e) {
            throw new InputException("kind", e.getMessage());
        }
        InputCrs crs = read.crs();
        Charset charset = read.charset();
        try (GridStore s = store.open()) {
            DepartmentLayerInfo info = k == DepartmentLayerKind.UNITS
                    ? s.replaceUnits(
                            name,
                            DepartmentLayerReader.units(layer, crs, charset),
                            layer.getFileName().toString())
                    : s.replaceResources(
                            name,
                            DepartmentLayerReader.resources(layer, crs, charset),
                            layer.getFileName().toString());
            System.out.printf(
                    "layer %s: version %d, %d %s%n",
                    info.name(), info.version(), info.features(), info.kind().wireName());
        }
        return 0;
    }
}
