-- Address parts of buildings and the gazetteer's other names (docs/DATA.md), for lookups by free-text address.
ALTER TABLE buildings ADD COLUMN road text, ADD COLUMN house_number text, ADD COLUMN compound_name text, ADD COLUMN building_no text;

CREATE TABLE aliases (
    alias     text NOT NULL,
    kind      text NOT NULL,
    canonical text NOT NULL
);

-- a report may come with an address instead of a point: its match is kept, its point only when the address led to a building
ALTER TABLE reports ALTER COLUMN lon DROP NOT NULL, ALTER COLUMN lat DROP NOT NULL, ALTER COLUMN geom DROP NOT NULL,
    ADD COLUMN address text, ADD COLUMN address_match jsonb;
