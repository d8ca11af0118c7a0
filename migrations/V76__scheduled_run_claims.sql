-- A periodic job that every portal instance schedules claims each run here first, so that it runs once per period
-- across all instances (the claim is one row per job, compared with the database's clock, never an instance's).
CREATE TABLE scheduled_run (
    job          text        PRIMARY KEY CHECK (job ~ '^[a-z][a-z0-9-]{2,60}$'),
    last_run_at  timestamptz NOT NULL
);
