package org.gridatlas.cli;

import java.nio.charset.Charset;
import org.gridatlas.engine.errors.InputException;
import org.gridatlas.engine.io.InputCrs;
import picocli.CommandLine.Option;

/** How another department's layer files are read: their coordinate system when they do not name it, and their Shapefile encoding. */
final class LayerOptions {
    @Option(
            names = "--layer-crs",
            paramLabel = "EPSG:n",
            description = "the layer files' coordinate system when they do not name it (default: lon/lat)")
    String layerCrs;

    @Option(
            names = "--encoding",
            paramLabel = "CHARSET",
            description =
                    "Shapefile attributes' encoding when no .cpg names it (default: UTF-8 or GBK as the bytes say)")
    String encoding;

    InputCrs crs() {
        return layerCrs == null ? null : InputCrs.of(layerCrs, null);
    }

    Charset charset() {
        return charset(encoding);
    }

    /** The charset an --encoding names (null: none given), refused by name when unknown. */
    static Charset charset(String encoding) {
        try {
            return encoding == null ? null : Charset.forName(encoding);
        } catch (IllegalArgumentException e) {
            throw new InputException("encoding", "unknown charset '" + encoding + "'");
        }
    }
}
