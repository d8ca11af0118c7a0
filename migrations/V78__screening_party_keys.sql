-- Name keys of screened parties (NameKeys.key / coreKey of each name), written whenever a party is screened, so
-- that after a list update only the parties an added, changed or removed entry could match are screened again.
CREATE TABLE screening_party_key (
    subject_type  text     NOT NULL,
    subject_id    bigint   NOT NULL,
    fingerprint   char(64) NOT NULL CHECK (fingerprint ~ '^[0-9a-f]{64}$'),
    name_key      text     NOT NULL CHECK (length(name_key) > 0),
    core_key      text,
    PRIMARY KEY (subject_type, subject_id, name_key)
);
CREATE INDEX screening_party_key_trgm ON screening_party_key USING gin (name_key gin_trgm_ops);

-- Which matching rules (PartyScorer.MATCHING_RULES) a re-screening applied: when they change, the next list
-- update screens every open party again instead of only those the changed entries concern.
ALTER TABLE screening_job ADD COLUMN matching_rules text;
