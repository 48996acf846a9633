package org.gridatlas.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.gridatlas.fixtures.PackageCycles;
import org.junit.jupiter.api.Test;

class PackageCyclesTest {
    @Test
    void theApiPackagesFormNoCycle() {
        assertEquals(List.of(), PackageCycles.in(Path.of("target/classes")));
    }
}
