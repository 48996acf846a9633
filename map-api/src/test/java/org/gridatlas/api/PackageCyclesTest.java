package org.gridatlas.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.gridatlas.fixtures.PackageCycles;
import org.junit.jupiter.api.Test;

class PackageCyclesTest {
    /**
     * The one cycle known today, and no other: the OGC resources use the web layer's helpers
     * (ApiError, Params, GeoJsonOut, PageLinks) while the web layer's server wires them. Moving those
     * helpers below both packages ends it; this list then becomes empty.
     */
    @Test
    void theApiPackagesFormNoCycleButTheKnownOne() {
        assertEquals(
                List.of(Set.of("org.gridatlas.api.ogc", "org.gridatlas.api.web")),
                PackageCycles.in(Path.of("target/classes")));
    }
}
