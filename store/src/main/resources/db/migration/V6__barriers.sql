-- The dataset's roads, rivers, railways and walls, kept so that planner edits (split, re-run)
-- draw boundaries along them as the first delineation did.
CREATE TABLE barriers (
    kind  text NOT NULL,
    class text NOT NULL,
    geom  geometry(Geometry, 4490) NOT NULL
);
CREATE INDEX barriers_geom ON barriers USING gist (geom);
