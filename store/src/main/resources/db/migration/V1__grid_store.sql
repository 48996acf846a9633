-- GridAtlas store: the contract's layers (DATA.md) in CGCS2000 (EPSG:4490), plus runs and reports.
CREATE EXTENSION IF NOT EXISTS postgis;

CREATE TABLE runs (
    run_id      bigint PRIMARY KEY,
    source      text,
    created_at  timestamptz NOT NULL,
    grids       integer NOT NULL,
    report_json text
);

CREATE TABLE communities (
    code          text PRIMARY KEY,
    name          text,
    kind          text NOT NULL,
    street_code   text NOT NULL,
    street_name   text,
    district_code text NOT NULL,
    district_name text,
    geom          geometry(Geometry, 4490) NOT NULL
);
CREATE INDEX communities_geom ON communities USING gist (geom);

CREATE TABLE buildings (
    id          text PRIMARY KEY,
    households  integer,
    use         text NOT NULL,
    compound_id text,
    floors      integer,
    address     text,
    units       jsonb,
    geom        geometry(Geometry, 4490) NOT NULL
);
CREATE INDEX buildings_geom ON buildings USING gist (geom);
CREATE INDEX buildings_address ON buildings (address);

CREATE TABLE grids (
    code           text PRIMARY KEY,
    level          text NOT NULL,
    kind           text NOT NULL,
    community_code text NOT NULL,
    street_code    text,
    households     integer NOT NULL,
    buildings      integer NOT NULL,
    area_m2        double precision NOT NULL,
    parent_code    text,
    flags          jsonb NOT NULL,
    geom           geometry(Geometry, 4490) NOT NULL
);
CREATE INDEX grids_geom ON grids USING gist (geom);
CREATE INDEX grids_community ON grids (community_code);

CREATE TABLE assignments (
    building_key text PRIMARY KEY,
    grid_code    text NOT NULL
);
CREATE INDEX assignments_grid ON assignments (grid_code);

CREATE TABLE reports (
    report_id   text PRIMARY KEY,
    time        timestamptz NOT NULL,
    category    text,
    lon         double precision NOT NULL,
    lat         double precision NOT NULL,
    crs         text,
    text        text,
    grid_code   text,
    received_at timestamptz NOT NULL,
    geom        geometry(Point, 4490) NOT NULL
);
CREATE INDEX reports_grid_time ON reports (grid_code, time);
CREATE INDEX reports_time ON reports (time);
