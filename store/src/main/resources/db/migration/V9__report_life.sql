-- The life of a report: where it came from, where it stands, and every step it took.
ALTER TABLE reports ADD COLUMN source text NOT NULL DEFAULT 'other', ADD COLUMN status text NOT NULL DEFAULT 'received',
    ADD COLUMN status_at timestamptz, ADD COLUMN escalated boolean NOT NULL DEFAULT false;
UPDATE reports SET status_at = received_at WHERE status_at IS NULL;
ALTER TABLE reports ALTER COLUMN status_at SET NOT NULL;
CREATE INDEX reports_status ON reports (status, time);

CREATE TABLE report_events (
    report_id text NOT NULL REFERENCES reports (report_id),
    status    text NOT NULL,
    at        timestamptz NOT NULL,
    actor     text,
    note      text
);
CREATE INDEX report_events_report ON report_events (report_id, at);
