package org.gridatlas.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Debian's wrk against a local server, requesting the given paths round robin; returns its summary lines. */
final class Wrk {
    private Wrk() {}

    static boolean available() {
        return Files.isExecutable(Path.of("/usr/bin/wrk"));
    }

    static String run(int port, List<String> paths, int connections, int seconds, Path dir)
            throws IOException, InterruptedException {
        StringBuilder lua = new StringBuilder("local paths = {\n");
        for (String p : paths) lua.append('"').append(p).append("\",\n");
        lua.append(
                "}\nlocal i = 0\nrequest = function()\n  i = i % #paths + 1\n  return wrk.format(\"GET\", paths[i])\nend\n");
        Path script = dir.resolve("paths.lua");
        Files.writeString(script, lua);
        String url = "http://127.0.0.1:" + port;
        String threads = "-t" + Math.min(2, connections);
        exec("/usr/bin/wrk", threads, "-c" + connections, "-d3s", "-s", script.toString(), url);
        String out = exec(
                "/usr/bin/wrk",
                threads,
                "-c" + connections,
                "-d" + seconds + "s",
                "--latency",
                "-s",
                script.toString(),
                url);
        StringBuilder sb = new StringBuilder();
        for (String line : out.split("\n")) {
            String l = line.trim().replaceAll("\\s+", " ");
            if (l.startsWith("Requests/sec") || l.startsWith("50%") || l.startsWith("99%") || l.startsWith("Non-2xx"))
                sb.append(l).append("; ");
        }
        return sb.toString();
    }

    private static String exec(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }
}
