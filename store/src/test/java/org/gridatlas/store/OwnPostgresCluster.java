package org.gridatlas.store;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of a test's own (initdb and pg_ctl in a temporary directory, on a free
 * loopback port), for tests that stop and start the server: they never touch the machine's own
 * cluster. As root, the server runs as the {@code postgres} user (PostgreSQL refuses root).
 */
public final class OwnPostgresCluster implements AutoCloseable {
    private final Path bin;
    private final Path dir;
    private final Path data;
    private final int port;
    private final boolean asPostgres;

    private OwnPostgresCluster(Path bin) throws IOException, InterruptedException {
        this.bin = bin;
        this.asPostgres = "root".equals(System.getProperty("user.name"));
        this.dir = Files.createTempDirectory("gridatlas-pg");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        this.data = dir.resolve("data");
        Files.createDirectory(data);
        if (asPostgres) run(List.of("chown", "postgres:postgres", data.toString()), false);
        try (ServerSocket s = new ServerSocket(0)) {
            this.port = s.getLocalPort();
        }
        run(
                List.of(
                        bin.resolve("initdb").toString(),
                        "-D",
                        data.toString(),
                        "-A",
                        "trust",
                        "-U",
                        "postgres",
                        "--no-sync"),
                true);
        start();
    }

    /** The newest installed PostgreSQL's programs, or null when none is installed. */
    public static Path installedBin() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) return null;
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparing(b -> Integer.parseInt(
                            b.getParent().getFileName().toString().replaceAll("\\D", "0"))))
                    .orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    public static OwnPostgresCluster create() throws IOException, InterruptedException {
        Path bin = installedBin();
        if (bin == null) throw new IllegalStateException("no PostgreSQL installed under /usr/lib/postgresql");
        return new OwnPostgresCluster(bin);
    }

    /** A JDBC URL ending in '/', as {@link ThrowawayDatabase} takes it. */
    public String server() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/";
    }

    public void start() throws IOException, InterruptedException {
        run(
                List.of(
                        bin.resolve("pg_ctl").toString(),
                        "-D",
                        data.toString(),
                        "-w",
                        "-l",
                        data.resolve("log").toString(),
                        "-o",
                        "-p " + port + " -k " + data + " -c listen_addresses=127.0.0.1 -c fsync=off",
                        "start"),
                true);
    }

    public void stop() throws IOException, InterruptedException {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-m", "fast", "stop"), true);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            if (Files.exists(data.resolve("postmaster.pid"))) stop();
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }

    private void run(List<String> command, boolean postgres) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        if (postgres && asPostgres) cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
        cmd.addAll(command);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) throw new IOException(String.join(" ", cmd) + " failed: " + out);
    }
}
