-- EXPLAIN (ANALYZE, BUFFERS) of the officer queue's statements as ReviewQueries builds them (copied here with
-- :today bound), run by src/bench/explain.sh against portal_bench_small / portal_bench_large.
\set today '''2026-11-28'''
\set open '(''SUBMITTED'', ''UNDER_REVIEW'', ''INFORMATION_REQUESTED'', ''RECOMMENDED'')'
\set clock 'CROSS JOIN LATERAL (SELECT (e.end_day - (a.submitted_at AT TIME ZONE ''UTC'')::date - coalesce((SELECT sum(GREATEST(0, LEAST(coalesce((r.answered_at AT TIME ZONE ''UTC'')::date, e.end_day), e.end_day) - (r.requested_at AT TIME ZONE ''UTC'')::date)) FROM information_request r WHERE r.application_id = a.id), 0))::int AS review_days FROM (SELECT CASE WHEN a.status IN ' :open ' THEN CAST(' :today ' AS date) ELSE (a.updated_at AT TIME ZONE ''UTC'')::date END AS end_day) e) clk'
\set select 'SELECT a.id, a.reference, a.status, o.legal_name, (SELECT string_agg(DISTINCT p.maker || '' '' || p.model, '', '') FROM application_line l JOIN product p ON p.id = l.product_id WHERE l.application_id = a.id), c.name, (SELECT coalesce(sum(l.total_usd), 0) FROM application_line l WHERE l.application_id = a.id), rc.assigned_name, a.submitted_at, clk.review_days, coalesce((SELECT true FROM jsonb_array_elements(a.precheck -> ''items'') i WHERE i ->> ''outcome'' <> ''MET'' LIMIT 1), false), coalesce((SELECT true FROM information_request r WHERE r.application_id = a.id AND r.answered_at IS NULL AND r.due_on < ' :today ' LIMIT 1), false), coalesce((SELECT true FROM application_party sp CROSS JOIN LATERAL (SELECT sr.id FROM screening_run sr WHERE sr.subject_type = ''APPLICATION_PARTY'' AND sr.subject_id = sp.id ORDER BY sr.id DESC LIMIT 1) lr JOIN screening_hit sh ON sh.run_id = lr.id AND sh.status IN (''OPEN'', ''TRUE_MATCH'') WHERE sp.application_id = a.id LIMIT 1), false) FROM application a JOIN organisation o ON o.id = a.organisation_id LEFT JOIN application_party c ON c.application_id = a.id AND c.role = ''ULTIMATE_CONSIGNEE'' LEFT JOIN review_case rc ON rc.application_id = a.id ' :clock ' WHERE a.status <> ''DRAFT'''
SELECT to_char(submitted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US+00') AS ct, id AS ci FROM application
 WHERE status IN ('APPROVED','APPROVED_WITH_CONDITIONS','DENIED','RETURNED_WITHOUT_ACTION','WITHDRAWN')
 ORDER BY submitted_at, id OFFSET (SELECT count(*) * 4 / 10 FROM application WHERE status IN ('APPROVED','APPROVED_WITH_CONDITIONS','DENIED','RETURNED_WITHOUT_ACTION','WITHDRAWN')) LIMIT 1 \gset

\echo '### Queue "all open", first page (oldest first)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) :select AND a.status IN :open ORDER BY a.submitted_at, a.id LIMIT 26;
\echo '### Queue "unassigned", first page'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) :select AND a.status IN :open AND rc.assigned_subject IS NULL ORDER BY a.submitted_at, a.id LIMIT 26;
\echo '### Queue "closed", first page (oldest first)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) :select AND a.status NOT IN :open ORDER BY a.submitted_at, a.id LIMIT 26;
\echo '### Queue "closed", deep page (keyset cursor at 40% of the closed cases)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) :select AND a.status NOT IN :open AND (a.submitted_at, a.id) > (:'ct'::timestamptz, :ci) ORDER BY a.submitted_at, a.id LIMIT 26;
\echo '### Tab counts while no case changes (V88): the queue version, the only statement of the counts on a kept hit'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT version FROM review_queue_version;
\echo '### Tab counts when a case changed since they were kept (ReviewQueries.COUNTS runs these two in one statement):'
\echo '### Tab counts: open queues (exact, open cases only)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT count(*) FILTER (WHERE x.assigned IS NULL), count(*) FILTER (WHERE x.assigned = 'x'),
  count(*) FILTER (WHERE x.status = 'INFORMATION_REQUESTED'), count(*) FILTER (WHERE x.status = 'RECOMMENDED'),
  count(*) FILTER (WHERE x.review_days > 90), count(*)
  FROM (SELECT a.status, clk.review_days, (SELECT rc.assigned_subject FROM review_case rc WHERE rc.application_id = a.id) AS assigned
          FROM application a :clock WHERE a.status IN :open OFFSET 0) x;
\echo '### Tab counts: closed (capped at 10,000)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT count(*) FROM (SELECT 1 FROM application a WHERE a.status <> 'DRAFT' AND a.status NOT IN :open LIMIT 10001) capped;
\echo '### Tab counts as they were before issue 8 (every queue in one pass over all submitted applications), for comparison'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT count(*) FILTER (WHERE a.status IN :open AND rc.assigned_subject IS NULL),
  count(*) FILTER (WHERE a.status IN :open AND rc.assigned_subject = 'x'), count(*) FILTER (WHERE a.status = 'INFORMATION_REQUESTED'),
  count(*) FILTER (WHERE a.status = 'RECOMMENDED'), count(*) FILTER (WHERE a.status IN :open AND clk.review_days > 90),
  count(*) FILTER (WHERE a.status IN :open), count(*) FILTER (WHERE a.status NOT IN :open)
  FROM application a JOIN organisation o ON o.id = a.organisation_id
  LEFT JOIN application_party c ON c.application_id = a.id AND c.role = 'ULTIMATE_CONSIGNEE'
  LEFT JOIN review_case rc ON rc.application_id = a.id :clock WHERE a.status <> 'DRAFT';
