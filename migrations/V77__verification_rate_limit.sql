-- Public licence verification: one token bucket per client address, shared by every portal instance (it used to be
-- in memory, so N instances allowed N times the limit). Rows idle for a while are deleted by the limiter itself.
CREATE TABLE verify_bucket (
    client      text             PRIMARY KEY CHECK (length(client) <= 100),
    tokens      double precision NOT NULL,
    allowed     boolean          NOT NULL,
    updated_at  timestamptz      NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX verify_bucket_updated_idx ON verify_bucket (updated_at);
