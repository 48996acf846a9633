package org.gridatlas.engine.model;

/** Something the reader changed or assumed about one input record, kept for the report. */
public record InputNote(String file, int index, String id, String message) {

    @Override
    public String toString() {
        return file + " feature " + index + (id == null ? "" : " (id " + id + ")") + ": " + message;
    }
}
