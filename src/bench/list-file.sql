-- The screening list in force as a Consolidated Screening List CSV file (the layout a senior officer uploads at
-- /screening/import), optionally with a list update applied (issue 8, run.sh step 3b).
-- psql -v share=0.01 -v seed=N -v out=FILE -f src/bench/list-file.sql
--   share 0: the list as it is (every entry once, _id = its entry key; the file re-imports unchanged).
--   share s: about s of the entries touched, in equal thirds: retired (left out of the file), renamed (a word added to
--            the name, the former name kept as an alias, as a listed company renamed is published) and added (new
--            entries named from two existing ones: the first word of one, the rest of another's name, so the new
--            names look like and share words with the listed ones). seed picks which entries, so successive updates
--            differ.
-- Addresses are written "street, city, state, postal code, country code" (ListFileParser.cslAddress reads the last
-- part as the country), so a file written from entries imported from such a file re-imports unchanged.
\set ON_ERROR_STOP 1
CREATE TEMP TABLE list_file AS
WITH e AS (
  SELECT e.*, abs(hashtext(e.entry_key || ':' || :'seed')) % 1000000 AS pick
  FROM screening_entry e WHERE e.retired_in IS NULL
), kept AS (
  SELECT e.id, e.entry_key, e.source, e.entity_type, e.title, e.programs, e.federal_register_notice, e.start_date,
         e.end_date, e.license_requirement, e.license_policy, e.remarks, e.source_list_url, e.addresses,
         CASE WHEN e.pick < 1000000 * :share / 3 * 2 THEN regexp_replace(e.name, '^(\S+)',
                '\1 ' || (ARRAY['Xinda', 'Huatai', 'Zhongke', 'Tianyuan', 'Guoxin', 'Hengtong'])[1 + e.pick % 6])
              ELSE e.name END AS name,
         CASE WHEN e.pick < 1000000 * :share / 3 * 2 THEN e.alt_names || jsonb_build_array(e.name) ELSE e.alt_names END AS alt_names
  FROM e WHERE e.pick >= 1000000 * :share / 3
), added AS (
  SELECT a.id, 'BENCH-' || :'seed' || '-' || a.id AS entry_key, a.source, a.entity_type, a.title, a.programs,
         a.federal_register_notice, a.start_date, a.end_date, a.license_requirement, a.license_policy, a.remarks,
         a.source_list_url, b.addresses,
         split_part(a.name, ' ', 1) || substr(b.name, length(split_part(b.name, ' ', 1)) + 1) AS name, '[]'::jsonb AS alt_names
  FROM e a JOIN e b ON b.id = (SELECT min(id) FROM e WHERE id > a.id + 7)
  WHERE a.pick >= 1000000 * :share / 3 * 2 AND a.pick < 1000000 * :share
)
SELECT * FROM kept UNION ALL SELECT * FROM added;

\o :out
COPY (SELECT entry_key AS "_id", source, entity_type AS type, name, title, (SELECT string_agg(a, '; ' ORDER BY o) FROM jsonb_array_elements_text(alt_names) WITH ORDINALITY x(a, o)) AS alt_names, (SELECT string_agg(concat_ws(', ', nullif(ad->>'address', ''), nullif(ad->>'city', ''), nullif(ad->>'state', ''), nullif(ad->>'postalCode', ''), nullif(ad->>'country', '')), '; ' ORDER BY o) FROM jsonb_array_elements(addresses) WITH ORDINALITY x(ad, o)) AS addresses, programs, federal_register_notice, start_date, end_date, license_requirement, license_policy, remarks, source_list_url FROM list_file ORDER BY id, entry_key) TO STDOUT WITH (FORMAT csv, HEADER);
\o
