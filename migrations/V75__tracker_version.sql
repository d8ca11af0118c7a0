-- Freshness of the public bill tracker, kept by the database so that every portal instance computes the same ETag and
-- a change made through any instance (curation, import, congress.gov refresh, even plain SQL) invalidates it.
-- One row; its version goes up by exactly one per committed transaction that changed tracker data.
CREATE TABLE tracker_version (
    id          boolean     PRIMARY KEY DEFAULT true CHECK (id),
    version     bigint      NOT NULL DEFAULT 1 CHECK (version > 0),
    changed_at  timestamptz NOT NULL DEFAULT clock_timestamp()
);
INSERT INTO tracker_version DEFAULT VALUES;

-- Runs at commit (deferred constraint trigger), once per transaction: the row lock on tracker_version is the last lock
-- a writer takes, so two writers cannot deadlock on it, and the versions follow commit order (a reader who sees
-- version n also sees every change committed before it). changed_at never goes backwards.
CREATE FUNCTION tracker_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('portal.tracker_bumped', true) IS DISTINCT FROM txid_current()::text THEN
        PERFORM set_config('portal.tracker_bumped', txid_current()::text, true);
        UPDATE tracker_version SET version = version + 1, changed_at = greatest(changed_at, clock_timestamp());
    END IF;
    RETURN NULL;
END $$;

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['bill', 'bill_action', 'bill_cosponsor', 'bill_subject', 'bill_title', 'bill_committee',
        'bill_related', 'bill_text_version', 'bill_summary', 'bill_law', 'bill_tag', 'congress_member', 'member_term',
        'committee', 'committee_seat'] LOOP
        EXECUTE format('CREATE CONSTRAINT TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I DEFERRABLE INITIALLY DEFERRED '
            'FOR EACH ROW EXECUTE FUNCTION tracker_version_bump()', t || '_tracker_version', t);
    END LOOP;
END $$;
