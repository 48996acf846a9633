package org.gridatlas.cli;

import java.nio.file.Path;
import org.gridatlas.engine.errors.InputException;
import org.gridatlas.store.GeoPackageGridStore;
import org.gridatlas.store.GridStore;
import org.gridatlas.store.PostGisGridStore;
import picocli.CommandLine.Option;

/** --store FILE.gpkg (the embedded default) or --jdbc URL (PostGIS); either may come from the environment or the configuration file. */
final class StoreOptions {
    @Option(
            names = "--store",
            paramLabel = "FILE.gpkg",
            description = "GeoPackage file to keep the state in (created when missing; default gridatlas.gpkg)")
    Path gpkg;

    @Option(
            names = "--jdbc",
            paramLabel = "URL",
            description = "PostGIS JDBC URL, e.g. jdbc:postgresql://127.0.0.1:5432/gridatlas?user=postgres")
    String jdbc;

    GridStore open() {
        if (gpkg != null && jdbc != null)
            throw new InputException(
                    null,
                    "give either --store or --jdbc, not both (check GRIDATLAS_STORE, GRIDATLAS_JDBC and the configuration file)");
        if (jdbc != null) return PostGisGridStore.open(jdbc);
        return GeoPackageGridStore.open(gpkg != null ? gpkg : Path.of("gridatlas.gpkg"));
    }
}
