package org.gridatlas.store;

import static org.gridatlas.engine.io.FieldType.TEXT;
import static org.gridatlas.store.GeoPackageTables.row;
import static org.gridatlas.store.GeoPackageTables.str;

import java.util.List;
import org.gridatlas.engine.io.Feature;
import org.gridatlas.engine.io.LayerSchema;

/**
 * Staff and zones (片区) in the GeoPackage, each list replaced whole. Unsynchronised:
 * {@link GeoPackageGridStore} serialises every call.
 */
final class GeoPackageStaff implements StaffStore {
    static final LayerSchema STAFF = LayerSchema.attributes(
            "staff", "grid_code", TEXT, "role", TEXT, "name", TEXT, "phone", TEXT, "department", TEXT, "branch", TEXT);
    static final LayerSchema ZONES =
            LayerSchema.attributes("zones", "community_code", TEXT, "zone_code", TEXT, "zone_name", TEXT);

    private final GeoPackageTables file;

    GeoPackageStaff(GeoPackageTables file) {
        this.file = file;
    }

    @Override
    public void replaceStaff(List<StaffMember> staff) {
        replaceAll(
                STAFF,
                () -> staff.stream()
                        .map(m -> row(
                                "grid_code",
                                m.gridCode(),
                                "role",
                                m.role(),
                                "name",
                                m.name(),
                                "phone",
                                m.phone(),
                                "department",
                                m.department(),
                                "branch",
                                m.branch()))
                        .toList());
    }

    @Override
    public List<StaffMember> staff() {
        // rows from before departments have none: the role's own
        return file.read(STAFF).stream()
                .map(f -> new StaffMember(
                        str(f, "grid_code"),
                        str(f, "role"),
                        str(f, "name"),
                        str(f, "phone"),
                        str(f, "department") != null ? str(f, "department") : StaffMember.ROLES.get(str(f, "role")),
                        str(f, "branch")))
                .toList();
    }

    @Override
    public void replaceZones(List<Zone> zones) {
        replaceAll(
                ZONES,
                () -> zones.stream()
                        .map(z -> row(
                                "community_code",
                                z.communityCode(),
                                "zone_code",
                                z.zoneCode(),
                                "zone_name",
                                z.zoneName()))
                        .toList());
    }

    @Override
    public List<Zone> zones() {
        return file.read(ZONES).stream()
                .map(f -> new Zone(str(f, "community_code"), str(f, "zone_code"), str(f, "zone_name")))
                .toList();
    }

    /** Replaces a whole attributes table in one transaction; rows are built inside it, so a bad one changes nothing. */
    private void replaceAll(LayerSchema table, java.util.function.Supplier<List<Feature>> rows) {
        try {
            List<Feature> all = rows.get();
            file.inTransaction(() -> {
                file.deleteAll(table);
                file.table(table).insert(all);
            });
        } catch (RuntimeException e) {
            throw new StoreException(table.name() + " import failed, store unchanged: " + e.getMessage(), e);
        }
    }
}
