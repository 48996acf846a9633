package org.gridatlas.engine.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * report.json's word on one input feature whose topology repair or cleaning at the 1 mm working
 * precision changed (a part split where a neck closed, a part gone, a hole closed, opened or formed,
 * parts joined): {@code change}, where (lon/lat) and how wide the feature as given was there.
 */
public record TopologyChange(
        String id,
        String change,
        double lon,
        double lat,
        @JsonProperty("width_m") double widthM) {

    @Override
    public String toString() {
        return String.format("%s at (%.9f, %.9f), %.6f m wide as given", change, lon, lat, widthM);
    }
}
