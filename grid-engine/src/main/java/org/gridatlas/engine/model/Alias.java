package org.gridatlas.engine.model;

/** A local or former name ({@code alias}) of a compound, road or community named {@code canonical}. */
public record Alias(String alias, AliasKind kind, String canonical) {}
