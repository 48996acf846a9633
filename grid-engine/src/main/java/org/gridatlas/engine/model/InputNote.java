package org.gridatlas.engine.model;

import java.util.List;

/**
 * Something the reader changed or assumed about one input record, kept for the report;
 * {@code repairs} names the geometry repairs made (empty for other notes).
 */
public record InputNote(String file, int index, String id, String message, List<String> repairs) {
    public InputNote {
        repairs = List.copyOf(repairs);
    }

    public InputNote(String file, int index, String id, String message) {
        this(file, index, id, message, List.of());
    }

    @Override
    public String toString() {
        return file + " feature " + index + (id == null ? "" : " (id " + id + ")") + ": " + message;
    }
}
