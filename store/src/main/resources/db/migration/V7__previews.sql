-- Planners' previewed changes, kept until committed or expired, so that a preview made on one
-- instance commits on any other behind the same load balancer.
CREATE TABLE previews (
    preview_id        text PRIMARY KEY,
    community_code    text NOT NULL,
    base_version      bigint NOT NULL,
    author            text NOT NULL,
    reason            text,
    made              timestamptz NOT NULL,
    expires           timestamptz NOT NULL,
    change_json       text NOT NULL,
    verification_json text NOT NULL,
    snapshot          text NOT NULL
);
CREATE INDEX previews_expires ON previews (expires);
