package org.gridatlas.api.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.sse.SseClient;
import io.javalin.router.Endpoint;
import java.util.function.Consumer;

/**
 * Registers every route together with the rule {@link Access} decides it by, so that no route
 * exists without one. Every GET route answers HEAD with the same handler (Jetty sends no body).
 * Every route that takes a body takes one of the upload slots while it runs.
 */
final class Routes {
    private final RoutesConfig routes;
    private final Access access;
    private final Slots uploads;

    Routes(RoutesConfig routes, Access access, Slots uploads) {
        this.routes = routes;
        this.access = access;
        this.uploads = uploads;
    }

    Routes get(String path, Access.Need need, Handler handler) {
        add(HandlerType.GET, path, need, handler);
        routes.addEndpoint(new Endpoint(HandlerType.HEAD, path, handler));
        return this;
    }

    Routes post(String path, Access.Need need, Handler handler) {
        add(HandlerType.POST, path, need, uploads.around(handler));
        return this;
    }

    Routes put(String path, Access.Need need, Handler handler) {
        add(HandlerType.PUT, path, need, uploads.around(handler));
        return this;
    }

    Routes patch(String path, Access.Need need, Handler handler) {
        add(HandlerType.PATCH, path, need, uploads.around(handler));
        return this;
    }

    /** A live stream (server-sent events); HEAD answers its headers only. */
    Routes sse(String path, Access.Need need, Consumer<SseClient> client) {
        access.rule(HandlerType.GET, path, need);
        routes.sse(path, client);
        routes.addEndpoint(new Endpoint(HandlerType.HEAD, path, ctx -> ctx.contentType("text/event-stream")));
        return this;
    }

    private void add(HandlerType method, String path, Access.Need need, Handler handler) {
        access.rule(method, path, need);
        routes.addEndpoint(new Endpoint(method, path, handler));
    }
}
