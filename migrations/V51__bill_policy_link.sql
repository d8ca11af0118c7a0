-- Tracker editors link a bill to the licence policy version it would change (used by officials when law changes).
ALTER TABLE bill ADD COLUMN policy_version_id bigint REFERENCES policy_version (id);
CREATE INDEX bill_policy_version_idx ON bill (policy_version_id) WHERE policy_version_id IS NOT NULL;
