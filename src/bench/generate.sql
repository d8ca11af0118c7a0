-- Synthetic data for the benchmarks (issue 8), loaded into a migrated portal database by src/bench/generate.sh.
-- Deterministic: every value is a function of a row number and :seed (hashint8extended), never of random() or now().
-- Variables (psql -v): apps, customers, entries, bills, actions_per_bill, members, seed.
-- Respects every constraint and trigger: audit records go through the hash-chain trigger in one ordered
-- INSERT … SELECT (the trigger sees the rows inserted before it in the same statement, so the chain verifies).
\set ON_ERROR_STOP on
\timing on
SET client_min_messages = warning;
SET synchronous_commit = off;
SET maintenance_work_mem = '256MB';
SET work_mem = '64MB';
BEGIN;

-- n-way deterministic choice for row i and purpose s
SELECT format($f$CREATE FUNCTION pg_temp.r(i bigint, s int, n bigint) RETURNS bigint LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS 'SELECT abs(hashint8extended(i * 1009 + s, %1$s)) %% n'$f$, :seed)
UNION ALL
SELECT format($f$CREATE FUNCTION pg_temp.pick(i bigint, s int, a text[]) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS 'SELECT a[1 + (abs(hashint8extended(i * 1009 + s, %1$s)) %% cardinality(a))::int]'$f$, :seed) \gexec
-- A valid Unified Social Credit Code: '91' + 6-digit region + 9 characters + GB 32100-2015 check character
CREATE FUNCTION pg_temp.uscc(i bigint) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  cs constant text := '0123456789ABCDEFGHJKLMNPQRTUWXY';
  w constant int[] := ARRAY[1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28];
  body text := '91' || (ARRAY['110108','310115','440300','330106','320500','510107','420111','120116'])[1 + (i % 8)::int];
  total int := 0; c int;
BEGIN
  FOR k IN 1..9 LOOP
    body := body || substr(cs, 1 + (abs(hashint8extended(i * 31 + k, 77)) % 31)::int, 1);
  END LOOP;
  FOR k IN 1..17 LOOP total := total + (strpos(cs, substr(body, k, 1)) - 1) * w[k]; END LOOP;
  c := 31 - (total % 31); IF c = 31 THEN c := 0; END IF;
  RETURN body || substr(cs, c + 1, 1);
END $$;

-- Secondary indexes of the big tables are dropped for the load and rebuilt afterwards from their own definitions
-- (one sort per index instead of a million index insertions); primary keys and unique indexes stay.
CREATE TEMP TABLE gen_idx AS
SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
WHERE t.relname IN ('application', 'application_line', 'application_party', 'application_event', 'audit_record', 'review_case',
                    'bill_action', 'bill_cosponsor', 'screening_entry')
  AND NOT i.indisprimary AND NOT i.indisunique;
SELECT format('DROP INDEX %s', name) FROM gen_idx \gexec

\echo '== organisations and products'
INSERT INTO organisation (slug, legal_name, address, contact_email)
SELECT v.slug, v.name, v.addr, 'export-compliance@' || v.slug || '.example'
FROM (VALUES ('nvidia', 'NVIDIA Corporation', '2788 San Tomas Expressway, Santa Clara, CA 95051'),
             ('amd', 'Advanced Micro Devices, Inc.', '2485 Augustine Drive, Santa Clara, CA 95054'),
             ('intel', 'Intel Corporation', '2200 Mission College Blvd., Santa Clara, CA 95054'),
             ('qualcomm', 'Qualcomm Technologies, Inc.', '5775 Morehouse Drive, San Diego, CA 92121'),
             ('broadcom', 'Broadcom Inc.', '3421 Hillview Avenue, Palo Alto, CA 94304'),
             ('marvell', 'Marvell Technology, Inc.', '1000 N. West Street, Wilmington, DE 19801'),
             ('cerebras', 'Cerebras Systems Inc.', '1237 E. Arques Avenue, Sunnyvale, CA 94085'),
             ('groq', 'Groq, Inc.', '400 Castro Street, Mountain View, CA 94041'),
             ('sambanova', 'SambaNova Systems, Inc.', '2200 Geng Road, Palo Alto, CA 94303'),
             ('tenstorrent', 'Tenstorrent USA, Inc.', '2600 Great America Way, Santa Clara, CA 95054'),
             ('micron', 'Micron Technology, Inc.', '8000 S. Federal Way, Boise, ID 83716'),
             ('supermicro', 'Super Micro Computer, Inc.', '980 Rock Avenue, San Jose, CA 95131'),
             ('dell', 'Dell Technologies Inc.', 'One Dell Way, Round Rock, TX 78682'),
             ('hpe', 'Hewlett Packard Enterprise Company', '1701 E. Mossy Oaks Road, Spring, TX 77389'),
             ('lenovo-us', 'Lenovo (United States) Inc.', '1009 Think Place, Morrisville, NC 27560'),
             ('ibm', 'International Business Machines Corporation', '1 New Orchard Road, Armonk, NY 10504')) v(slug, name, addr)
ON CONFLICT (slug) DO NOTHING;

INSERT INTO product (maker, model, architecture, eccn, tpp, dram_bandwidth_gbps)
VALUES ('NVIDIA', 'H200', 'Hopper', '3A090.a', 15832, 4800), ('NVIDIA', 'H20', 'Hopper', '3A090.a', 2368, 4000),
       ('NVIDIA', 'H100 PCIe', 'Hopper', '3A090.a', 12000, 2000), ('NVIDIA', 'H200 NVL', 'Hopper', '3A090.a', 13300, 4800),
       ('NVIDIA', 'HGX H200 8-GPU', 'Hopper', '4A090.a', 15832, 4800), ('NVIDIA', 'B200', 'Blackwell', '3A090.a', 36000, 8000),
       ('NVIDIA', 'Rubin VR200', 'Rubin', '3A090.a', 100000, 13000),
       ('AMD', 'Instinct MI308X', 'CDNA 3', '3A090.a', 10400, 5300), ('AMD', 'Instinct MI300X', 'CDNA 3', '3A090.a', 20900, 5300),
       ('AMD', 'Instinct MI300A', 'CDNA 3', '3A090.a', 19600, 5300), ('AMD', 'Instinct MI210', 'CDNA 2', '3A090.a', 2900, 1600),
       ('Intel', 'Gaudi 2', 'Gaudi', '3A090.a', 6900, 2450), ('Intel', 'Gaudi 3', 'Gaudi', '3A090.a', 29000, 3700),
       ('Intel', 'Gaudi 3 PCIe', 'Gaudi', '3A090.a', 14680, 3700),
       ('Cerebras', 'CS-3 system', 'Wafer-Scale 3', '4A090.a', 19000, 6000),
       ('Groq', 'GroqCard LPU', 'TSP', '3A090.a', 3000, 80)
ON CONFLICT ((lower(maker)), (lower(model))) DO NOTHING;

\echo '== approved customers (valid USCC, history rows by the table trigger)'
INSERT INTO approved_customer (name_latin, name_chinese, uscc, address, city, country, status, approved_on, expires_on, updated_by)
SELECT pg_temp.pick(i, 1, ARRAY['Beijing','Shanghai','Shenzhen','Hangzhou','Chengdu','Wuhan','Nanjing','Suzhou','Tianjin','Guangzhou'])
         || ' ' || pg_temp.pick(i, 2, ARRAY['Xinghai','Tianrui','Huayun','Longxin','Ruiming','Jinsheng','Kaiyuan','Zhiyun','Hengtong','Baida'])
         || ' ' || pg_temp.pick(i, 3, ARRAY['Cloud Computing','AI Research','Data Centre','Intelligent Computing','Internet Technology','Digital Technology'])
         || ' Co., Ltd. ' || i,
       pg_temp.pick(i, 4, ARRAY['北京','上海','深圳','杭州','成都']) || pg_temp.pick(i, 5, ARRAY['星海','天瑞','华云','龙芯','瑞明'])
         || '科技有限公司',
       pg_temp.uscc(i),
       (1 + pg_temp.r(i, 6, 900)) || ' ' || pg_temp.pick(i, 7, ARRAY['Zhangjiang Road','Keji Road','Xueyuan Road','Binjiang Avenue']),
       pg_temp.pick(i, 1, ARRAY['Beijing','Shanghai','Shenzhen','Hangzhou','Chengdu','Wuhan','Nanjing','Suzhou','Tianjin','Guangzhou']),
       'CN', CASE WHEN i % 20 = 0 THEN 'SUSPENDED' WHEN i % 50 = 1 THEN 'REVOKED' ELSE 'APPROVED' END,
       DATE '2025-01-01' + pg_temp.r(i, 8, 600)::int, DATE '2029-12-31', 'bench-generator'
FROM generate_series(1, :customers) i
ON CONFLICT (uscc) DO NOTHING;

\echo '== applications'
CREATE TEMP TABLE gen_org AS SELECT row_number() OVER (ORDER BY id) - 1 AS k, id, legal_name FROM organisation;
CREATE TEMP TABLE gen_product AS
  SELECT row_number() OVER (ORDER BY id) - 1 AS k, id, maker, model, architecture, eccn, tpp, dram_bandwidth_gbps
  FROM product WHERE architecture NOT IN ('Blackwell', 'Rubin');
CREATE TEMP TABLE gen_customer AS
  SELECT row_number() OVER (ORDER BY id) - 1 AS k, id, name_latin, name_chinese, uscc, address, city, country, status
  FROM approved_customer;
SELECT coalesce(max(id), 0) AS app_base FROM application \gset
SELECT count(*) AS n_org FROM gen_org \gset
SELECT count(*) AS n_product FROM gen_product \gset
SELECT count(*) AS n_customer FROM gen_customer \gset

-- 1% open (SUBMITTED … RECOMMENDED), 2% drafts, the rest decided or withdrawn. Vendors weighted towards NVIDIA.
CREATE TEMP TABLE gen_app AS
SELECT i, :app_base + i AS id,
       (SELECT id FROM gen_org WHERE k = CASE WHEN pg_temp.r(i, 10, 10) < 4 THEN 0 WHEN pg_temp.r(i, 10, 10) < 6 THEN 1
                                              WHEN pg_temp.r(i, 10, 10) < 7 THEN 2 ELSE pg_temp.r(i, 11, :n_org) END) AS org_id,
       CASE WHEN i % 100 = 0 THEN (ARRAY['SUBMITTED','UNDER_REVIEW','UNDER_REVIEW','INFORMATION_REQUESTED','RECOMMENDED'])[1 + pg_temp.r(i, 12, 5)::int]
            WHEN i % 100 IN (1, 2) THEN 'DRAFT'
            ELSE (ARRAY['APPROVED','APPROVED','APPROVED','APPROVED','APPROVED','APPROVED','APPROVED','APPROVED','APPROVED','APPROVED','APPROVED','APPROVED',
                        'APPROVED_WITH_CONDITIONS','APPROVED_WITH_CONDITIONS','APPROVED_WITH_CONDITIONS','DENIED','DENIED','RETURNED_WITHOUT_ACTION',
                        'WITHDRAWN','WITHDRAWN'])[1 + pg_temp.r(i, 12, 20)::int] END AS status,
       -- decided cases spread over 2019-2026 in id order; open ones within the last 150 days of the reference date
       CASE WHEN i % 100 = 0 THEN TIMESTAMPTZ '2026-11-25 00:00Z' - make_interval(secs => pg_temp.r(i, 13, 150 * 86400))
            ELSE TIMESTAMPTZ '2019-01-02 00:00Z' + make_interval(secs => (i::float8 / :apps) * 7.6 * 365 * 86400 + pg_temp.r(i, 13, 86400)) END AS at,
       1 + pg_temp.r(i, 14, 3)::int AS n_lines,
       pg_temp.r(i, 15, :n_customer) AS cust_k,
       pg_temp.r(i, 16, 10) < 3 AS has_intermediary,
       pg_temp.r(i, 17, 10) = 0 AS policy_warning
FROM generate_series(1, :apps) i;
ANALYZE gen_app;
-- references ELA-YYYY-NNNNNN numbered per year of submission from 1,000 (the demo data took the first numbers)
CREATE TEMP TABLE gen_ref AS
SELECT id, 'ELA-' || y || '-' || lpad((1000 + row_number() OVER (PARTITION BY y ORDER BY at, id))::text, 6, '0') AS reference,
       1000 + row_number() OVER (PARTITION BY y ORDER BY at, id) AS no
FROM (SELECT id, at, extract(year FROM at AT TIME ZONE 'UTC')::int AS y FROM gen_app WHERE status <> 'DRAFT') x;
CREATE UNIQUE INDEX ON gen_ref (id);
ANALYZE gen_ref;

CREATE TEMP TABLE gen_line AS
SELECT a.i, a.id AS app_id, n AS pos, p.id AS product_id, p.maker, p.model, p.architecture, p.eccn, p.tpp, p.dram_bandwidth_gbps,
       (10 + pg_temp.r(a.i * 4 + n, 20, 200) * 10)::int AS quantity,
       (9000 + pg_temp.r(a.i * 4 + n, 21, 26000))::numeric(18,2) AS unit_price
FROM gen_app a CROSS JOIN LATERAL generate_series(1, a.n_lines) n
JOIN gen_product p ON p.k = pg_temp.r(a.i * 4 + n, 22, :n_product);

CREATE TEMP TABLE gen_party AS
SELECT a.i, a.id AS app_id, r.role, c.name_latin AS name, c.name_chinese, c.address, c.city, c.country, c.id AS customer_id, c.uscc, c.status AS customer_status
FROM gen_app a JOIN gen_customer c ON c.k = a.cust_k
CROSS JOIN (VALUES ('ULTIMATE_CONSIGNEE'), ('END_USER')) r(role)
UNION ALL
SELECT a.i, a.id, 'INTERMEDIATE_CONSIGNEE',
       pg_temp.pick(a.i, 23, ARRAY['Kerry Logistics (Hong Kong) Ltd.','Schenker China Ltd.','Sinotrans Air Transportation Development Co., Ltd.','Expeditors Hong Kong Ltd.','DHL Global Forwarding (China) Co., Ltd.']),
       NULL, pg_temp.pick(a.i, 24, ARRAY['8 Chun Yat Street, Tseung Kwan O','1 Airport Logistics Park, Shunyi','99 Pudong Airport Road']),
       pg_temp.pick(a.i, 24, ARRAY['Hong Kong','Beijing','Shanghai']), pg_temp.pick(a.i, 24, ARRAY['HK','CN','CN']), NULL, NULL, NULL
FROM gen_app a WHERE a.has_intermediary;

ANALYZE gen_line;
ANALYZE gen_party;
CREATE TEMP TABLE gen_total AS SELECT app_id, sum(quantity * unit_price) AS total,
  jsonb_agg(jsonb_build_object('lineId', NULL, 'productId', product_id, 'maker', maker, 'model', model, 'architecture', architecture,
    'eccn', eccn, 'tpp', tpp, 'dramBandwidthGbps', dram_bandwidth_gbps, 'quantity', quantity, 'unitPriceUsd', unit_price,
    'totalUsd', quantity * unit_price) ORDER BY pos) AS lines
  FROM gen_line GROUP BY app_id;
CREATE TEMP TABLE gen_parties_json AS SELECT app_id, jsonb_agg(jsonb_build_object('role', role, 'name', name, 'nameChinese', name_chinese,
    'address', address, 'city', city, 'country', country, 'approvedCustomerId', customer_id, 'approvedCustomerUscc', uscc,
    'approvedCustomerStatus', customer_status) ORDER BY role DESC) AS parties FROM gen_party GROUP BY app_id;

ANALYZE gen_total;
ANALYZE gen_parties_json;
-- From here to the audit records, every row refers only to rows this script made in the same transaction (gen_app and
-- the reference tables), so the foreign-key checks, one trigger call per inserted row (~17 M here), are switched off
-- with the other row triggers for the load (superuser; bench databases only). CHECK, NOT NULL and unique constraints
-- still apply. No other trigger of these tables matters for a fresh load: the queue version (V88) starts afresh.
SET LOCAL session_replication_role = replica;
INSERT INTO application (id, organisation_id, status, reference, end_use_statement, shipping_route, shipment_from, shipment_to,
    intermediaries_done, declared_shipment_ratio, policy_code, snapshot, precheck, submitted_at, submitted_by, created_by,
    created_at, updated_at, version)
SELECT a.id, a.org_id, a.status,
       CASE WHEN a.status <> 'DRAFT' THEN rf.reference END,
       'Training and inference of large language models in the customer''s data centre; no military end use (generated '
         || a.i || ').',
       pg_temp.pick(a.i, 25, ARRAY['Santa Clara, CA → SFO air freight → Shanghai Pudong (PVG)', 'Austin, TX → LAX → Hong Kong → Shenzhen by road',
                                  'San Jose, CA → SFO → Beijing Capital (PEK)']),
       (a.at AT TIME ZONE 'UTC')::date + 30, (a.at AT TIME ZONE 'UTC')::date + 120, true,
       (pg_temp.r(a.i, 26, 50) / 100.0)::numeric(5,4),
       CASE WHEN a.status <> 'DRAFT' THEN '2026-01-H200' END,
       CASE WHEN a.status <> 'DRAFT' THEN jsonb_build_object(
         'reference', rf.reference,
         'organisation', o.legal_name, 'policyCode', '2026-01-H200',
         'policyTitle', 'Case-by-case review of H200-class chips for China and Macau', 'revenueShareRate', 0.25,
         'submittedAt', to_char(a.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), 'submittedBy', 'Generated Vendor User',
         'lines', t.lines, 'totalUsd', t.total, 'parties', pj.parties,
         'endUseStatement', 'Training and inference of large language models; no military end use.',
         'shippingRoute', 'Santa Clara, CA → SFO air freight → Shanghai Pudong (PVG)',
         'shipmentFrom', (a.at AT TIME ZONE 'UTC')::date + 30, 'shipmentTo', (a.at AT TIME ZONE 'UTC')::date + 120,
         'certifications', '[]'::jsonb, 'declaredShipmentRatio', 0.4, 'documents', '[]'::jsonb) END,
       CASE WHEN a.status <> 'DRAFT' THEN jsonb_build_object('policyCode', '2026-01-H200',
         'policyTitle', 'Case-by-case review of H200-class chips for China and Macau', 'legalBasis', 'Federal Register 2026-00789',
         'checkedOn', (a.at AT TIME ZONE 'UTC')::date,
         'items', jsonb_build_array(
            jsonb_build_object('subject', 'application', 'label', 'Destination covered by the policy', 'outcome', 'MET', 'reason', 'China is covered'),
            jsonb_build_object('subject', 'party:ULTIMATE_CONSIGNEE', 'label', 'Consignee is an approved customer', 'outcome',
                               CASE WHEN a.policy_warning THEN 'NOT_MET' ELSE 'MET' END,
                               'reason', CASE WHEN a.policy_warning THEN 'The customer is not approved today' ELSE 'Approved customer' END),
            jsonb_build_object('subject', 'certifications', 'label', 'Required certifications signed', 'outcome', 'MET', 'reason', 'All signed'))) END,
       CASE WHEN a.status <> 'DRAFT' THEN a.at END,
       CASE WHEN a.status <> 'DRAFT' THEN 'Generated Vendor User' END,
       'bench-generator', a.at - interval '2 days',
       CASE WHEN a.status IN ('SUBMITTED','UNDER_REVIEW','INFORMATION_REQUESTED','RECOMMENDED','DRAFT') THEN a.at
            ELSE a.at + make_interval(days => 20 + pg_temp.r(a.i, 27, 60)::int) END,
       0
FROM gen_app a JOIN gen_org o ON o.id = a.org_id JOIN gen_total t ON t.app_id = a.id LEFT JOIN gen_parties_json pj ON pj.app_id = a.id
LEFT JOIN gen_ref rf ON rf.id = a.id
ORDER BY a.id;
SELECT setval(pg_get_serial_sequence('application', 'id'), (SELECT max(id) FROM application)) AS _ \gset
-- the portal's next reference numbers follow the generated ones (one sequence for all years)
SELECT setval('application_reference_seq', (SELECT max(no) FROM gen_ref) + 1) AS _ \gset

\echo '== application lines, parties, certifications'
INSERT INTO application_line (application_id, product_id, quantity, unit_price_usd, created_at)
SELECT l.app_id, l.product_id, l.quantity, l.unit_price, a.at - interval '2 days' FROM gen_line l JOIN gen_app a ON a.id = l.app_id
ORDER BY l.app_id, l.pos;
INSERT INTO application_party (application_id, role, name, name_chinese, address, city, country, party_function, approved_customer_id, created_at)
SELECT p.app_id, p.role, p.name, p.name_chinese, p.address, p.city, p.country,
       CASE WHEN p.role = 'INTERMEDIATE_CONSIGNEE' THEN 'Freight forwarder' END, p.customer_id, a.at - interval '2 days'
FROM gen_party p JOIN gen_app a ON a.id = p.app_id ORDER BY p.app_id, p.role DESC;
INSERT INTO application_certification (application_id, code, certified_by, certified_at)
SELECT a.id, c.code, 'Generated Vendor User', a.at - interval '1 day'
FROM gen_app a CROSS JOIN unnest(ARRAY['REVENUE_SHARE','NO_REEXPORT','NO_MILITARY_END_USE','KYC_REMOTE_ACCESS','US_THIRD_PARTY_TESTING',
                                      'SUFFICIENT_US_SUPPLY','SHIPMENT_RATIO']) c(code)
WHERE a.status <> 'DRAFT';

\echo '== review cases, information requests, timeline events'
-- A handful of generated officials; two thirds of open cases are assigned.
INSERT INTO official (subject, username, display_name, email)
SELECT 'bench-officer-' || k, 'bench-officer-' || k, 'Bench Officer ' || k, 'bench-officer-' || k || '@export-portal.example'
FROM generate_series(1, 12) k ON CONFLICT DO NOTHING;
INSERT INTO review_case (application_id, assigned_subject, assigned_name, assigned_at, updated_at)
SELECT a.id, o.subject, o.display_name, CASE WHEN o.subject IS NOT NULL THEN a.at + interval '1 day' END, a.at
FROM gen_app a
LEFT JOIN official o ON (a.status <> 'SUBMITTED' AND pg_temp.r(a.i, 30, 3) > 0)
                    AND o.subject = 'bench-officer-' || (1 + pg_temp.r(a.i, 31, 12))
WHERE a.status <> 'DRAFT';
INSERT INTO information_request (application_id, question, due_on, requested_by_subject, requested_by_name, requested_at,
    answer, answered_by, answered_at)
SELECT a.id, 'Please provide the end user''s know-your-customer file for remote access controls.',
       (a.at + interval '1 day')::date + 14, 'bench-officer-1', 'Bench Officer 1', a.at + interval '1 day',
       CASE WHEN a.status <> 'INFORMATION_REQUESTED' THEN 'Attached: KYC procedures and access logs policy.' END,
       CASE WHEN a.status <> 'INFORMATION_REQUESTED' THEN 'Generated Vendor User' END,
       CASE WHEN a.status <> 'INFORMATION_REQUESTED' THEN a.at + interval '17 days' END
FROM gen_app a
WHERE a.status = 'INFORMATION_REQUESTED' OR (a.status NOT IN ('DRAFT','SUBMITTED','UNDER_REVIEW','INFORMATION_REQUESTED','RECOMMENDED','WITHDRAWN') AND a.i % 10 = 3);
INSERT INTO application_event (application_id, occurred_at, kind, actor_name, official, message)
SELECT a.id, e.at, e.kind, e.actor, e.official, e.message
FROM gen_app a CROSS JOIN LATERAL (VALUES
    (a.at - interval '2 days', 'CREATED', 'Generated Vendor User', false, 'Draft created', true),
    (a.at, 'SUBMITTED', 'Generated Vendor User', false, 'Application submitted', a.status <> 'DRAFT'),
    (a.at + interval '1 day', 'UNDER_REVIEW', 'Bench Officer 1', true, 'Review started', a.status NOT IN ('DRAFT', 'SUBMITTED')),
    (a.at + interval '30 days', CASE WHEN a.status = 'WITHDRAWN' THEN 'WITHDRAWN' ELSE 'DECIDED' END,
       CASE WHEN a.status = 'WITHDRAWN' THEN 'Generated Vendor User' ELSE 'Bench Officer 2' END, a.status <> 'WITHDRAWN',
       'Application ' || lower(replace(a.status, '_', ' ')),
       a.status NOT IN ('DRAFT','SUBMITTED','UNDER_REVIEW','INFORMATION_REQUESTED','RECOMMENDED'))
  ) e(at, kind, actor, official, message, present)
WHERE e.present
ORDER BY a.id, e.at;

\echo '== audit records (through the hash-chain trigger, in id order)'
-- triggers on again: the audit chain is built by its trigger
SET LOCAL session_replication_role = origin;
INSERT INTO audit_record (actor_subject, actor_name, actor_roles, action, target_type, target_id, before_state, after_state,
    request_id, prev_hash, hash)
SELECT x.subject, x.name, x.roles, x.action, 'application', x.app_id::text, x.before, x.after, NULL, '', ''
FROM (
  SELECT a.id AS app_id, 1 AS step, 'bench-vendor' AS subject, 'Generated Vendor User' AS name, 'vendor' AS roles,
         'application.submitted' AS action, jsonb_build_object('status', 'DRAFT') AS before,
         jsonb_build_object('status', 'SUBMITTED', 'reference', rf.reference) AS after
    FROM gen_app a JOIN gen_ref rf ON rf.id = a.id
  UNION ALL
  SELECT a.id, 2, 'bench-officer-2', 'Bench Officer 2', 'senior-officer',
         CASE WHEN a.status = 'WITHDRAWN' THEN 'application.withdrawn' ELSE 'review.decision.countersigned' END,
         jsonb_build_object('status', 'RECOMMENDED'), jsonb_build_object('status', a.status)
    FROM gen_app a WHERE a.status NOT IN ('DRAFT','SUBMITTED','UNDER_REVIEW','INFORMATION_REQUESTED','RECOMMENDED')
) x
ORDER BY x.app_id, x.step;

\echo '== screening list: a generated import version and its entries (names keyed by src/bench/NameKeyRows.java)'
INSERT INTO screening_list_version (kind, format, file_name, file_sha256, created_by_subject, created_by_name, entry_count, added)
VALUES ('IMPORT', 'CSL_CSV', 'bench-generated-' || :entries || '.csv', encode(sha256(('bench' || :entries || :seed)::bytea), 'hex'),
        'bench-generator', 'bench-generator', :entries, :entries)
RETURNING id AS list_version \gset
INSERT INTO screening_entry (entry_key, origin, source, entity_type, name, alt_names, addresses, programs, federal_register_notice,
    start_date, license_requirement, license_policy, content_hash, added_in)
SELECT 'GEN-' || i, 'IMPORT',
       pg_temp.pick(i, 40, ARRAY['Entity List (EL) - Bureau of Industry and Security','Military End User (MEU) List - Bureau of Industry and Security',
                                'Specially Designated Nationals (SDN) - Treasury Department']),
       'Entity', n.name,
       CASE WHEN i % 4 = 0 THEN jsonb_build_array(upper(n.core)) ELSE '[]'::jsonb END,
       jsonb_build_array(jsonb_build_object('address', 'District ' || pg_temp.r(i, 41, 40), 'city', n.place, 'country',
                         CASE n.place WHEN 'Moscow' THEN 'RU' WHEN 'Tehran' THEN 'IR' WHEN 'Hong Kong' THEN 'HK' ELSE 'CN' END)),
       'EAR', '89 FR ' || (10000 + pg_temp.r(i, 42, 90000)), DATE '2018-01-01' + pg_temp.r(i, 43, 2500)::int,
       'For all items subject to the EAR.', 'Presumption of denial.',
       encode(sha256(('GEN-' || i || n.name)::bytea), 'hex'), :list_version
FROM generate_series(1, :entries) i
CROSS JOIN LATERAL (SELECT core, place,
         CASE WHEN pg_temp.r(i, 44, 2) = 0 THEN place || ' ' ELSE '' END || core || ' '
         || pg_temp.pick(i, 45, ARRAY['Technology','Electronics','Information','Trading','Semiconductor','Industrial','Precision',
                                      'Microelectronics','Optical','Software','Equipment','Materials','Research Institute'])
         || ' ' || pg_temp.pick(i, 46, ARRAY['Co., Ltd.','Limited','Corporation','Group Co., Ltd.','Inc.','JSC']) AS name
  FROM (SELECT initcap(pg_temp.pick(i, 47, s)) || pg_temp.pick(i, 48, s) || CASE WHEN pg_temp.r(i, 49, 2) = 0 THEN pg_temp.pick(i, 50, s) ELSE '' END AS core,
               pg_temp.pick(i, 51, ARRAY['Beijing','Shanghai','Shenzhen','Hangzhou','Wuhan','Chengdu','Tianjin','Nanjing','Suzhou','Xi''an',
                                          'Hong Kong','Moscow','Tehran']) AS place
          FROM (SELECT ARRAY['zhong','hua','xin','tian','long','feng','yun','hai','jin','shan','kang','rui','tong','da','guang','ming',
                             'xing','chen','bo','sheng','wei','jia','heng','yuan','li','an','kai','tai','hong','qi','sen','lan','ding',
                             'fu','mei','nuo'] AS s) syl) w) n
ON CONFLICT DO NOTHING;

\echo '== members of Congress, bills, cosponsors, actions'
INSERT INTO congress_member (bioguide_id, first_name, last_name, full_name, party, state, district, chamber, source)
SELECT m.id, m.first, m.last, m.first || ' ' || m.last, m.party, m.state,
       CASE WHEN m.chamber = 'House' THEN 1 + pg_temp.r(i, 60, 20)::int END, m.chamber, 'legislators'
FROM generate_series(1, :members) i
CROSS JOIN LATERAL (SELECT chr(65 + pg_temp.r(i, 61, 26)::int) || lpad((800000 + i)::text, 6, '0') AS id,
       pg_temp.pick(i, 62, ARRAY['James','Mary','Robert','Patricia','John','Jennifer','Michael','Linda','David','Elizabeth','Maria','Chris','Pete','Ana','Daniel']) AS first,
       pg_temp.pick(i, 63, ARRAY['Smith','Johnson','Williams','Brown','Jones','Garcia','Miller','Davis','Rodriguez','Martinez','Hernandez','Lopez','Wilson','Anderson','Thomas','Taylor','Moore','Jackson','Martin','Lee']) || CASE WHEN i % 3 = 0 THEN '-' || pg_temp.pick(i, 64, ARRAY['Hill','Ward','Reed','Cole']) ELSE '' END AS last,
       CASE WHEN pg_temp.r(i, 65, 100) < 49 THEN 'D' WHEN pg_temp.r(i, 65, 100) < 98 THEN 'R' ELSE 'I' END AS party,
       pg_temp.pick(i, 66, ARRAY['CA','TX','NY','FL','PA','OH','IL','NE','DE','WA','GA','NC','MI','AZ','MA']) AS state,
       CASE WHEN i % 5 = 0 THEN 'Senate' ELSE 'House' END AS chamber) m
ON CONFLICT DO NOTHING;
CREATE TEMP TABLE gen_member AS SELECT row_number() OVER (ORDER BY bioguide_id) - 1 AS k, bioguide_id, party FROM congress_member;
SELECT count(*) AS n_member FROM gen_member \gset
SELECT coalesce(max(id), 0) AS bill_base FROM bill \gset

-- 7 congresses × 4 types; numbers stay under 1,000 so they never collide with the demo S. 3374.
INSERT INTO bill (id, congress, bill_type, number, title_display, title_official, introduced_date, origin_chamber, policy_area,
    sponsor_bioguide_id, status, status_date, latest_action_date, latest_action_text, legislation_url, tracked, search_text, changed_at)
SELECT :bill_base + i, b.congress, b.type, b.number, b.title, 'To ' || lower(b.title) || ', and for other purposes.',
       b.introduced, CASE WHEN b.type IN ('s', 'sjres') THEN 'Senate' ELSE 'House' END,
       pg_temp.pick(i, 70, ARRAY['Foreign Trade and International Finance','International Affairs','Science, Technology, Communications','Armed Forces and National Security','Commerce']),
       (SELECT bioguide_id FROM gen_member WHERE k = pg_temp.r(i, 71, :n_member)),
       pg_temp.pick(i, 72, ARRAY['INTRODUCED','IN_COMMITTEE','IN_COMMITTEE','IN_COMMITTEE','REPORTED','PASSED_SENATE','PASSED_HOUSE','BECAME_LAW']),
       b.introduced + ((:actions_per_bill - 1) * 7), b.introduced + ((:actions_per_bill - 1) * 7), 'Referred to the Subcommittee on Trade.',
       'https://www.congress.gov/bill/' || b.congress || 'th-congress/' || CASE WHEN b.type IN ('s','sjres') THEN 'senate' ELSE 'house' END
         || '-bill/' || b.number,
       i % 10 = 0, b.title || ' ' || upper(b.type) || ' ' || b.number || ' export controls China semiconductors',
       TIMESTAMPTZ '2026-11-01Z'
FROM generate_series(1, :bills) i
CROSS JOIN LATERAL (SELECT 113 + (i % 7) AS congress, (ARRAY['hr','s','hres','sjres'])[1 + ((i / 7) % 4)] AS type, 1 + i / 28 AS number,
       DATE '2013-01-03' + ((i % 7) * 730) + pg_temp.r(i, 73, 700)::int AS introduced,
       pg_temp.pick(i, 74, ARRAY['Chip Security','Advanced AI Export Control','Semiconductor Supply Chain Resilience','Stop Stealing our Chips',
                                 'Remote Access Security','Outbound Investment Transparency','Foreign Adversary AI Prevention','CHIPS Workforce'])
         || ' Act of ' || (2013 + (i % 7) * 2) AS title) b;
SELECT setval(pg_get_serial_sequence('bill', 'id'), (SELECT max(id) FROM bill)) AS _ \gset
INSERT INTO bill_action (bill_id, action_date, source_code, source_name, text, action_code, action_type, action_key)
SELECT b.id, b.introduced_date + (k - 1) * 7,
       CASE WHEN b.origin_chamber = 'Senate' THEN '0' ELSE '2' END, CASE WHEN b.origin_chamber = 'Senate' THEN 'Senate' ELSE 'House floor actions' END,
       CASE WHEN k = 1 THEN 'Introduced in ' || b.origin_chamber
            ELSE pg_temp.pick(b.id * 50 + k, 80, ARRAY['Referred to the Committee on Foreign Affairs.','Referred to the Subcommittee on Trade.',
                 'Committee hearings held.','Ordered to be reported in the nature of a substitute (amended).','Sponsor introductory remarks on measure.',
                 'Read twice and referred to the Committee on Banking, Housing, and Urban Affairs.']) || ' (' || k || ')' END,
       CASE WHEN k = 1 THEN 'Intro-H' ELSE 'H11100' END, CASE WHEN k = 1 THEN 'IntroReferral' ELSE 'Committee' END,
       'gen|' || k
FROM bill b CROSS JOIN generate_series(1, :actions_per_bill) k
WHERE b.id > :bill_base
ORDER BY b.id, k;
INSERT INTO bill_cosponsor (bill_id, bioguide_id, sponsorship_date, original, withdrawn_date)
SELECT b.id, m.bioguide_id, b.introduced_date + (j / 3) * 14, j < 3, CASE WHEN j = 7 THEN b.introduced_date + 200 END
FROM bill b CROSS JOIN generate_series(0, pg_temp.r(b.id, 90, 12)::int) j
JOIN gen_member m ON m.k = (pg_temp.r(b.id, 91, :n_member) + j * 37) % :n_member
WHERE b.id > :bill_base AND m.bioguide_id IS DISTINCT FROM b.sponsor_bioguide_id
ON CONFLICT DO NOTHING;
INSERT INTO bill_subject (bill_id, subject)
SELECT b.id, s FROM bill b CROSS JOIN LATERAL (VALUES (pg_temp.pick(b.id, 92, ARRAY['Export controls','China','Computers and information technology'])),
                                                      (pg_temp.pick(b.id, 93, ARRAY['Trade restrictions','Sanctions','Technology transfer']))) v(s)
WHERE b.id > :bill_base ON CONFLICT DO NOTHING;
INSERT INTO bill_tag (bill_id, kind, label)
SELECT b.id, 'TOPIC', 'Chip exports' FROM bill b WHERE b.id > :bill_base AND b.tracked
UNION ALL SELECT b.id, 'COUNTRY', 'China' FROM bill b WHERE b.id > :bill_base AND b.tracked;

\echo '== rebuilding the secondary indexes'
-- the tracker_version triggers (V75) are deferred to commit; CREATE INDEX refuses tables with pending trigger events,
-- so fire them now (one version bump for the whole load)
SET CONSTRAINTS ALL IMMEDIATE;
SELECT def FROM gen_idx \gexec
COMMIT;
\echo '== statistics and visibility map'
-- as autovacuum would leave a database in service: without the visibility map every index-only scan (the open-queue
-- count, V89) fetched each heap row (10,001 heap fetches, 1.2 s cold at large instead of milliseconds)
VACUUM (ANALYZE);
