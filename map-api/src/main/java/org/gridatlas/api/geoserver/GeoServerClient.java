package org.gridatlas.api.geoserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * A thin client of GeoServer's REST API (no GeoServer client library is on our registries):
 * JSON and SLD over {@code java.net.http}, basic authentication, and an error per status that
 * says what went wrong in GeoServer's terms (401 credentials, 403 not allowed, 404 missing, 409 conflict).
 */
public final class GeoServerClient {
    static final ObjectMapper JSON = new ObjectMapper();
    private final GeoServerTarget target;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String authorization;

    public GeoServerClient(GeoServerTarget target) {
        this.target = target;
        String userPass = target.user() + ":" + (target.password() == null ? "" : target.password());
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(userPass.getBytes(StandardCharsets.UTF_8));
    }

    public GeoServerTarget target() {
        return target;
    }

    /** GET of a JSON resource; empty when GeoServer answers 404. */
    Optional<JsonNode> getJson(String path) {
        HttpResponse<String> r = send("GET", path, null, null);
        return r.statusCode() == 404 ? Optional.empty() : Optional.of(parse(path, r.body()));
    }

    /** GET of a text resource (an SLD); empty when GeoServer answers 404. */
    Optional<String> getText(String path) {
        HttpResponse<String> r = send("GET", path, null, null);
        return r.statusCode() == 404 ? Optional.empty() : Optional.of(r.body());
    }

    void post(String path, String contentType, String body) {
        send("POST", path, contentType, body);
    }

    void put(String path, String contentType, String body) {
        send("PUT", path, contentType, body);
    }

    private HttpResponse<String> send(String method, String path, String contentType, String body) {
        URI uri = URI.create(target.url() + path);
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization)
                .header("Accept", path.endsWith(".sld") ? "application/vnd.ogc.sld+xml" : "application/json")
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) b.header("Content-Type", contentType);
        HttpResponse<String> r;
        try {
            r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new GeoServerException(
                    0, "GeoServer at " + target.url() + " is not reachable (" + method + " " + path + "): " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GeoServerException(0, "interrupted while calling GeoServer");
        }
        int s = r.statusCode();
        if (s == 401)
            throw new GeoServerException(
                    s,
                    "GeoServer at " + target.url() + " refused user '" + target.user()
                            + "' (401): check the user and password");
        if (s == 403)
            throw new GeoServerException(
                    s,
                    "GeoServer does not allow " + method + " " + path + " for user '" + target.user() + "' (403): "
                            + brief(r.body()));
        if (s == 409)
            throw new GeoServerException(
                    s,
                    "GeoServer reports a conflict on " + method + " " + path + " (409), probably a concurrent change: "
                            + brief(r.body()) + "; publish again");
        if (s == 404 && !method.equals("GET")) {
            throw new GeoServerException(
                    s,
                    "GeoServer has no " + path + " (404 to " + method
                            + "): is the URL GeoServer's base, e.g. http://host:8080/geoserver? " + brief(r.body()));
        }
        if (s >= 400 && s != 404) {
            throw new GeoServerException(
                    s, "GeoServer answered " + s + " to " + method + " " + path + ": " + brief(r.body()));
        }
        return r;
    }

    private static JsonNode parse(String path, String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new GeoServerException(
                    200,
                    "GeoServer's answer to GET " + path + " is not JSON (is the URL the GeoServer base?): "
                            + brief(body));
        }
    }

    private static String brief(String body) {
        String b = body == null ? "" : body.strip();
        return b.length() > 300 ? b.substring(0, 300) + "..." : b;
    }
}
