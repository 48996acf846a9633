package org.gridatlas.cli;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The demo's temporary folder, named with the process id: removed when the demo exits, and, since a
 * process killed outright (by the OOM killer, say) removes nothing, each demo first removes the
 * folders of demos whose process is gone.
 */
final class DemoFolder {
    private static final String PREFIX = "gridatlas-demo-";
    private static final Pattern NAME = Pattern.compile(Pattern.quote(PREFIX) + "(\\d+)-.*");

    private DemoFolder() {}

    /** A new folder in {@code root} for this process, after removing those of processes that no longer run. */
    static Path create(Path root) throws IOException {
        removeStale(root);
        Path dir =
                Files.createTempDirectory(root, PREFIX + ProcessHandle.current().pid() + "-");
        dir.toFile().deleteOnExit(); // registered first, so removed after what is put in it
        return dir;
    }

    /** Removes the demo folders in {@code root} whose process is gone; returns how many. */
    static int removeStale(Path root) throws IOException {
        int removed = 0;
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, PREFIX + "*")) {
            for (Path d : dirs) {
                Matcher m = NAME.matcher(d.getFileName().toString());
                if (!m.matches() || !Files.isDirectory(d)) continue;
                if (ProcessHandle.of(Long.parseLong(m.group(1))).isPresent()) continue;
                try (Stream<Path> all = Files.walk(d)) {
                    for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
                }
                removed++;
            }
        }
        return removed;
    }
}
