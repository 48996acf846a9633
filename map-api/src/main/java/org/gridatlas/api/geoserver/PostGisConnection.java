package org.gridatlas.api.geoserver;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gridatlas.engine.errors.InputException;

/** The PostGIS database GeoServer should read, as GeoServer's PostGIS data store parameters. */
public record PostGisConnection(String host, int port, String database, String user, String password, String schema) {

    /**
     * Parses a map-api JDBC URL ({@code jdbc:postgresql://host:port/db?user=..&password=..}); {@code hostSeenByGeoServer}
     * replaces the host when GeoServer reaches the database under another name (null keeps it).
     */
    public static PostGisConnection fromJdbcUrl(String jdbcUrl, String hostSeenByGeoServer) {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql://")) {
            throw new InputException(
                    "jdbc", "publishing needs the PostGIS store (jdbc:postgresql://...), not " + jdbcUrl);
        }
        URI u = URI.create(jdbcUrl.substring("jdbc:".length()));
        Map<String, String> q = new LinkedHashMap<>();
        if (u.getRawQuery() != null) {
            for (String kv : u.getRawQuery().split("&")) {
                String[] p = kv.split("=", 2);
                q.put(p[0], p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : "");
            }
        }
        String db = u.getPath() == null || u.getPath().length() <= 1
                ? "postgres"
                : u.getPath().substring(1);
        return new PostGisConnection(
                hostSeenByGeoServer != null ? hostSeenByGeoServer : u.getHost(),
                u.getPort() < 0 ? 5432 : u.getPort(),
                db,
                q.getOrDefault("user", "postgres"),
                q.getOrDefault("password", ""),
                "public");
    }

    /** GeoServer's connection parameters, without the password (GeoServer gives it back encrypted, so it is set, never compared). */
    Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("dbtype", "postgis");
        p.put("host", host);
        p.put("port", Integer.toString(port));
        p.put("database", database);
        p.put("schema", schema);
        p.put("user", user);
        p.put("Expose primary keys", "true");
        return p;
    }
}
