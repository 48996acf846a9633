package org.gridatlas.engine.io;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridatlas.engine.errors.InputException;

/**
 * An attribute layer as a CSV file (RFC 4180: a header row, fields quoted when they hold a comma,
 * quote or line break, UTF-8 with or without a byte-order mark). Columns are matched to the
 * layer's fields by header name, so their order is free; a field the header lacks is absent.
 */
public final class CsvLayers {
    private CsvLayers() {}

    public static List<Feature> read(Path file, LayerSchema schema) throws IOException {
        List<Feature> out = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<String> header = record(in, file, 1);
            if (header == null) throw new DatasetException(List.of(file + ": empty file, expected a header row"));
            if (!header.isEmpty() && header.get(0).startsWith("\uFEFF"))
                header.set(0, header.get(0).substring(1));
            for (String field : schema.fields().keySet()) {
                if (!header.contains(field))
                    throw new DatasetException(List.of(
                            file + ": header has no column " + field + " (header: " + String.join(",", header) + ")"));
            }
            int row = 1;
            for (List<String> r = record(in, file, row + 1); r != null; r = record(in, file, ++row + 1)) {
                if (r.size() == 1 && r.get(0).isBlank()) continue;
                if (r.size() != header.size()) {
                    throw new DatasetException(List.of(
                            file + " record " + row + ": " + r.size() + " fields, the header has " + header.size()));
                }
                Map<String, Object> props = new LinkedHashMap<>();
                for (String field : schema.fields().keySet()) {
                    String v = unneutralized(r.get(header.indexOf(field)).trim());
                    props.put(field, v.isEmpty() ? null : v);
                }
                out.add(new Feature(props, null));
            }
        }
        return out;
    }

    public static void write(Path file, LayerSchema schema, List<Feature> features) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(String.join(",", schema.fields().keySet()));
            w.write('\n');
            for (Feature f : features) {
                boolean first = true;
                for (String field : schema.fields().keySet()) {
                    if (!first) w.write(',');
                    first = false;
                    Object v = f.properties().get(field);
                    if (v != null) w.write(quoted(v.toString()));
                }
                w.write('\n');
            }
        }
    }

    /**
     * A field as every CSV we write holds it (the one CSV cell writer): a text a spreadsheet would
     * run as a formula (starting with = + - @, a tab or a carriage return, and not a number; also
     * after apostrophes) gets an apostrophe in front, which {@link #read} takes off again; then
     * quoted when it holds a comma, quote or line break.
     */
    public static String quoted(String s) {
        String v = FORMULA.matcher(s).lookingAt() && !NUMBER.matcher(s).matches() ? "'" + s : s;
        return v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")
                ? "\"" + v.replace("\"", "\"\"") + "\""
                : v;
    }

    private static final java.util.regex.Pattern FORMULA = java.util.regex.Pattern.compile("'*[=+\\-@\t\r]");
    private static final java.util.regex.Pattern NUMBER =
            java.util.regex.Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    /** A field as {@link #quoted} wrote it, without the apostrophe that kept a spreadsheet from running it. */
    private static String unneutralized(String v) {
        return v.startsWith("'")
                        && FORMULA.matcher(v).lookingAt()
                        && !NUMBER.matcher(v.substring(1)).matches()
                ? v.substring(1)
                : v;
    }

    /** The fields of one line; a quote left open is an {@link InputException}. */
    public static List<String> fields(String line) {
        if (line.indexOf('"') < 0) return java.util.Arrays.asList(line.split(",", -1)); // most lines: nothing quoted
        List<String> fields = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        if (split(line, fields, f, false)) throw new InputException(null, "a quoted field is never closed");
        fields.add(f.toString());
        return fields;
    }

    /** The next record's fields (a quoted field may span lines), or null at the end. */
    private static List<String> record(BufferedReader in, Path file, int line) throws IOException {
        String l = in.readLine();
        if (l == null) return null;
        List<String> fields = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        for (boolean open = split(l, fields, f, false); open; open = split(l, fields, f, true)) {
            l = in.readLine();
            if (l == null)
                throw new DatasetException(
                        List.of(file + " record starting on line " + line + ": a quoted field is never closed"));
            f.append('\n');
        }
        fields.add(f.toString());
        return fields;
    }

    /**
     * Splits one line into {@code fields}, the last field left in {@code f}; {@code quoted}: the line
     * continues a quoted field. Returns whether a quoted field is still open at the line's end.
     */
    private static boolean split(String l, List<String> fields, StringBuilder f, boolean quoted) {
        for (int i = 0; i < l.length(); i++) {
            char c = l.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < l.length() && l.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (c == '"') quoted = false;
                else f.append(c);
            } else if (c == '"' && f.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                fields.add(f.toString());
                f.setLength(0);
            } else {
                f.append(c);
            }
        }
        return quoted;
    }
}
