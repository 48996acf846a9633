package org.gridatlas.engine.model;

import java.util.List;

/**
 * Something the reader changed or assumed about one input record, kept for the report;
 * {@code repairs} names the geometry repairs made and {@code topology} the changes of topology they
 * made (both empty for other notes).
 */
public record InputNote(
        String file, int index, String id, String message, List<String> repairs, List<TopologyChange> topology) {
    public InputNote {
        repairs = List.copyOf(repairs);
        topology = List.copyOf(topology);
    }

    public InputNote(String file, int index, String id, String message, List<String> repairs) {
        this(file, index, id, message, repairs, List.of());
    }

    public InputNote(String file, int index, String id, String message) {
        this(file, index, id, message, List.of(), List.of());
    }

    /** The record's id, or its feature number where it has none. */
    public String label() {
        return id != null ? id : "#" + index;
    }

    @Override
    public String toString() {
        return file + " feature " + index + (id == null ? "" : " (id " + id + ")") + ": " + message;
    }
}
