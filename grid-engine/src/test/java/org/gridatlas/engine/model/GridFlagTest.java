package org.gridatlas.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class GridFlagTest {
    /** DATA.md's list of a grid's flags: the paragraph from "`flags` (" to the next blank line. */
    private static Set<String> documented() throws IOException {
        String data = Files.readString(Path.of("../docs/DATA.md"));
        int start = data.indexOf("`flags` (");
        int end = data.indexOf("\n\n", start);
        Matcher m = Pattern.compile("`([a-z_]+)`").matcher(data.substring(start, end));
        Set<String> out = new TreeSet<>();
        while (m.find()) if (!m.group(1).equals("flags")) out.add(m.group(1));
        return out;
    }

    @Test
    void theEnumIsDataMdsList() throws IOException {
        Set<String> inCode =
                Arrays.stream(GridFlag.values()).map(GridFlag::wireName).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(documented(), inCode);
    }

    @Test
    void readsItsWireNamesBackAndRefusesOthers() {
        for (GridFlag f : GridFlag.values()) assertEquals(f, GridFlag.parse(f.wireName()));
        assertThrows(IllegalArgumentException.class, () -> GridFlag.parse("split_compound"));
    }
}
