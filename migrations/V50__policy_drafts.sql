-- Senior officers prepare a new policy version as a draft, see what it would change, then publish it.
-- Only published versions take part in the "exactly one version in force per day" rule.
ALTER TABLE policy_version
    ADD COLUMN status text NOT NULL DEFAULT 'PUBLISHED' CHECK (status IN ('DRAFT', 'PUBLISHED')),
    ADD COLUMN created_by text,
    ADD COLUMN published_at timestamptz,
    ADD COLUMN published_by text;
ALTER TABLE policy_version DROP CONSTRAINT policy_version_no_overlap;
ALTER TABLE policy_version ADD CONSTRAINT policy_version_no_overlap
    EXCLUDE USING gist (daterange(effective_from, effective_to, '[)') WITH &&) WHERE (status = 'PUBLISHED');
UPDATE policy_version SET published_at = created_at, published_by = 'system' WHERE status = 'PUBLISHED';
