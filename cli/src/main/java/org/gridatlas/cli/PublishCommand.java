package org.gridatlas.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.gridatlas.api.geoserver.GeoServerClient;
import org.gridatlas.api.geoserver.GeoServerPublisher;
import org.gridatlas.api.geoserver.GeoServerTarget;
import org.gridatlas.api.geoserver.Mapfile;
import org.gridatlas.api.geoserver.PostGisConnection;
import org.gridatlas.api.geoserver.PublishedLayer;
import org.gridatlas.engine.errors.InputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "publish",
        mixinStandardHelpOptions = true,
        description =
                "Publish the grid layers of the PostGIS store to GeoServer (workspace, data store, a layer and SLD style per level, "
                        + "a layer group; idempotent: a second run changes nothing), and/or write a MapServer mapfile "
                        + "(WMS 1.3.0 and WFS 2.0 of the same layers, styled alike, and the recent reports).")
final class PublishCommand implements Callable<Integer> {
    @Option(
            names = "--jdbc",
            required = true,
            paramLabel = "URL",
            description = "the PostGIS store GeoServer should read")
    String jdbc;

    @Mixin
    GeoServerOptions geoServer = new GeoServerOptions();

    @Option(names = "--truncate", description = "also drop GeoWebCache's cached tiles of every published layer")
    boolean truncate;

    @Option(
            names = "--mapserver",
            paramLabel = "DIR",
            description = "write gridatlas.map (a MapServer mapfile over the store, for Debian's mapserv) into DIR")
    Path mapserver;

    @Option(
            names = "--mapserver-url",
            paramLabel = "URL",
            description =
                    "the mapserv URL clients reach, for the capabilities (default: a local CGI with map=DIR/gridatlas.map)")
    String mapserverUrl;

    @Override
    public Integer call() throws IOException {
        GeoServerTarget target = geoServer.target();
        if (target == null && mapserver == null)
            throw new InputException("geoserver", "a URL is required, or --mapserver DIR");
        if (mapserver != null) {
            Path map = Mapfile.write(mapserver, PostGisConnection.fromJdbcUrl(jdbc, null), mapserverUrl);
            System.out.println("mapfile written: " + map + " (WMS 1.3.0, WFS 2.0)");
        }
        if (target == null) return 0;
        GeoServerPublisher publisher = new GeoServerPublisher(new GeoServerClient(target));
        for (GeoServerPublisher.Step s : publisher.publish(PostGisConnection.fromJdbcUrl(jdbc, geoServer.dbHost))) {
            System.out.printf("%-40s %s%n", s.resource(), s.action());
        }
        if (truncate) {
            publisher.truncate(List.of(PublishedLayer.values()));
            System.out.println("GeoWebCache tiles truncated for " + PublishedLayer.values().length + " layers");
        }
        return 0;
    }
}
