-- Work for the write scenarios of src/bench/run.sh, made fresh before each run (each run consumes it):
-- :n complete NVIDIA drafts ready to submit (copies of the demo application's lines, parties, certifications and
-- document) and :n cases awaiting countersignature of a recommendation to deny (recommended by a generated officer).
\set ON_ERROR_STOP on
BEGIN;
-- the demo data's submitted NVIDIA application is the model (BenchClient submits as nvidia-vendor: an application of
-- another vendor would be a 404 to them, as other demo data added later can come first in id order)
CREATE TEMP TABLE bench_demo AS
  SELECT a.* FROM application a JOIN organisation o ON o.id = a.organisation_id
   WHERE a.created_by = 'demo-data' AND a.status <> 'DRAFT' AND o.slug = 'nvidia' ORDER BY a.id LIMIT 1;
DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM bench_demo) THEN
  RAISE EXCEPTION 'no submitted NVIDIA demo application to copy (start the portal once with PORTAL_DEMO_DATA=true)'; END IF; END $$;
CREATE TEMP TABLE bench_draft AS
WITH ins AS (
  INSERT INTO application (organisation_id, status, end_use_statement, shipping_route, shipment_from, shipment_to,
      intermediaries_done, declared_shipment_ratio, created_by)
  SELECT d.organisation_id, 'DRAFT', d.end_use_statement, d.shipping_route, current_date + 30, current_date + 120, true,
         d.declared_shipment_ratio, 'bench-run'
  FROM bench_demo d CROSS JOIN generate_series(1, :n)
  RETURNING id)
SELECT id FROM ins;
INSERT INTO application_certification (application_id, code, certified_by)
  SELECT b.id, c.code, c.certified_by FROM bench_draft b, application_certification c JOIN bench_demo d ON c.application_id = d.id;
INSERT INTO application_document (application_id, file_name, content_type, size_bytes, sha256, content, uploaded_by)
  SELECT b.id, x.file_name, x.content_type, x.size_bytes, x.sha256, x.content, x.uploaded_by
  FROM bench_draft b, application_document x JOIN bench_demo d ON x.application_id = d.id;

CREATE TEMP TABLE bench_case AS
WITH ins AS (
  INSERT INTO application (organisation_id, status, reference, end_use_statement, shipping_route, shipment_from, shipment_to,
      intermediaries_done, declared_shipment_ratio, policy_code, snapshot, precheck, submitted_at, submitted_by, created_by)
  SELECT d.organisation_id, 'RECOMMENDED', 'ELA-2026-' || lpad(nextval('application_reference_seq')::text, 6, '0'),
         d.end_use_statement, d.shipping_route, d.shipment_from, d.shipment_to, true, d.declared_shipment_ratio, d.policy_code,
         d.snapshot, d.precheck, now() - interval '20 days', d.submitted_by, 'bench-run'
  FROM bench_demo d CROSS JOIN generate_series(1, :n)
  RETURNING id)
SELECT id FROM ins;
-- both kinds get the demo application's lines and parties
INSERT INTO application_line (application_id, product_id, quantity, unit_price_usd)
  SELECT b.id, l.product_id, l.quantity, l.unit_price_usd
  FROM (SELECT id FROM bench_draft UNION ALL SELECT id FROM bench_case) b, application_line l JOIN bench_demo d ON l.application_id = d.id;
INSERT INTO application_party (application_id, role, name, name_chinese, address, city, country, party_function, approved_customer_id)
  SELECT b.id, p.role, p.name, p.name_chinese, p.address, p.city, p.country, p.party_function, p.approved_customer_id
  FROM (SELECT id FROM bench_draft UNION ALL SELECT id FROM bench_case) b, application_party p JOIN bench_demo d ON p.application_id = d.id;
INSERT INTO review_case (application_id, assigned_subject, assigned_name, assigned_at)
  SELECT id, 'bench-officer-3', 'Bench Officer 3', now() - interval '10 days' FROM bench_case;
INSERT INTO review_decision (application_id, outcome, denial_reasons, reasons, recommended_by_subject, recommended_by_name)
  SELECT id, 'DENY', ARRAY['CONSIGNEE_NOT_APPROVED'], 'The end user could not show know-your-customer controls (bench).',
         'bench-officer-3', 'Bench Officer 3' FROM bench_case;
-- the request files go where run.sh says (BENCH_OUT): psql's \copy takes no variables, \o does
\o :out_decide
COPY (SELECT '/review/cases/' || id || '/countersignature' || ' ' || 'version=0&decision=agree&comment=' FROM bench_case ORDER BY id) TO STDOUT;
\o :out_submit
COPY (SELECT '/applications/' || id || '/submit' || ' ' || 'version=0' FROM bench_draft ORDER BY id) TO STDOUT;
\o
COMMIT;
