package org.gridatlas.engine.io;

/** Column types of the contract's layers; JSON columns hold arrays (units, flags) as text in a GeoPackage. */
public enum FieldType {
    TEXT,
    INTEGER,
    REAL,
    JSON
}
