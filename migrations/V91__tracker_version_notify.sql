-- Each committed change to the tracker is also announced on channel tracker_version (delivered at commit, never for a
-- rolled-back transaction), so that every portal instance knows the current version without asking for it on every
-- anonymous request (congress/TrackerVersionListener). The payload is the new version; listeners re-read the row.
CREATE OR REPLACE FUNCTION tracker_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE v bigint;
BEGIN
    IF current_setting('portal.tracker_bumped', true) IS DISTINCT FROM txid_current()::text THEN
        PERFORM set_config('portal.tracker_bumped', txid_current()::text, true);
        UPDATE tracker_version SET version = version + 1, changed_at = greatest(changed_at, clock_timestamp())
            RETURNING version INTO v;
        PERFORM pg_notify('tracker_version', v::text);
    END IF;
    RETURN NULL;
END $$;
