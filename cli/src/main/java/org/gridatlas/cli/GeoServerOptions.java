package org.gridatlas.cli;

import java.net.URI;
import org.gridatlas.api.geoserver.GeoServerTarget;
import picocli.CommandLine.Option;

/** The GeoServer that publishes the grid layers for WMS/WMTS clients (none unless --geoserver is given). */
final class GeoServerOptions {
    @Option(
            names = "--geoserver",
            paramLabel = "URL",
            description = "GeoServer base URL, e.g. http://gis.example:8080/geoserver")
    URI url;

    @Option(
            names = "--geoserver-user",
            defaultValue = "admin",
            description = "GeoServer admin user (default ${DEFAULT-VALUE})")
    String user;

    @Option(
            names = "--geoserver-password",
            description = "GeoServer admin password (better in GRIDATLAS_GEOSERVER_PASSWORD or the configuration file)")
    String password;

    @Option(
            names = "--geoserver-workspace",
            defaultValue = "gridatlas",
            description = "GeoServer workspace of the layers (default ${DEFAULT-VALUE})")
    String workspace;

    @Option(
            names = "--geoserver-db-host",
            paramLabel = "HOST",
            description =
                    "the PostGIS host as GeoServer reaches it, when not the one in --jdbc (e.g. from inside its container)")
    String dbHost;

    /** Null when no GeoServer is configured. */
    GeoServerTarget target() {
        return url == null ? null : new GeoServerTarget(url, user, password, workspace);
    }
}
