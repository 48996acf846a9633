package org.gridatlas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A demo killed outright leaves its folder; the next demo removes it, and never a running one's. */
class DemoFolderTest {
    @Test
    void foldersOfGoneProcessesAreRemovedAndRunningOnesKept(@TempDir Path root) throws Exception {
        long gone = 999_999_999L; // above any pid_max: no such process
        Path stale = Files.createDirectories(root.resolve("gridatlas-demo-" + gone + "-123"));
        Files.writeString(stale.resolve("demo.gpkg"), "left by a demo the OOM killer stopped");
        Path running = Files.createDirectories(
                root.resolve("gridatlas-demo-" + ProcessHandle.current().pid() + "-456"));
        Path other = Files.createDirectories(root.resolve("gridatlas-other-" + gone));

        Path mine = DemoFolder.create(root);

        assertFalse(Files.exists(stale), "the gone demo's folder is removed with what it held");
        assertTrue(Files.exists(running) && Files.exists(other), "a running demo's and other folders stay");
        assertTrue(mine.getFileName()
                .toString()
                .startsWith("gridatlas-demo-" + ProcessHandle.current().pid() + "-"));
        assertEquals(0, DemoFolder.removeStale(root));
    }
}
