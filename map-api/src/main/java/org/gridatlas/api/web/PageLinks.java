package org.gridatlas.api.web;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Links to pages of a paged list: the request again with another offset, under --public-url (never the Host header). */
public final class PageLinks {
    private PageLinks() {}

    public static String withOffset(String publicUrl, Context ctx, int offset) {
        StringBuilder sb = new StringBuilder(publicUrl).append(ctx.path()).append('?');
        ctx.queryParamMap().forEach((k, vs) -> {
            if (!k.equals("offset"))
                vs.forEach(v -> sb.append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                        .append('=')
                        .append(URLEncoder.encode(v, StandardCharsets.UTF_8))
                        .append('&'));
        });
        return sb.append("offset=").append(offset).toString();
    }
}
