package org.gridatlas.api.geoserver;

import java.util.List;

/**
 * The layers GeoServer publishes, one per level of the 大/中/小/微 scheme, each on a table or view
 * of the PostGIS store (migration V4) with an SLD style of its own. Listed bottom to top as drawn in the layer group.
 */
public enum PublishedLayer {
    GRIDS(
            "grids",
            "grid_cells",
            "网格 grids (小网格)",
            SldStyle.bands(
                    "#2b3a55",
                    1,
                    "households",
                    List.of(
                            new SldStyle.Band("under 300 households", null, 300, "#9ecae1"),
                            new SldStyle.Band("300 to 500 households", 300, 501, "#74c476"),
                            new SldStyle.Band("over 500 households", 501, null, "#fd8d3c")),
                    "code",
                    20_000,
                    11)),
    MICRO_GRIDS(
            "micro_grids",
            "micro_grid_cells",
            "微网格 micro grids",
            SldStyle.outline("#4a6fa5", 0.8, "4 2", "code", 5_000, 9)),
    COMMUNITIES(
            "communities",
            "communities",
            "社区 communities (中网格)",
            SldStyle.outline("#b35900", 2.5, null, "name", 50_000, 12)),
    STREETS("streets", "street_areas", "街道 streets (大网格)", SldStyle.outline("#7a1f1f", 4, null, "name", 200_000, 14));

    public final String layerName;
    final String nativeName;
    final String title;
    private final SldStyle style;

    PublishedLayer(String layerName, String nativeName, String title, SldStyle style) {
        this.layerName = layerName;
        this.nativeName = nativeName;
        this.title = title;
        this.style = style;
    }

    String styleName() {
        return "gridatlas_" + layerName;
    }

    SldStyle style() {
        return style;
    }

    String sld() {
        return style.xml(styleName(), title);
    }
}
