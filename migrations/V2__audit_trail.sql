-- Append-only audit trail, chained by SHA-256 so that any edit of a past record is detectable.
CREATE TABLE audit_record (
    id            bigint      PRIMARY KEY,
    occurred_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
    actor_subject text        NOT NULL,
    actor_name    text        NOT NULL,
    actor_roles   text        NOT NULL DEFAULT '',
    action        text        NOT NULL CHECK (action ~ '^[a-z][a-z0-9_.-]*$'),
    target_type   text        NOT NULL,
    target_id     text        NOT NULL,
    before_state  jsonb,
    after_state   jsonb,
    request_id    text,
    prev_hash     char(64)    NOT NULL,
    hash          char(64)    NOT NULL
);
CREATE SEQUENCE audit_record_id_seq;
CREATE INDEX audit_record_target_idx ON audit_record (target_type, target_id, id);
CREATE INDEX audit_record_actor_idx ON audit_record (actor_subject, id);

-- The digest covers every field and the previous record's hash.
CREATE FUNCTION audit_record_digest(r audit_record) RETURNS char(64)
LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(
      r.id::text
      || '|' || to_char(r.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
      || '|' || r.actor_subject || '|' || r.actor_name || '|' || r.actor_roles
      || '|' || r.action || '|' || r.target_type || '|' || r.target_id
      || '|' || coalesce(r.before_state::text, 'null')
      || '|' || coalesce(r.after_state::text, 'null')
      || '|' || coalesce(r.request_id, '')
      || '|' || r.prev_hash, 'UTF8')), 'hex')
$$;

-- Serialises writers so ids follow chain order; the lock is held to commit, so audit writes come last in a transaction.
CREATE FUNCTION audit_record_chain() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  last_hash char(64);
BEGIN
  PERFORM pg_advisory_xact_lock(7316400001);
  NEW.id := nextval('audit_record_id_seq');
  NEW.occurred_at := clock_timestamp();
  SELECT hash INTO last_hash FROM audit_record ORDER BY id DESC LIMIT 1;
  NEW.prev_hash := coalesce(last_hash, repeat('0', 64));
  NEW.hash := audit_record_digest(NEW);
  RETURN NEW;
END $$;

CREATE FUNCTION audit_record_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_record is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER audit_record_chain BEFORE INSERT ON audit_record
  FOR EACH ROW EXECUTE FUNCTION audit_record_chain();
CREATE TRIGGER audit_record_no_update BEFORE UPDATE OR DELETE ON audit_record
  FOR EACH ROW EXECUTE FUNCTION audit_record_refuse_change();
CREATE TRIGGER audit_record_no_truncate BEFORE TRUNCATE ON audit_record
  FOR EACH STATEMENT EXECUTE FUNCTION audit_record_refuse_change();
REVOKE UPDATE, DELETE, TRUNCATE ON audit_record FROM PUBLIC;

-- Verification walks the chain in id order; returns the first broken record, or nothing when intact.
CREATE FUNCTION audit_chain_first_break(OUT broken_id bigint, OUT reason text, OUT checked bigint)
LANGUAGE plpgsql STABLE AS $$
DECLARE
  r audit_record;
  expected_prev char(64) := repeat('0', 64);
BEGIN
  checked := 0;
  FOR r IN SELECT * FROM audit_record ORDER BY id LOOP
    checked := checked + 1;
    IF r.prev_hash <> expected_prev THEN
      broken_id := r.id; reason := 'previous-hash link does not match the record before it'; RETURN;
    END IF;
    IF r.hash <> audit_record_digest(r) THEN
      broken_id := r.id; reason := 'content does not match its hash (record altered)'; RETURN;
    END IF;
    expected_prev := r.hash;
  END LOOP;
END $$;
