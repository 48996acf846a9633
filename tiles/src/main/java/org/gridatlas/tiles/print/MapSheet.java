package org.gridatlas.tiles.print;

import java.time.LocalDate;
import java.util.List;
import org.gridatlas.engine.model.Barrier;
import org.locationtech.jts.geom.Geometry;

/**
 * What one printed page of a grid map (网格公示图) shows, all geometry in lon/lat: the area it is
 * about ({@code subject}: a grid or a community) with its parts (a grid's micro grids, a
 * community's grids), the neighbours around it labelled by code, its buildings labelled by number
 * and the other buildings in view, roads, rivers and railways with their names, the counts, the
 * people responsible, the party branch, the link the QR code carries, and when and from which
 * version it was drawn. {@code subtitle} carries the code as the reader should see it
 * (网格编码 …) and where the subject is; {@code partName} names its parts in the legend (微网格).
 */
public record MapSheet(
        String title,
        String code,
        String subtitle,
        Geometry subject,
        String partName,
        List<Labelled> parts,
        List<Labelled> neighbours,
        List<Labelled> buildings,
        List<Geometry> otherBuildings,
        List<Barrier> barriers,
        int households,
        int buildingCount,
        List<Person> people,
        String partyBranch,
        String reportUrl,
        LocalDate date,
        String version) {

    public MapSheet {
        parts = List.copyOf(parts);
        neighbours = List.copyOf(neighbours);
        buildings = List.copyOf(buildings);
        otherBuildings = List.copyOf(otherBuildings);
        barriers = List.copyOf(barriers);
        people = List.copyOf(people);
    }

    /** A shape and the text printed on it (a code, a building number; null: none). */
    public record Labelled(String label, Geometry geometry) {}

    /** One of the people responsible, as printed: role (网格长), name, department and phone (may be null). */
    public record Person(String role, String name, String department, String phone) {}
}
