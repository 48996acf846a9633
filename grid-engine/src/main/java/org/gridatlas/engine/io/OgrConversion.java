package org.gridatlas.engine.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.gridatlas.engine.errors.InputException;

/**
 * Formats with no Java reader here (FileGDB, DXF, KML, GML, MapInfo, FlatGeobuf …) go through GDAL's
 * {@code ogr2ogr} into a temporary GeoPackage, which is then read like any other; it is said on
 * stderr that this happened. Without ogr2ogr the answer is bad input saying how to install it.
 */
final class OgrConversion {
    private static final Set<String> FORMATS =
            Set.of(".gdb", ".dxf", ".kml", ".kmz", ".gml", ".tab", ".mif", ".fgb", ".sqlite", ".json.zip", ".zip");

    private OgrConversion() {}

    static boolean needed(Path input) {
        String name = input.getFileName() == null
                ? ""
                : input.getFileName().toString().toLowerCase(Locale.ROOT);
        return FORMATS.stream().anyMatch(name::endsWith);
    }

    static Path toGeoPackage(Path input) throws IOException {
        if (!Files.exists(input)) throw new InputException(null, "no such dataset: " + input);
        String ogr2ogr = List.of("/usr/bin/ogr2ogr", "/usr/local/bin/ogr2ogr").stream()
                .filter(p -> Files.isExecutable(Path.of(p)))
                .findFirst()
                .orElseThrow(
                        () -> new InputException(
                                null,
                                input + ": this format is read through GDAL's ogr2ogr, which is not installed"
                                        + " (Debian/Ubuntu: apt-get install gdal-bin); or convert the file to a GeoPackage or Shapefiles"));
        Path dir = Files.createTempDirectory("gridatlas-ogr");
        Path gpkg = dir.resolve("converted.gpkg");
        System.err.println("gridatlas: reading " + input + " through ogr2ogr (GDAL) into a temporary GeoPackage");
        Process p = new ProcessBuilder(ogr2ogr, "-f", "GPKG", gpkg.toString(), input.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes());
        try {
            if (p.waitFor() != 0) throw new InputException(null, input + ": ogr2ogr could not read it: " + out.strip());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while converting " + input, e);
        }
        gpkg.toFile().deleteOnExit();
        dir.toFile().deleteOnExit();
        return gpkg;
    }
}
