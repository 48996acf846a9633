package org.gridatlas.api.geoserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The part of GeoServer's REST API that {@link GeoServerPublisher} uses, on loopback, with its
 * catalog in memory and GeoServer's documented answers: 401 without valid basic credentials,
 * 404 for a missing resource or parent, 201 for a POST that creates, 409 for a POST of a name
 * that exists, 200 for a PUT (which merges fields), a layer made with each feature type, a data
 * store's password given back encrypted, and GeoWebCache's masstruncate.
 */
public final class FakeGeoServer implements AutoCloseable {
    static {
        // the JDK server otherwise leaves Nagle on: ~40 ms per small answer
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Read once: every fake checks against the same descriptions. */
    static final GeoServerRestSpec SPEC = new GeoServerRestSpec();

    private static final Pattern COLLECTION =
            Pattern.compile("(/rest/workspaces(?:/[^/]+/(?:datastores(?:/[^/]+/featuretypes)?|styles|layergroups))?)");
    private final HttpServer http;
    private final String credentials;
    /** Catalog resources by path (without extension): JSON bodies, or SLD text for styles. */
    private final Map<String, Object> catalog = new ConcurrentHashMap<>();

    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<String> truncated = Collections.synchronizedList(new ArrayList<>());
    /** Requests (and answers) GeoServer's REST API descriptions do not allow. */
    private final List<String> violations = Collections.synchronizedList(new ArrayList<>());

    private volatile String failPrefix;
    private volatile int failStatus;

    public FakeGeoServer(String user, String password) throws IOException {
        this.credentials =
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/geoserver/", this::handle);
        http.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/geoserver");
    }

    /** Every request so far, as "METHOD /path". */
    public List<String> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    public List<String> changes() {
        return requests().stream().filter(r -> !r.startsWith("GET ")).toList();
    }

    /** What was sent (or answered) that GeoServer's REST API descriptions do not allow. */
    public List<String> violations() {
        synchronized (violations) {
            return List.copyOf(violations);
        }
    }

    public List<String> truncated() {
        return List.copyOf(truncated);
    }

    public Object resource(String path) {
        return catalog.get(path);
    }

    public void putResource(String path, Object value) {
        catalog.put(path, value);
    }

    /** The next request whose "METHOD /path" starts with this prefix gets this status (to play a concurrent change). */
    void failNext(String prefix, int status) {
        failStatus = status;
        failPrefix = prefix;
    }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            String path = x.getRequestURI().getPath().substring("/geoserver".length());
            String method = x.getRequestMethod();
            requests.add(method + " " + path);
            byte[] body = x.getRequestBody().readAllBytes();
            if (!path.startsWith("/rest/") && !path.startsWith("/gwc/rest/")) {
                // outside the REST API (a wrong base URL): GeoServer's web application has no such page
                send(x, 404, "text/html", "HTTP ERROR 404 Not Found");
                return;
            }
            List<String> refused = SPEC.violations(
                    method,
                    x.getRequestURI().getPath(),
                    x.getRequestURI().getRawQuery(),
                    x.getRequestHeaders().getFirst("Content-Type"),
                    new String(body, StandardCharsets.UTF_8));
            if (!refused.isEmpty()) {
                violations.addAll(refused);
                send(x, 400, "text/plain", "not in GeoServer's REST API description: " + refused);
                return;
            }
            if (!credentials.equals(x.getRequestHeaders().getFirst("Authorization"))) {
                send(x, 401, "text/plain", "HTTP ERROR 401 Unauthorized");
                return;
            }
            String prefix = failPrefix;
            if (prefix != null && (method + " " + path).startsWith(prefix)) {
                failPrefix = null;
                send(x, failStatus, "text/plain", "simulated " + failStatus);
                return;
            }
            String key = path.replaceFirst("\\.(json|sld|xml)$", "");
            switch (method) {
                case "GET" -> get(x, key, path.endsWith(".sld"));
                case "POST" -> post(x, key, new String(body, StandardCharsets.UTF_8));
                case "PUT" -> put(x, key, new String(body, StandardCharsets.UTF_8));
                default -> send(x, 405, "text/plain", "method not allowed");
            }
        }
    }

    private void get(HttpExchange x, String key, boolean sld) throws IOException {
        Object r = catalog.get(key);
        if (r == null) send(x, 404, "text/plain", "No such resource: " + key);
        else if (sld) send(x, 200, "application/vnd.ogc.sld+xml", (String) r);
        else send(x, 200, "application/json", r.toString());
    }

    private void post(HttpExchange x, String key, String body) throws IOException {
        if (key.equals("/gwc/rest/masstruncate")) {
            String layer = query(x.getRequestURI(), "layer");
            if (!catalog.containsKey("/rest/layers/" + layer)) {
                send(x, 404, "text/plain", "Unknown layer " + layer);
                return;
            }
            truncated.add(layer);
            send(x, 200, "text/plain", "");
            return;
        }
        if (!COLLECTION.matcher(key).matches()) {
            send(x, key.startsWith("/rest/") ? 405 : 404, "text/plain", "POST not allowed on " + key);
            return;
        }
        String parent = key.substring(0, key.lastIndexOf('/'));
        if (!parent.equals("/rest") && !catalog.containsKey(parent)) {
            send(x, 404, "text/plain", "No such parent " + parent);
            return;
        }
        String name;
        Object value;
        if (key.endsWith("/styles")) {
            name = query(x.getRequestURI(), "name");
            value = body;
        } else {
            JsonNode n = JSON.readTree(body);
            String root = n.fieldNames().next();
            name = n.get(root).get("name").asText();
            ObjectNode inner = (ObjectNode) n.get(root);
            encryptPassword(inner);
            value = n;
        }
        String created = key + "/" + name;
        if (catalog.containsKey(created)) {
            send(x, 409, "text/plain", "Resource " + name + " already exists");
            return;
        }
        catalog.put(created, value);
        if (key.endsWith("/featuretypes")) {
            String ws = key.split("/")[3];
            ObjectNode layer = JSON.createObjectNode();
            layer.putObject("layer").put("name", name).putObject("defaultStyle").put("name", "polygon");
            catalog.put("/rest/layers/" + ws + ":" + name, layer);
        }
        x.getResponseHeaders().add("Location", url() + created);
        send(x, 201, "text/plain", name);
    }

    private void put(HttpExchange x, String key, String body) throws IOException {
        Object have = catalog.get(key);
        if (have == null) {
            send(x, 404, "text/plain", "No such resource: " + key);
            return;
        }
        if (have instanceof String) {
            catalog.put(key, body);
        } else {
            JsonNode n = JSON.readTree(body);
            String root = n.fieldNames().next();
            ObjectNode merged = ((ObjectNode) ((JsonNode) have).get(root)).deepCopy();
            merged.setAll((ObjectNode) n.get(root));
            encryptPassword(merged);
            ObjectNode whole = JSON.createObjectNode();
            whole.set(root, merged);
            catalog.put(key, whole);
        }
        send(x, 200, "text/plain", "");
    }

    /** GeoServer keeps and gives back store passwords encrypted. */
    private static void encryptPassword(ObjectNode resource) {
        JsonNode entries = resource.path("connectionParameters").path("entry");
        for (JsonNode e : entries) {
            if (e.path("@key").asText().equals("passwd"))
                ((ObjectNode) e)
                        .put(
                                "$",
                                "crypt1:"
                                        + Base64.getEncoder()
                                                .encodeToString(
                                                        e.path("$").asText().getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static String query(URI uri, String name) {
        for (String kv : uri.getQuery() == null ? new String[0] : uri.getQuery().split("&")) {
            String[] p = kv.split("=", 2);
            if (p[0].equals(name)) return p.length > 1 ? p[1] : "";
        }
        return null;
    }

    /** Answers; a status GeoServer's description of the operation does not list is a violation too. */
    private void send(HttpExchange x, int status, String type, String body) throws IOException {
        String path = x.getRequestURI().getPath();
        boolean rest = path.startsWith("/geoserver/rest/") || path.startsWith("/geoserver/gwc/rest/");
        if (rest && status != 400 && !SPEC.answers(x.getRequestMethod(), path, status))
            violations.add(x.getRequestMethod() + " " + path + " answered " + status
                    + ", a status its description does not list");
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", type);
        x.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
        if (b.length > 0) x.getResponseBody().write(b);
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
