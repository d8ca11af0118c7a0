-- The expiry job's memory: each warning (60 and 30 days before the end of validity) is sent once per licence.
CREATE TABLE licence_expiry_warning (
    licence_id  bigint      NOT NULL REFERENCES licence (id) ON DELETE CASCADE,
    days_before integer     NOT NULL CHECK (days_before IN (30, 60)),
    sent_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (licence_id, days_before)
);
CREATE INDEX licence_valid_to_idx ON licence (valid_to) WHERE status IN ('ACTIVE', 'EXHAUSTED', 'SUSPENDED');
