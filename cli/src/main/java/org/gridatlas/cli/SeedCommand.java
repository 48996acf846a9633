package org.gridatlas.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.gridatlas.api.serving.MapLayers;
import org.gridatlas.engine.geom.ChinaCrs;
import org.gridatlas.store.GridStore;
import org.gridatlas.tiles.MvtRenderer;
import org.gridatlas.tiles.TileId;
import org.gridatlas.tiles.TileLayer;
import org.gridatlas.tiles.TileSeeder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "seed",
        mixinStandardHelpOptions = true,
        description = "Pre-render the vector tiles of a zoom range into DIR/{z}/{x}/{y}.mvt (empty tiles are skipped).")
final class SeedCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store = new StoreOptions();

    @Option(names = "--layer", defaultValue = "all", description = "a layer name or all (default ${DEFAULT-VALUE})")
    String layer;

    @Option(names = "--minzoom", defaultValue = "12", description = "lowest zoom to render (default ${DEFAULT-VALUE})")
    int minZoom;

    @Option(names = "--maxzoom", defaultValue = "16", description = "highest zoom to render (default ${DEFAULT-VALUE})")
    int maxZoom;

    @Option(names = "--crs", defaultValue = "wgs84", description = "wgs84, gcj02 or bd09")
    String crs;

    @Option(names = "--output", required = true)
    Path output;

    @Override
    public Integer call() throws Exception {
        List<TileLayer> layers;
        try (GridStore s = store.open()) {
            layers = MapLayers.of(s, layer);
        }
        ChinaCrs c = ChinaCrs.parse(crs);
        MvtRenderer renderer = new MvtRenderer();
        long t = System.nanoTime();
        int written = 0, empty = 0;
        for (TileId tile : TileSeeder.tiles(layers, minZoom, maxZoom)) {
            byte[] b = renderer.render(layers, tile, c);
            if (b == null) {
                empty++;
                continue;
            }
            Path f = output.resolve(tile.z() + "/" + tile.x() + "/" + tile.y() + ".mvt");
            Files.createDirectories(f.getParent());
            Files.write(f, b);
            written++;
        }
        System.out.printf(
                "%d tiles written, %d empty skipped, zooms %d-%d, %.1f s%n",
                written, empty, minZoom, maxZoom, (System.nanoTime() - t) / 1e9);
        return 0;
    }
}
