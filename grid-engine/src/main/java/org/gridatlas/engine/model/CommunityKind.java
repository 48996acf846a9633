package org.gridatlas.engine.model;

/** Urban 社区 are split by households; rural 村 by area and hamlets. */
public enum CommunityKind {
    URBAN,
    RURAL;

    public String wireName() {
        return name().toLowerCase();
    }

    public static CommunityKind parse(String s) {
        return WireNames.parse(CommunityKind.class, s);
    }
}
