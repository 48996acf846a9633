package org.gridatlas.store;

import java.time.Instant;

/** One import of a department layer: the layer's name, what it holds, its version (1, 2, … per name), how many features, from where. */
public record DepartmentLayerInfo(
        String name, DepartmentLayerKind kind, long version, int features, String source, Instant importedAt) {}
