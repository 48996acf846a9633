-- Planner edits: each community's current version (optimistic locking), every version with the
-- grids after it, every code a community has had (retired codes are never given again), API
-- tokens (SHA-256 digests only) and the audit log.
CREATE TABLE community_versions (
    community_code text PRIMARY KEY,
    version        bigint NOT NULL
);

CREATE TABLE versions (
    community_code text NOT NULL,
    version        bigint NOT NULL,
    author         text NOT NULL,
    reason         text,
    created_at     timestamptz NOT NULL,
    change_json    text,
    snapshot       text NOT NULL,
    PRIMARY KEY (community_code, version)
);

CREATE TABLE used_codes (
    community_code text NOT NULL,
    code           text NOT NULL,
    PRIMARY KEY (community_code, code)
);

CREATE TABLE tokens (
    name       text PRIMARY KEY,
    role       text NOT NULL CHECK (role IN ('admin', 'planner', 'reader', 'reporter')),
    sha256     text NOT NULL UNIQUE,
    created_at timestamptz NOT NULL
);

CREATE TABLE audit (
    time           timestamptz NOT NULL,
    actor          text NOT NULL,
    action         text NOT NULL,
    community_code text,
    outcome        text NOT NULL,
    detail         text
);
CREATE INDEX audit_time ON audit (time);
