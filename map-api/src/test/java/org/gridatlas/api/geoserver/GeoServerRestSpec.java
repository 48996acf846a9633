package org.gridatlas.api.geoserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * GeoServer's own REST API descriptions (test resources geoserver-rest/, Swagger 2.0, see the README
 * there), as a check of what a client sends and a fake answers: the operation must be described (path
 * and method), its content type among those it consumes, its query parameters among those it takes
 * (the required ones given), its JSON body of the described schema (required fields, types, enums),
 * and an answer's status among those it lists or those GeoServer answers on every resource.
 */
final class GeoServerRestSpec {
    static final List<String> FILES = List.of(
            "workspaces.yaml",
            "datastores.yaml",
            "featuretypes.yaml",
            "styles.yaml",
            "layers.yaml",
            "layergroups.yaml",
            "gwcmasstruncate.yaml");
    /**
     * Statuses the descriptions list on some operations and GeoServer answers on all: credentials
     * refused (401), not allowed (403), missing (404), method not allowed (405), conflict (409).
     */
    static final Set<Integer> ANY_OPERATION = Set.of(401, 403, 404, 405, 409);

    private static final String REST = "/geoserver/rest";
    private static final Pattern EXTENSION = Pattern.compile("\\.(json|xml|sld)$");

    /** One described operation. */
    record Operation(
            String file,
            String method,
            String template,
            Pattern path,
            List<String> consumes,
            Map<String, Boolean> query,
            JsonNode body,
            JsonNode definitions,
            Set<Integer> statuses) {}

    private final List<Operation> operations = new ArrayList<>();

    GeoServerRestSpec() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        for (String f : FILES) {
            try (InputStream in = GeoServerRestSpec.class.getResourceAsStream("/geoserver-rest/" + f)) {
                if (in == null) throw new IllegalStateException("missing test resource geoserver-rest/" + f);
                read(f, yaml.readTree(in));
            } catch (IOException e) {
                throw new UncheckedIOException("reading geoserver-rest/" + f, e);
            }
        }
    }

    int size() {
        return operations.size();
    }

    private void read(String file, JsonNode doc) {
        String base = doc.path("basePath").asText(REST);
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> p = paths.next();
            // styles.yaml writes two paths with /rest under its /geoserver/rest base: they are GeoServer's /rest paths
            String template = p.getKey().startsWith("/rest/") && base.equals(REST)
                    ? "/geoserver" + p.getKey()
                    : base + p.getKey();
            Pattern regex =
                    Pattern.compile(template.replaceAll("\\{[^}]+}", "[^/]+").replace(".", "\\."));
            for (Iterator<Map.Entry<String, JsonNode>> ops = p.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> o = ops.next();
                if (!Set.of("get", "post", "put", "delete").contains(o.getKey())) continue;
                JsonNode op = o.getValue();
                List<String> consumes = new ArrayList<>();
                op.path("consumes").forEach(c -> consumes.add(c.asText()));
                Map<String, Boolean> query = new LinkedHashMap<>();
                JsonNode body = null;
                for (JsonNode param : op.path("parameters")) {
                    if (param.path("in").asText().equals("query"))
                        query.put(
                                param.path("name").asText(),
                                param.path("required").asBoolean(false));
                    if (param.path("in").asText().equals("body")) body = param.path("schema");
                }
                Set<Integer> statuses = new HashSet<>();
                op.path("responses").fieldNames().forEachRemaining(s -> statuses.add(Integer.parseInt(s)));
                operations.add(new Operation(
                        file,
                        o.getKey().toUpperCase(),
                        template,
                        regex,
                        consumes,
                        query,
                        body,
                        doc.path("definitions"),
                        statuses));
            }
        }
    }

    /** The operation a request is, or null when no description has it. */
    Operation operation(String method, String path) {
        String bare = EXTENSION.matcher(path).replaceFirst("");
        Operation found = null;
        for (Operation o : operations) {
            if (!o.method().equals(method)) continue;
            // a literal path (…/featuretypes) beats a template of the same length (…/{storeName})
            if (o.path().matcher(bare).matches() || o.path().matcher(path).matches())
                if (found == null || literals(o.template()) > literals(found.template())) found = o;
        }
        return found;
    }

    private static int literals(String template) {
        return template.replaceAll("\\{[^}]+}", "").length();
    }

    /** Why the descriptions do not allow this request (empty when they do). */
    List<String> violations(String method, String path, String rawQuery, String contentType, String body) {
        List<String> out = new ArrayList<>();
        Operation o = operation(method, path);
        String request = method + " " + path;
        if (o == null) {
            out.add(request + ": no GeoServer REST description has this operation");
            return out;
        }
        Map<String, String> query = query(rawQuery);
        for (String q : query.keySet())
            if (!o.query().containsKey(q)) out.add(request + ": query parameter '" + q + "' is not in " + o.file());
        o.query().forEach((name, required) -> {
            if (required && !query.containsKey(name))
                out.add(request + ": required query parameter '" + name + "' missing (" + o.file() + ")");
        });
        boolean hasBody = body != null && !body.isEmpty();
        if (hasBody) {
            String type = contentType == null ? "" : contentType.split(";")[0].strip();
            if (!o.consumes().contains(type))
                out.add(request + ": content type '" + type + "' is not one " + o.file() + " consumes: "
                        + o.consumes());
            else if (o.body() != null && type.endsWith("json")) {
                try {
                    JsonNode json = new ObjectMapper().readTree(body);
                    JsonNode schema = resolve(o.body(), o.definitions());
                    // GeoServer wraps a resource in its name; most schemas describe the resource itself
                    if (!schema.path("properties").has(firstField(json)) && json.size() == 1)
                        json = json.elements().next();
                    check(json, schema, o.definitions(), "body", request, out);
                } catch (IOException e) {
                    out.add(request + ": body is not JSON: " + e.getMessage());
                }
            }
        } else if (o.body() != null && o.body().path("required").size() > 0) {
            out.add(request + ": no body, " + o.file() + " describes one");
        }
        return out;
    }

    /** Whether the descriptions let this operation answer with this status. */
    boolean answers(String method, String path, int status) {
        Operation o = operation(method, path);
        return o != null && (o.statuses().contains(status) || ANY_OPERATION.contains(status));
    }

    private static String firstField(JsonNode json) {
        Iterator<String> names = json.fieldNames();
        return names.hasNext() ? names.next() : "";
    }

    private static JsonNode resolve(JsonNode schema, JsonNode definitions) {
        while (schema.has("$ref"))
            schema = definitions.path(schema.path("$ref").asText().replace("#/definitions/", ""));
        return schema;
    }

    private static void check(
            JsonNode value, JsonNode schema, JsonNode definitions, String at, String request, List<String> out) {
        schema = resolve(schema, definitions);
        String type = schema.path("type").asText("");
        boolean ok = switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "boolean" -> value.isBoolean();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            default -> true;
        };
        if (!ok) {
            out.add(request + ": " + at + " must be " + type + ", is " + value.getNodeType());
            return;
        }
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode e : schema.path("enum")) listed |= e.asText().equals(value.asText());
            if (!listed) out.add(request + ": " + at + " '" + value.asText() + "' not in " + schema.path("enum"));
        }
        for (JsonNode r : schema.path("required"))
            if (!value.has(r.asText())) out.add(request + ": " + at + "." + r.asText() + " is required");
        if (value.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> f = value.fields(); f.hasNext(); ) {
                Map.Entry<String, JsonNode> e = f.next();
                JsonNode property = schema.path("properties").path(e.getKey());
                if (!property.isMissingNode())
                    check(e.getValue(), property, definitions, at + "." + e.getKey(), request, out);
            }
        }
        if (value.isArray())
            for (int i = 0; i < value.size(); i++)
                check(value.get(i), schema.path("items"), definitions, at + "[" + i + "]", request, out);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) return out;
        for (String kv : raw.split("&")) {
            String[] p = kv.split("=", 2);
            out.put(
                    URLDecoder.decode(p[0], StandardCharsets.UTF_8),
                    p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : "");
        }
        return out;
    }
}
