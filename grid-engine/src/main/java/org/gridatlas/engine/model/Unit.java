package org.gridatlas.engine.model;

/** One entrance (单元) of a building with its households. */
public record Unit(String unit, int households) {}
