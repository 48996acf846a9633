package org.gridatlas.api.serving;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Links to pages of a paged list: the request again with another offset, under --public-url (never the Host header). */
public final class PageLinks {
    private PageLinks() {}

    /** {@code path} and {@code query}: the request's; every parameter kept but offset, which is set. */
    public static String withOffset(String publicUrl, String path, Map<String, List<String>> query, int offset) {
        StringBuilder sb = new StringBuilder(publicUrl).append(path).append('?');
        query.forEach((k, vs) -> {
            if (!k.equals("offset"))
                vs.forEach(v -> sb.append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                        .append('=')
                        .append(URLEncoder.encode(v, StandardCharsets.UTF_8))
                        .append('&'));
        });
        return sb.append("offset=").append(offset).toString();
    }
}
