package org.gridatlas.engine.model;

import java.util.List;

/**
 * Everything one delineation reads, validated, in lon/lat; {@code aliases} are other names and
 * {@code pois} the landmarks (实验小学, 人民医院) for the address gazetteer.
 */
public record Dataset(
        List<Community> communities,
        List<Building> buildings,
        List<Barrier> barriers,
        List<Campus> campuses,
        List<Hamlet> hamlets,
        List<Alias> aliases,
        List<InputNote> notes,
        List<Poi> pois) {

    public Dataset {
        communities = List.copyOf(communities);
        buildings = List.copyOf(buildings);
        barriers = List.copyOf(barriers);
        campuses = List.copyOf(campuses);
        hamlets = List.copyOf(hamlets);
        aliases = List.copyOf(aliases);
        notes = List.copyOf(notes);
        pois = List.copyOf(pois);
    }

    /** A dataset without landmarks. */
    public Dataset(
            List<Community> communities,
            List<Building> buildings,
            List<Barrier> barriers,
            List<Campus> campuses,
            List<Hamlet> hamlets,
            List<Alias> aliases,
            List<InputNote> notes) {
        this(communities, buildings, barriers, campuses, hamlets, aliases, notes, List.of());
    }

    /**
     * The landmarks addresses name: the pois, and every campus not already among them by id (a
     * campus, a dedicated grid's school or hospital, is a landmark by its own name).
     */
    public List<Poi> landmarks() {
        if (campuses.isEmpty()) return pois;
        java.util.Set<String> ids = new java.util.HashSet<>();
        pois.forEach(p -> ids.add(p.id()));
        List<Poi> out = new java.util.ArrayList<>(pois);
        for (Campus c : campuses) if (!ids.contains(c.id())) out.add(Poi.of(c));
        return List.copyOf(out);
    }

    public long households() {
        return buildings.stream().mapToLong(Building::households).sum();
    }
}
