package org.gridatlas.api.geoserver;

import java.net.URI;

/** Which GeoServer to publish to: its base URL (e.g. http://gis.example:8080/geoserver), an admin account and the workspace. */
public record GeoServerTarget(URI url, String user, String password, String workspace) {
    public GeoServerTarget {
        if (url == null) throw new org.gridatlas.engine.io.InputException("the GeoServer URL is missing");
        if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
            throw new org.gridatlas.engine.io.InputException("the GeoServer URL must be http(s): " + url);
        }
        if (workspace == null || !workspace.matches("[A-Za-z_][A-Za-z0-9_-]*")) {
            throw new org.gridatlas.engine.io.InputException(
                    "workspace name '" + workspace + "' must be letters, digits, '_' or '-'");
        }
        String s = url.toString();
        if (s.endsWith("/")) url = URI.create(s.substring(0, s.length() - 1));
    }
}
