package org.gridatlas.cli;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import org.gridatlas.engine.errors.InputException;
import org.gridatlas.engine.io.DatasetReader;
import org.gridatlas.engine.io.InputCrs;
import org.gridatlas.engine.model.Dataset;
import picocli.CommandLine.Option;

/** The dataset a command reads, and the coordinate system its files are in when it is not lon/lat. */
final class InputOptions {
    @Option(
            names = "--input",
            required = true,
            description =
                    "dataset directory (GeoJSON or Shapefiles), .gpkg, or a file GDAL's ogr2ogr reads (.gdb, .dxf, .kml …)")
    Path input;

    @Option(
            names = "--crs",
            paramLabel = "EPSG:n",
            description =
                    "the input's coordinate system when it is not lon/lat, e.g. EPSG:4528 (CGCS2000 3-degree Gauss-Kruger zone 40)")
    String crs;

    @Option(
            names = "--towgs84",
            paramLabel = "dx,dy,dz,rx,ry,rz,s",
            description =
                    "with --crs of Xian 1980 or Beijing 1954: the 7-parameter shift to WGS84 (m, arc-seconds, ppm)")
    String towgs84;

    @Option(
            names = "--encoding",
            paramLabel = "CHARSET",
            description =
                    "Shapefile attributes' encoding when no .cpg names it (default: UTF-8 where the bytes are UTF-8, else GBK)")
    String encoding;

    Dataset read() throws IOException {
        if (towgs84 != null && crs == null) throw new InputException("towgs84", "goes with --crs");
        Charset charset = LayerOptions.charset(encoding);
        return DatasetReader.read(input, crs == null ? null : InputCrs.of(crs, towgs84), charset);
    }
}
