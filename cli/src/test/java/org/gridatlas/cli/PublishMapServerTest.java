package org.gridatlas.cli;

import static org.gridatlas.cli.CliEndToEndTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** publish --mapserver writes the mapfile and MapServer's configuration; without a target it says what is missing. */
class PublishMapServerTest {
    private static final String JDBC = "jdbc:postgresql://db.internal:5433/grids?user=gis&password=s3cret";

    @Test
    void writesTheMapfileReadableByItsOwnerOnly(@TempDir Path dir) throws Exception {
        CliEndToEndTest.Run run = cli("publish", "--jdbc", JDBC, "--mapserver", dir.toString());
        assertEquals(0, run.exit(), run.err());
        Path map = dir.resolve("gridatlas.map");
        assertTrue(run.out().contains(map.toAbsolutePath().toString()), run.out());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(map)));
        String text = Files.readString(map);
        assertTrue(
                text.contains("host='db.internal' port=5433 dbname='grids' user='gis' password='s3cret'"),
                "the store's connection");
        assertTrue(Files.readString(dir.resolve("mapserver.conf")).contains("\"GRIDATLAS\" \"" + map.toAbsolutePath()));
    }

    @Test
    void withoutGeoServerOrMapServerItSaysWhatIsMissing() {
        CliEndToEndTest.Run run = cli("publish", "--jdbc", JDBC);
        assertNotEquals(0, run.exit());
        assertTrue(run.err().contains("--geoserver") && run.err().contains("--mapserver"), run.err());
    }
}
