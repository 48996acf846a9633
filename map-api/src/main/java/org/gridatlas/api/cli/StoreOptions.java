package org.gridatlas.api.cli;

import java.nio.file.Path;
import org.gridatlas.api.store.GeoPackageGridStore;
import org.gridatlas.api.store.GridStore;
import org.gridatlas.api.store.PostGisGridStore;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** --store FILE.gpkg (the embedded default) or --jdbc URL (PostGIS). */
final class StoreOptions {
    @ArgGroup(exclusive = true)
    Choice choice;

    static final class Choice {
        @Option(names = "--store", description = "GeoPackage file to keep the state in (created when missing)")
        Path gpkg;

        @Option(names = "--jdbc", description = "PostGIS JDBC URL, e.g. jdbc:postgresql://127.0.0.1:5432/gridatlas?user=postgres")
        String jdbc;
    }

    GridStore open() {
        if (choice != null && choice.jdbc != null) return PostGisGridStore.open(choice.jdbc);
        return GeoPackageGridStore.open(choice != null && choice.gpkg != null ? choice.gpkg : Path.of("gridatlas.gpkg"));
    }
}
