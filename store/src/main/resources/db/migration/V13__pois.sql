-- Landmarks people name in appeals (实验小学, 人民医院): their point or outline, kind and other names
-- (separated by ';'), for the address lookup.
CREATE TABLE pois (
    id      text PRIMARY KEY,
    name    text NOT NULL,
    kind    text NOT NULL,
    aliases text,
    geom    geometry(Geometry, 4490) NOT NULL
);
CREATE INDEX pois_geom ON pois USING gist (geom);
