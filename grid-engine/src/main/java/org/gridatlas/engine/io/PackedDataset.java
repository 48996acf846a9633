package org.gridatlas.engine.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A dataset packed in a jar as resources (one file per layer, as in a dataset directory). The
 * reader reads directories, so it is unpacked once into a temporary directory, removed at exit.
 */
public final class PackedDataset {
    private PackedDataset() {}

    /** Unpacks the layers found under {@code folder}, relative to {@code owner}'s package. */
    public static Path unpack(Class<?> owner, String folder) {
        try {
            Path dir = Files.createTempDirectory("gridatlas-" + folder + "-");
            dir.toFile().deleteOnExit();
            int found = 0;
            for (LayerSchema layer : DataContract.INPUT_LAYERS) {
                String file = layer.spatial() ? layer.geoJsonFile() : layer.csvFile();
                try (InputStream in = owner.getResourceAsStream(folder + "/" + file)) {
                    if (in == null) continue;
                    Files.copy(in, dir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
                    dir.resolve(file).toFile().deleteOnExit();
                    found++;
                }
            }
            if (found == 0)
                throw new IllegalStateException("no dataset packed at " + folder + " beside " + owner.getName());
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
