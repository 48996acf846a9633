-- 片区: optional groups of communities within a street, replaced as a whole by each import.
CREATE TABLE zones (
    community_code text PRIMARY KEY,
    zone_code      text NOT NULL,
    zone_name      text
);
