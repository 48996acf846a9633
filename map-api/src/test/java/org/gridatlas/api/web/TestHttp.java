package org.gridatlas.api.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The tests' one HTTP helper, for tests that talk to one or more running servers. */
final class TestHttp {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestHttp() {}

    /** The one client of the tests (for streams and requests the helpers below do not cover). */
    static HttpClient client() {
        return HTTP;
    }

    static String base(ApiServer server) {
        return "http://127.0.0.1:" + server.port();
    }

    static HttpResponse<String> get(ApiServer server, String path, String... headers) throws Exception {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(base(server) + path)).timeout(Duration.ofSeconds(20));
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<byte[]> getBytes(ApiServer server, String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(base(server) + path))
                        .timeout(Duration.ofSeconds(20))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    static HttpResponse<String> post(ApiServer server, String path, String type, String body, String... headers)
            throws Exception {
        return send(server, "POST", path, type, body, headers);
    }

    static HttpResponse<String> put(ApiServer server, String path, String type, String body, String... headers)
            throws Exception {
        return send(server, "PUT", path, type, body, headers);
    }

    private static HttpResponse<String> send(
            ApiServer server, String method, String path, String type, String body, String... headers)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base(server) + path))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", type)
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    interface Check {
        boolean holds() throws Exception;
    }

    /** Polls until the condition holds and returns the seconds it took; fails after the deadline (generous: tests assert outcomes, not timings). */
    static double await(String what, Duration deadline, Check condition) throws InterruptedException {
        long t0 = System.nanoTime();
        while (!holds(condition)) {
            if (System.nanoTime() - t0 > deadline.toNanos())
                throw new AssertionError(what + " did not happen within " + deadline);
            Thread.sleep(5);
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    private static boolean holds(Check c) {
        try {
            return c.holds();
        } catch (Exception e) {
            return false;
        }
    }
}
