package org.gridatlas.api.geoserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Publishing against {@link FakeGeoServer}: what is created, that a second run changes nothing, and the errors. */
class GeoServerPublisherTest {
    static final PostGisConnection DB =
            PostGisConnection.fromJdbcUrl("jdbc:postgresql://127.0.0.1:5432/grids?user=gis&password=s3cret", null);
    private FakeGeoServer geoServer;
    private GeoServerPublisher publisher;

    @BeforeEach
    void start() throws Exception {
        geoServer = new FakeGeoServer("admin", "geoserver");
        publisher = new GeoServerPublisher(
                new GeoServerClient(new GeoServerTarget(geoServer.url(), "admin", "geoserver", "qhd")));
    }

    @AfterEach
    void stop() {
        geoServer.close();
        assertEquals(List.of(), geoServer.violations(), "every request as GeoServer's REST API describes it");
    }

    @Test
    void requestsTheDescriptionsDoNotAllowAreCaught() throws Exception {
        GeoServerRestSpec spec = FakeGeoServer.SPEC;
        assertTrue(spec.size() > 60, "every description read: " + spec.size() + " operations");
        assertEquals(
                List.of(),
                spec.violations(
                        "POST",
                        "/geoserver/rest/workspaces",
                        null,
                        "application/json",
                        "{\"workspace\":{\"name\":\"a\"}}"));
        assertEquals(
                1,
                spec.violations("POST", "/geoserver/rest/workspaces/qhd/layers", null, "application/json", "{}")
                        .size(),
                "no description has a workspace's layers");
        assertTrue(spec.violations("POST", "/geoserver/rest/workspaces", null, "application/json", "{\"workspace\":{}}")
                .get(0)
                .contains("body.workspace.name is required"));
        assertTrue(
                spec.violations(
                                "PUT",
                                "/geoserver/rest/layers/qhd:grids",
                                null,
                                "application/json",
                                "{\"layer\":{\"type\":\"POLYGON\"}}")
                        .get(0)
                        .contains("not in"),
                "an enum value GeoServer does not list");
        assertTrue(
                spec
                        .violations("POST", "/geoserver/gwc/rest/masstruncate", null, "text/xml", "<truncateLayer/>")
                        .stream()
                        .anyMatch(v -> v.contains("requestType")));
        assertTrue(spec.violations(
                        "POST",
                        "/geoserver/rest/workspaces/qhd/styles",
                        "name=s&raw=true",
                        "application/vnd.ogc.sld+xml",
                        "<sld/>")
                .get(0)
                .contains("'raw'"));
        assertTrue(spec.answers("POST", "/geoserver/rest/workspaces", 201));
        assertFalse(spec.answers("POST", "/geoserver/rest/workspaces", 200), "a create answers 201");
    }

    @Test
    void publishesWorkspaceStoreLayersStylesAndGroup() {
        List<GeoServerPublisher.Step> steps = publisher.publish(DB);
        assertEquals(2 + 3 * PublishedLayer.values().length + 1, steps.size());
        assertTrue(steps.stream().noneMatch(s -> s.action().equals("unchanged")), steps.toString());
        JsonNode store = (JsonNode) geoServer.resource("/rest/workspaces/qhd/datastores/gridatlas");
        assertEquals("PostGIS", store.path("dataStore").path("type").asText());
        assertTrue(
                store.toString().contains("\"grids\"") && store.toString().contains("\"gis\""),
                "database and user are the JDBC URL's");
        for (PublishedLayer l : PublishedLayer.values()) {
            JsonNode ft = (JsonNode)
                    geoServer.resource("/rest/workspaces/qhd/datastores/gridatlas/featuretypes/" + l.layerName);
            assertEquals(l.nativeName, ft.path("featureType").path("nativeName").asText());
            assertEquals("EPSG:4490", ft.path("featureType").path("srs").asText());
            String sld = (String) geoServer.resource("/rest/workspaces/qhd/styles/gridatlas_" + l.layerName);
            assertTrue(sld.contains("<Name>gridatlas_" + l.layerName + "</Name>"), sld);
            JsonNode layer = (JsonNode) geoServer.resource("/rest/layers/qhd:" + l.layerName);
            assertEquals(
                    "gridatlas_" + l.layerName,
                    layer.path("layer").path("defaultStyle").path("name").asText());
        }
        JsonNode group = (JsonNode) geoServer.resource("/rest/workspaces/qhd/layergroups/gridatlas");
        assertEquals(
                List.of("qhd:grids", "qhd:micro_grids", "qhd:communities", "qhd:streets"),
                group.path("layerGroup").path("publishables").path("published").findValuesAsText("name"));
        String grids = (String) geoServer.resource("/rest/workspaces/qhd/styles/gridatlas_grids");
        assertTrue(
                grids.contains("<ogc:Literal>300</ogc:Literal>") && grids.contains("<ogc:Literal>501</ogc:Literal>"),
                "households bands at the rule's bounds");
    }

    @Test
    void publishingTwiceChangesNothing() {
        publisher.publish(DB);
        int before = geoServer.changes().size();
        List<GeoServerPublisher.Step> again = publisher.publish(DB);
        assertTrue(again.stream().allMatch(s -> s.action().equals("unchanged")), again.toString());
        assertEquals(
                before,
                geoServer.changes().size(),
                "no POST or PUT the second time: "
                        + geoServer
                                .changes()
                                .subList(before, geoServer.changes().size()));
    }

    @Test
    void aChangedStyleOrDatabaseIsUpdatedAndNothingElse() {
        publisher.publish(DB);
        geoServer.putResource(
                "/rest/workspaces/qhd/styles/gridatlas_grids",
                "<StyledLayerDescriptor>edited by hand</StyledLayerDescriptor>");
        int before = geoServer.changes().size();
        publisher.publish(PostGisConnection.fromJdbcUrl(
                "jdbc:postgresql://db.internal:5433/grids?user=gis&password=s3cret", null));
        List<String> changes =
                geoServer.changes().subList(before, geoServer.changes().size());
        assertEquals(
                List.of(
                        "PUT /rest/workspaces/qhd/datastores/gridatlas",
                        "PUT /rest/workspaces/qhd/styles/gridatlas_grids"),
                changes);
        assertTrue(((String) geoServer.resource("/rest/workspaces/qhd/styles/gridatlas_grids"))
                .contains("gridatlas_grids"));
        assertTrue(geoServer
                .resource("/rest/workspaces/qhd/datastores/gridatlas")
                .toString()
                .contains("db.internal"));
    }

    @Test
    void truncatesTheCachedTilesOfTheLayers() {
        publisher.publish(DB);
        publisher.truncate(List.of(PublishedLayer.GRIDS, PublishedLayer.MICRO_GRIDS));
        assertEquals(List.of("qhd:grids", "qhd:micro_grids"), geoServer.truncated());
    }

    @Test
    void wrongCredentialsAreA401WithAClearMessage() {
        GeoServerPublisher wrong = new GeoServerPublisher(
                new GeoServerClient(new GeoServerTarget(geoServer.url(), "admin", "nope", "qhd")));
        GeoServerException e = assertThrows(GeoServerException.class, () -> wrong.publish(DB));
        assertEquals(401, e.status());
        assertTrue(
                e.getMessage().contains("refused user 'admin'")
                        && e.getMessage().contains("password"),
                e.getMessage());
        assertTrue(geoServer.changes().isEmpty());
    }

    @Test
    void aWrongBaseUrlIsA404ThatSaysSo() {
        URI wrongBase = URI.create(geoServer.url() + "/web");
        GeoServerPublisher wrong = new GeoServerPublisher(
                new GeoServerClient(new GeoServerTarget(wrongBase, "admin", "geoserver", "qhd")));
        GeoServerException e = assertThrows(GeoServerException.class, () -> wrong.publish(DB));
        assertEquals(404, e.status());
        assertTrue(e.getMessage().contains("GeoServer's base"), e.getMessage());
    }

    @Test
    void aConcurrentChangeIsA409AndPublishingAgainFinishes() {
        geoServer.failNext("POST /rest/workspaces/qhd/datastores", 409);
        GeoServerException e = assertThrows(GeoServerException.class, () -> publisher.publish(DB));
        assertEquals(409, e.status());
        assertTrue(e.getMessage().contains("conflict") && e.getMessage().contains("publish again"), e.getMessage());
        List<GeoServerPublisher.Step> steps = publisher.publish(DB);
        assertEquals("unchanged", steps.get(0).action(), "the workspace made by the first run stays");
        assertEquals("created", steps.get(1).action());
    }

    @Test
    void anUnreachableGeoServerSaysWhere() {
        URI nowhere = URI.create("http://127.0.0.1:9/geoserver");
        GeoServerException e = assertThrows(
                GeoServerException.class,
                () -> new GeoServerPublisher(new GeoServerClient(new GeoServerTarget(nowhere, "admin", "x", "qhd")))
                        .publish(DB));
        assertEquals(0, e.status());
        assertTrue(e.getMessage().contains("not reachable") && e.getMessage().contains("127.0.0.1:9"), e.getMessage());
    }

    @Test
    void jdbcUrlsBecomeGeoServerParameters() {
        PostGisConnection c =
                PostGisConnection.fromJdbcUrl("jdbc:postgresql://10.0.0.5/gridatlas?user=postgres", "postgis");
        assertEquals("postgis", c.host());
        assertEquals(5432, c.port());
        assertEquals("gridatlas", c.database());
        assertThrows(IllegalArgumentException.class, () -> PostGisConnection.fromJdbcUrl("store.gpkg", null));
    }
}
