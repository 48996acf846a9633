package org.gridatlas.cli;

import static org.gridatlas.cli.CliEndToEndTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gridatlas.api.geoserver.FakeGeoServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** Options from the command line, GRIDATLAS_* variables and a configuration file, in that order; every option documented. */
public class ConfigurationTest {
    private static final String JDBC = "jdbc:postgresql://127.0.0.1:5432/grids?user=gis&password=x";

    @Test
    void theCommandLineWinsOverTheEnvironmentWhichWinsOverTheFile(@TempDir Path dir) throws Exception {
        try (FakeGeoServer geoServer = new FakeGeoServer("admin", "geoserver")) {
            Path config = dir.resolve("gridatlas.properties");
            Files.writeString(
                    config,
                    "# GridAtlas\ngeoserver=" + geoServer.url()
                            + "\ngeoserver-workspace=fromfile\ngeoserver-password=wrong\n",
                    StandardCharsets.UTF_8);
            Map<String, String> env =
                    Map.of("GRIDATLAS_GEOSERVER_PASSWORD", "geoserver", "GRIDATLAS_CONFIG", config.toString());
            CliEndToEndTest.Run first = cli(env, "publish", "--jdbc", JDBC, "--geoserver-workspace", "qhd");
            assertEquals(0, first.exit(), first.err());
            assertNotNull(geoServer.resource("/rest/workspaces/qhd"), "the command line's workspace");
            assertNull(geoServer.resource("/rest/workspaces/fromfile"));
            assertTrue(first.out().contains("created"), first.out());

            CliEndToEndTest.Run again = cli(
                    Map.of("GRIDATLAS_GEOSERVER_PASSWORD", "geoserver"),
                    "publish",
                    "--config",
                    config.toString(),
                    "--jdbc",
                    JDBC,
                    "--geoserver-workspace",
                    "qhd",
                    "--truncate");
            assertEquals(0, again.exit(), again.err());
            assertTrue(
                    again.out()
                            .lines()
                            .filter(l -> !l.startsWith("GeoWebCache"))
                            .allMatch(l -> l.endsWith("unchanged")),
                    again.out());
            assertEquals(4, geoServer.truncated().size());

            CliEndToEndTest.Run refused = cli(
                    Map.of(), "publish", "--config", config.toString(), "--jdbc", JDBC, "--geoserver-workspace", "qhd");
            assertEquals(2, refused.exit());
            assertTrue(
                    refused.err().contains("refused user 'admin' (401)"),
                    "the file's wrong password is used when nothing overrides it: " + refused.err());
        }
    }

    @Test
    void anUnknownKeyInTheFileIsRefusedByName(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("bad.properties");
        Files.writeString(config, "prot=8080\n");
        CliEndToEndTest.Run r = cli(Map.of(), "serve", "--config", config.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("unknown option 'prot'") && r.err().contains(config.toString()), r.err());
    }

    @Test
    void storeAndJdbcTogetherAreRefused(@TempDir Path dir) {
        CliEndToEndTest.Run r = cli(
                Map.of("GRIDATLAS_JDBC", JDBC),
                "import-staff",
                "--csv",
                dir.resolve("x.csv").toString(),
                "--store",
                dir.resolve("s.gpkg").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("either --store or --jdbc"), r.err());
    }

    @Test
    void theConfigurationPageDocumentsEveryOptionOfEveryCommand() throws Exception {
        List<String> missing = undocumented(new CommandLine(new GridAtlasCli()));
        assertTrue(missing.isEmpty(), "docs/configuration.md does not document: " + missing);
    }

    /** The options of a top command's subcommands that docs/configuration.md does not name (the benchmarks' test asks too). */
    public static List<String> undocumented(CommandLine top) throws java.io.IOException {
        String page = Files.readString(Path.of("../docs/configuration.md"));
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, CommandLine> c : top.getSubcommands().entrySet()) {
            if (!page.contains("`" + c.getKey() + " ") && !page.contains("`" + c.getKey() + "`"))
                missing.add(c.getKey());
            for (OptionSpec o : c.getValue().getCommandSpec().options()) {
                if (!o.usageHelp()
                        && !o.versionHelp()
                        && !page.contains("`" + o.longestName() + "`")
                        && !page.contains("`" + o.longestName() + " ")) {
                    missing.add(c.getKey() + " " + o.longestName());
                }
            }
        }
        return missing;
    }
}
