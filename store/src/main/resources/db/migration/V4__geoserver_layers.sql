-- What GeoServer publishes, one feature type per level of the 大/中/小/微 scheme:
-- street_areas (streets, refreshed with every import), communities (the table), grid_cells, micro_grid_cells.
CREATE VIEW grid_cells AS
    SELECT code, kind, community_code, street_code, households, buildings, area_m2, flags::text AS flags, geom
    FROM grids WHERE level = 'grid';

CREATE VIEW micro_grid_cells AS
    SELECT code, parent_code, kind, community_code, street_code, households, buildings, area_m2, flags::text AS flags, geom
    FROM grids WHERE level = 'micro';

CREATE MATERIALIZED VIEW street_areas AS
    SELECT street_code AS code, min(street_name) AS name, min(district_code) AS district_code, min(district_name) AS district_name,
           count(*) AS communities,
           ST_Multi(ST_CollectionExtract(ST_Union(geom), 3))::geometry(MultiPolygon, 4490) AS geom
    FROM communities GROUP BY street_code;
CREATE UNIQUE INDEX street_areas_code ON street_areas (code);
CREATE INDEX street_areas_geom ON street_areas USING gist (geom);
