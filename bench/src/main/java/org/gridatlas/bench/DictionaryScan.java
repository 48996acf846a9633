package org.gridatlas.bench;

import java.util.HashSet;
import java.util.Set;
import org.gridatlas.engine.lookup.address.AddressText;
import org.gridatlas.engine.model.Alias;
import org.gridatlas.engine.model.Barrier;
import org.gridatlas.engine.model.Building;
import org.gridatlas.engine.model.Community;
import org.gridatlas.engine.model.Dataset;
import org.gridatlas.engine.model.Poi;

/**
 * The address bench's baseline: the least any reader of addresses does — put the text in one form
 * and find the longest of the city's names at each character — without judging what it found.
 */
final class DictionaryScan {
    private final Set<String> names;
    private final int longest;

    private DictionaryScan(Set<String> names) {
        this.names = names;
        this.longest = names.stream().mapToInt(String::length).max().orElse(0);
    }

    static DictionaryScan of(Dataset city) {
        Set<String> names = new HashSet<>();
        for (Community c : city.communities()) {
            names.add(c.name());
            names.add(c.streetName());
            names.add(c.districtName());
        }
        for (Building b : city.buildings())
            if (b.address() != null) {
                names.add(b.address().road());
                names.add(b.address().compoundName());
            }
        for (Barrier b : city.barriers()) names.add(b.name());
        for (Alias a : city.aliases()) names.add(a.alias());
        for (Poi p : city.landmarks()) names.add(p.name());
        names.remove(null);
        Set<String> normalised = new HashSet<>();
        names.forEach(n -> normalised.add(AddressText.normalise(n)));
        return new DictionaryScan(normalised);
    }

    /** Names found in all texts scanned: kept, so the scans are work the JIT cannot leave out. */
    long found;

    /** Finds the names in the text. */
    void scan(String raw) {
        String text = AddressText.normalise(raw);
        for (int i = 0; i < text.length(); ) {
            int len = Math.min(longest, text.length() - i);
            while (len >= 2 && !names.contains(text.substring(i, i + len))) len--;
            if (len >= 2) {
                found++;
                i += len;
            } else i++;
        }
    }
}
