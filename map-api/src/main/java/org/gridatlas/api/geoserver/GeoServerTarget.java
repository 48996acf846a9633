package org.gridatlas.api.geoserver;

import java.net.URI;
import org.gridatlas.engine.errors.InputException;

/** Which GeoServer to publish to: its base URL (e.g. http://gis.example:8080/geoserver), an admin account and the workspace. */
public record GeoServerTarget(URI url, String user, String password, String workspace) {
    public GeoServerTarget {
        if (url == null) throw new InputException("geoserver", "the URL is missing");
        if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
            throw new InputException("geoserver", "the URL must be http(s), not " + url);
        }
        if (workspace == null || !workspace.matches("[A-Za-z_][A-Za-z0-9_-]*")) {
            throw new InputException("geoserver-workspace", "'" + workspace + "' must be letters, digits, '_' or '-'");
        }
        String s = url.toString();
        if (s.endsWith("/")) url = URI.create(s.substring(0, s.length() - 1));
    }
}
