package org.gridatlas.api.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The answers Jetty gives itself, before any route runs (a malformed request line, headers too
 * large): our error body with the security headers, and only the status's own words, so that
 * nothing of the request (its Host, its path) is echoed back.
 */
final class ServerErrors extends ErrorHandler {
    @Override
    protected void generateResponse(
            Request request, Response response, int code, String message, Throwable cause, Callback callback) {
        SecurityHeaders.apply(response.getHeaders()::put);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, body(code), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        SecurityHeaders.apply(fields::put);
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        return body(status);
    }

    private static ByteBuffer body(int status) {
        String json = "{\"error\":{\"status\":" + status + ",\"field\":null,\"message\":\""
                + HttpStatus.getMessage(status) + "\"}}";
        return ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8));
    }
}
