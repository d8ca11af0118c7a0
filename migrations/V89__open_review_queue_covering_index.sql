-- The open-queue index (V70) also carries the columns the tab counts read (status for the queue, updated_at for the
-- review clock), so counting the open cases is an index-only scan instead of one heap page per open case: at a million
-- applications the ~10,000 open ones lie on ~9,500 different heap pages (EXPLAIN in src/bench/plans/).
CREATE INDEX application_open_queue_covering_idx ON application (submitted_at, id) INCLUDE (status, updated_at)
    WHERE status IN ('SUBMITTED', 'UNDER_REVIEW', 'INFORMATION_REQUESTED', 'RECOMMENDED');
DROP INDEX application_open_queue_idx;
