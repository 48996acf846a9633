package org.gridatlas.api.serving;

import org.gridatlas.engine.geom.ChinaCrs;
import org.gridatlas.engine.lookup.address.AddressMatch;
import org.gridatlas.engine.model.Grid;

/**
 * An appeal located by its address, and by its point when it has one too: inside coverage the
 * coordinates decide and a different grid from the address is reported; outside coverage (or with
 * no point) the address decides.
 */
public record AddressLookup(
        AddressMatch match, PointLookup.Resolved point, String gridCode, String decidedBy, String disagreement) {
    public static final int MAX_ADDRESS = 500;

    /** {@code address}: checked as plain text by the caller; {@code lon}/{@code lat}: null when the appeal has only an address. */
    public static AddressLookup of(ServingState s, String address, Double lon, Double lat, ChinaCrs crs) {
        AddressMatch m = s.addresses.match(address);
        if (lon == null || lat == null)
            return new AddressLookup(m, null, m.gridCode(), m.gridCode() == null ? null : "address", null);
        PointLookup.Resolved p = PointLookup.resolve(s, lon, lat, crs, PointLookup.DEFAULT_NEAR_M);
        Grid g = p.lookup().grid();
        if (g == null) return new AddressLookup(m, p, m.gridCode(), m.gridCode() == null ? null : "address", null);
        String disagreement = m.gridCode() != null && !m.gridCode().equals(g.code())
                ? "the point lies in grid " + g.code() + " but the address leads to grid " + m.gridCode()
                : m.gridCode() == null
                                && !m.candidates().isEmpty()
                                && !m.candidates().contains(g.code())
                        ? "the point lies in grid " + g.code() + ", not among the address's candidates"
                        : null;
        return new AddressLookup(m, p, g.code(), "coordinates", disagreement);
    }
}
