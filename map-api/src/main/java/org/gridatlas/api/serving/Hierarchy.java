package org.gridatlas.api.serving;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Where a grid sits: district → street → 片区 (when set) → community → grid → micro grid (when a point names one). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Hierarchy(Named district, Named street, Named zone, Community community, Grid grid, Micro micro) {
    public record Named(String code, String name) {}

    public record Community(String code, String name, String kind) {}

    public record Grid(String code, String kind, int households) {}

    public record Micro(String code, int households) {}

    Hierarchy withMicro(Micro m) {
        return new Hierarchy(district, street, zone, community, grid, m);
    }
}
