-- Other departments' layers (police beats, 城管 and 综治 grids; cameras, hydrants, care stations),
-- each replaced whole by an import that becomes its next version; every import is listed.
CREATE TABLE department_layers (
    name        text NOT NULL,
    kind        text NOT NULL CHECK (kind IN ('units', 'resources')),
    version     bigint NOT NULL,
    features    integer NOT NULL,
    source      text,
    imported_at timestamptz NOT NULL,
    PRIMARY KEY (name, version)
);

CREATE TABLE department_units (
    layer      text NOT NULL,
    id         text NOT NULL,
    name       text NOT NULL,
    department text NOT NULL,
    geom       geometry(Geometry, 4490) NOT NULL,
    PRIMARY KEY (layer, id)
);
CREATE INDEX department_units_geom ON department_units USING gist (geom);

CREATE TABLE department_resources (
    layer      text NOT NULL,
    id         text NOT NULL,
    type       text NOT NULL,
    name       text NOT NULL,
    department text NOT NULL,
    attributes jsonb,
    geom       geometry(Point, 4490) NOT NULL,
    PRIMARY KEY (layer, id)
);
CREATE INDEX department_resources_geom ON department_resources USING gist (geom);
