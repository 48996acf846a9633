package org.gridatlas.api.serving;

import java.util.List;
import org.gridatlas.engine.geom.ChinaCrs;
import org.gridatlas.engine.lookup.address.AddressMatch;
import org.gridatlas.engine.lookup.address.MatchLevel;
import org.gridatlas.engine.lookup.address.ParsedAddress;
import org.gridatlas.engine.model.Grid;

/**
 * An appeal located by its address, and by its point when it has one too: inside coverage the
 * coordinates decide and a different grid from the address is reported; outside coverage (or with
 * no point) the address decides.
 */
public record AddressLookup(
        AddressMatch match, PointLookup.Resolved point, String gridCode, String decidedBy, String disagreement) {
    public static final int MAX_ADDRESS = 500;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AddressLookup.class);

    /** {@code address}: checked as plain text by the caller; {@code lon}/{@code lat}: null when the appeal has only an address. */
    public static AddressLookup of(ServingState s, String address, Double lon, Double lat, ChinaCrs crs) {
        if (lon == null || lat == null) {
            AddressMatch m = s.addresses.match(address);
            return new AddressLookup(m, null, m.gridCode(), m.gridCode() == null ? null : "address", null);
        }
        AddressMatch m = matchOrNone(s, address);
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

    /**
     * With a point the appeal has a place whatever its address says: an address the matcher fails on
     * (a fault of ours, logged) is an address not matched, and the point still decides.
     */
    private static AddressMatch matchOrNone(ServingState s, String address) {
        try {
            return s.addresses.match(address);
        } catch (RuntimeException e) {
            LOG.error("address matching failed; the point decides", e);
            return new AddressMatch(
                    MatchLevel.NONE,
                    0,
                    null,
                    List.of(),
                    ParsedAddress.NOTHING,
                    null,
                    null,
                    List.of(),
                    List.of(),
                    "the address could not be read");
        }
    }
}
