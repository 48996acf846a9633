package org.gridatlas.api.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Runs one of the front end's browser test scripts (node + playwright-core + Debian's chromium) and returns what it printed. */
final class BrowserScript {
    static final Path WEB = Path.of("src/main/web").toAbsolutePath();

    private BrowserScript() {}

    /** Skips the test where chromium or playwright-core is missing; fails it when the script fails or hangs. */
    static String run(String script, String... args) throws Exception {
        Assumptions.assumeTrue(
                Files.isExecutable(Path.of("/usr/bin/chromium")), "chromium is installed by scripts/test.sh");
        Assumptions.assumeTrue(
                Files.isDirectory(WEB.resolve("node_modules/playwright-core")),
                "playwright-core is installed by the build's npm ci");
        List<String> cmd = new ArrayList<>(List.of("node", script));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd)
                .directory(WEB.toFile())
                .redirectErrorStream(true)
                .start();
        boolean done = p.waitFor(150, TimeUnit.SECONDS);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!done) p.destroyForcibly();
        assertTrue(done, "browser test timed out: " + out);
        assertEquals(0, p.exitValue(), out);
        return out;
    }
}
