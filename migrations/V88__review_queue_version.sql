-- Freshness of the officers' work queues (issue 8): the queue tabs count the open cases (unassigned, mine, waiting,
-- countersignature, overdue, all open) and the closed ones (capped). At a million applications that count is most of
-- a queue page's time, yet it changes only when a submitted application, a review case or an information request does.
-- Each instance keeps the counts it computed for the version they were computed at (ReviewQueries.counts); this
-- version, raised in the same transaction as the change, makes a count computed anywhere invalid everywhere at once.
CREATE TABLE review_queue_version (
    id       boolean PRIMARY KEY DEFAULT true CHECK (id),
    version  bigint  NOT NULL DEFAULT 1 CHECK (version > 0)
);
INSERT INTO review_queue_version DEFAULT VALUES;

-- Deferred to commit and once per transaction, like tracker_version_bump (V75): the row lock is a writer's last lock
-- (no deadlocks) and held only while it commits.
CREATE FUNCTION review_queue_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('portal.review_queue_bumped', true) IS DISTINCT FROM txid_current()::text THEN
        PERFORM set_config('portal.review_queue_bumped', txid_current()::text, true);
        UPDATE review_queue_version SET version = version + 1;
    END IF;
    RETURN NULL;
END $$;

-- Drafts are in no queue: a vendor editing a draft does not invalidate the officers' counts.
CREATE CONSTRAINT TRIGGER application_insert_review_queue_version AFTER INSERT ON application
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.status <> 'DRAFT') EXECUTE FUNCTION review_queue_version_bump();
CREATE CONSTRAINT TRIGGER application_update_review_queue_version AFTER UPDATE ON application
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (OLD.status <> 'DRAFT' OR NEW.status <> 'DRAFT')
    EXECUTE FUNCTION review_queue_version_bump();
CREATE CONSTRAINT TRIGGER application_delete_review_queue_version AFTER DELETE ON application
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (OLD.status <> 'DRAFT') EXECUTE FUNCTION review_queue_version_bump();
CREATE CONSTRAINT TRIGGER review_case_review_queue_version AFTER INSERT OR UPDATE OR DELETE ON review_case
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION review_queue_version_bump();
CREATE CONSTRAINT TRIGGER information_request_review_queue_version AFTER INSERT OR UPDATE OR DELETE ON information_request
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION review_queue_version_bump();
