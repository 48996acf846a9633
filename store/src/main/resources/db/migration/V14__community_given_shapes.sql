-- Each community's shape as its input file gave it, where repair or cleaning at the 1 mm working
-- precision changed it (a community without a row was given as stored): rule 3 counts a community's
-- parts in it, so planners' edits see a neck that cleaning closed as one part. Apart from the
-- communities table, which GeoServer publishes with its one (cleaned) geometry.
CREATE TABLE community_given_shapes (
    code text PRIMARY KEY,
    geom geometry(Geometry, 4490) NOT NULL
);
