package org.gridatlas.api.ogc;

import java.util.List;
import java.util.Map;

/**
 * The HTML encoding of the OGC resources: plain pages where every value from the data is escaped
 * text, never markup (names and codes come from files planners and departments send).
 */
final class Html {
    private final StringBuilder sb = new StringBuilder();

    Html(String title) {
        sb.append("<!DOCTYPE html>\n<html lang=\"zh\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(title))
                .append("</title></head><body><h1>")
                .append(escape(title))
                .append("</h1>\n");
    }

    Html paragraph(String text) {
        sb.append("<p>").append(escape(text)).append("</p>\n");
        return this;
    }

    Html heading(String text) {
        sb.append("<h2>").append(escape(text)).append("</h2>\n");
        return this;
    }

    /** Links as a list: their title (or relation) linking to their href. */
    Html links(List<Map<String, Object>> links) {
        sb.append("<ul>\n");
        for (Map<String, Object> l : links) {
            Object title = l.getOrDefault("title", l.get("rel"));
            sb.append("<li><a href=\"")
                    .append(escape(String.valueOf(l.get("href"))))
                    .append("\">")
                    .append(escape(String.valueOf(title)))
                    .append("</a> (")
                    .append(escape(String.valueOf(l.get("rel"))))
                    .append(", ")
                    .append(escape(String.valueOf(l.get("type"))))
                    .append(")</li>\n");
        }
        sb.append("</ul>\n");
        return this;
    }

    /** Name–value rows. */
    Html table(Map<String, ?> rows) {
        sb.append("<table>\n");
        rows.forEach((k, v) -> sb.append("<tr><th>")
                .append(escape(k))
                .append("</th><td>")
                .append(escape(String.valueOf(v)))
                .append("</td></tr>\n"));
        sb.append("</table>\n");
        return this;
    }

    String end() {
        return sb.append("</body></html>\n").toString();
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
