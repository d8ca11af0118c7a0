-- Open cases are about 1% of submitted applications at scale: the work queues (unassigned, mine, waiting,
-- countersignature, overdue, all open) and their tab counts read them through this index in (submitted_at, id)
-- order instead of walking every decided application in application_queue_idx (issue 8, EXPLAIN in src/bench/).
CREATE INDEX application_open_queue_idx ON application (submitted_at, id)
    WHERE status IN ('SUBMITTED', 'UNDER_REVIEW', 'INFORMATION_REQUESTED', 'RECOMMENDED');
