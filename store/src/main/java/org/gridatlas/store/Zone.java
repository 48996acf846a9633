package org.gridatlas.store;

/** A 片区: an optional group of communities between street and community in the hierarchy. */
public record Zone(String communityCode, String zoneCode, String zoneName) {}
