package org.gridatlas.api.geoserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Publishes the grid layers of a PostGIS store to GeoServer: workspace, PostGIS data store, one
 * feature type per level, an SLD style each, the layers' default styles and a layer group; and
 * truncates GeoWebCache's tiles of layers after a redraw. Idempotent: every resource is read
 * first and only created or updated where it differs, so publishing twice changes nothing.
 */
public final class GeoServerPublisher {
    static final String STORE = "gridatlas";
    static final String GROUP = "gridatlas";
    private static final String JSON_TYPE = "application/json";
    private static final String SLD_TYPE = "application/vnd.ogc.sld+xml";

    /** What one publish did to each resource. */
    public record Step(String resource, String action) {}

    private final GeoServerClient client;
    private final String ws;

    public GeoServerPublisher(GeoServerClient client) {
        this.client = client;
        this.ws = client.target().workspace();
    }

    public List<Step> publish(PostGisConnection db) {
        List<Step> steps = new ArrayList<>();
        steps.add(workspace());
        steps.add(dataStore(db));
        for (PublishedLayer l : PublishedLayer.values()) {
            steps.add(featureType(l));
            steps.add(style(l));
            steps.add(defaultStyle(l));
        }
        steps.add(layerGroup());
        return steps;
    }

    /** Drops GeoWebCache's cached tiles of these layers (after a redraw changed them). */
    public void truncate(List<PublishedLayer> layers) {
        for (PublishedLayer l : layers) {
            // the query form GeoWebCache's REST description gives (gwcmasstruncate.yaml)
            client.post(
                    "/gwc/rest/masstruncate?requestType=truncateLayer&layer="
                            + URLEncoder.encode(ws + ":" + l.layerName, StandardCharsets.UTF_8),
                    null,
                    null);
        }
    }

    private Step workspace() {
        if (client.getJson("/rest/workspaces/" + ws + ".json").isPresent())
            return new Step("workspace " + ws, "unchanged");
        client.post("/rest/workspaces", JSON_TYPE, wrap("workspace", obj().put("name", ws)));
        return new Step("workspace " + ws, "created");
    }

    private Step dataStore(PostGisConnection db) {
        String path = "/rest/workspaces/" + ws + "/datastores";
        ObjectNode want = obj().put("name", STORE).put("type", "PostGIS").put("enabled", true);
        Map<String, String> params = db.parameters();
        Optional<JsonNode> have = client.getJson(path + "/" + STORE + ".json");
        ObjectNode entries = want.putObject("connectionParameters");
        ArrayNode entry = entries.putArray("entry");
        params.forEach((k, v) -> entry.addObject().put("@key", k).put("$", v));
        entry.addObject().put("@key", "passwd").put("$", db.password());
        if (have.isEmpty()) {
            client.post(path, JSON_TYPE, wrap("dataStore", want));
            return new Step("data store " + STORE, "created");
        }
        if (connectionParameters(have.get().path("dataStore")).entrySet().containsAll(params.entrySet()))
            return new Step("data store " + STORE, "unchanged");
        client.put(path + "/" + STORE, JSON_TYPE, wrap("dataStore", want));
        return new Step("data store " + STORE, "updated");
    }

    private Step featureType(PublishedLayer l) {
        String path = "/rest/workspaces/" + ws + "/datastores/" + STORE + "/featuretypes";
        ObjectNode want = obj().put("name", l.layerName)
                .put("nativeName", l.nativeName)
                .put("title", l.title)
                .put("srs", "EPSG:4490")
                .put("projectionPolicy", "FORCE_DECLARED")
                .put("enabled", true);
        Optional<JsonNode> have = client.getJson(path + "/" + l.layerName + ".json");
        if (have.isEmpty()) {
            client.post(path, JSON_TYPE, wrap("featureType", want));
            return new Step("feature type " + l.layerName, "created");
        }
        if (sameFields(want, have.get().path("featureType")))
            return new Step("feature type " + l.layerName, "unchanged");
        client.put(path + "/" + l.layerName, JSON_TYPE, wrap("featureType", want));
        return new Step("feature type " + l.layerName, "updated");
    }

    private Step style(PublishedLayer l) {
        String path = "/rest/workspaces/" + ws + "/styles";
        Optional<String> have = client.getText(path + "/" + l.styleName() + ".sld");
        String sld = l.sld();
        if (have.isEmpty()) {
            client.post(path + "?name=" + l.styleName(), SLD_TYPE, sld);
            return new Step("style " + l.styleName(), "created");
        }
        if (have.get().strip().equals(sld.strip())) return new Step("style " + l.styleName(), "unchanged");
        client.put(path + "/" + l.styleName() + "?raw=true", SLD_TYPE, sld);
        return new Step("style " + l.styleName(), "updated");
    }

    private Step defaultStyle(PublishedLayer l) {
        // a workspace's layer is /rest/layers/ws:name (layers.yaml describes no /workspaces/{ws}/layers)
        String path = "/rest/layers/" + ws + ":" + l.layerName;
        JsonNode style = client.getJson(path + ".json")
                .map(n -> n.path("layer").path("defaultStyle"))
                .orElseThrow(() -> new GeoServerException(
                        404, "GeoServer made no layer " + ws + ":" + l.layerName + " for its feature type"));
        String name = style.path("name").asText();
        if (name.equals(ws + ":" + l.styleName())
                || (name.equals(l.styleName())
                        && style.path("workspace").asText().equals(ws))) {
            return new Step("layer " + l.layerName + " style", "unchanged");
        }
        client.put(
                path,
                JSON_TYPE,
                wrap(
                        "layer",
                        obj().set(
                                        "defaultStyle",
                                        obj().put("name", l.styleName()).put("workspace", ws))));
        return new Step("layer " + l.layerName + " style", "updated");
    }

    private Step layerGroup() {
        String path = "/rest/workspaces/" + ws + "/layergroups";
        ObjectNode want = obj().put("name", GROUP).put("mode", "SINGLE").put("title", "GridAtlas 网格 (街道/社区/网格/微网格)");
        ArrayNode published = want.putObject("publishables").putArray("published");
        ArrayNode styles = want.putObject("styles").putArray("style");
        List<String> names = new ArrayList<>();
        for (PublishedLayer l : PublishedLayer.values()) {
            published.addObject().put("@type", "layer").put("name", ws + ":" + l.layerName);
            styles.addObject().put("name", ws + ":" + l.styleName());
            names.add(ws + ":" + l.layerName);
        }
        Optional<JsonNode> have = client.getJson(path + "/" + GROUP + ".json");
        if (have.isEmpty()) {
            client.post(path, JSON_TYPE, wrap("layerGroup", want));
            return new Step("layer group " + GROUP, "created");
        }
        List<String> haveNames = new ArrayList<>();
        for (JsonNode p :
                list(have.get().path("layerGroup").path("publishables").path("published")))
            haveNames.add(p.path("name").asText());
        if (haveNames.equals(names)
                && have.get()
                        .path("layerGroup")
                        .path("title")
                        .asText()
                        .equals(want.get("title").asText())) {
            return new Step("layer group " + GROUP, "unchanged");
        }
        client.put(path + "/" + GROUP, JSON_TYPE, wrap("layerGroup", want));
        return new Step("layer group " + GROUP, "updated");
    }

    /** GeoServer's JSON gives a one-element list as the element itself. */
    private static List<JsonNode> list(JsonNode n) {
        List<JsonNode> out = new ArrayList<>();
        if (n.isArray()) n.forEach(out::add);
        else if (!n.isMissingNode() && !n.isNull()) out.add(n);
        return out;
    }

    private static Map<String, String> connectionParameters(JsonNode store) {
        Map<String, String> m = new LinkedHashMap<>();
        for (JsonNode e : list(store.path("connectionParameters").path("entry")))
            m.put(e.path("@key").asText(), e.path("$").asText());
        return m;
    }

    /** Whether every field we set has the same value in GeoServer's (larger) representation. */
    private static boolean sameFields(ObjectNode want, JsonNode have) {
        for (var it = want.fields(); it.hasNext(); ) {
            var f = it.next();
            if (!have.path(f.getKey()).asText().equals(f.getValue().asText())) return false;
        }
        return true;
    }

    private static ObjectNode obj() {
        return GeoServerClient.JSON.createObjectNode();
    }

    private static String wrap(String root, ObjectNode body) {
        return GeoServerClient.JSON.createObjectNode().set(root, body).toString();
    }
}
