-- A contract's record is its official history (issue 5): entries are appended, never edited,
-- deleted or reordered, by any code path (a bug, a script, a psql session).
CREATE FUNCTION contract_record_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '%: % is refused: the contract record is append-only', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'integrity_constraint_violation';
END
$$;
--> statement-breakpoint
CREATE TRIGGER contract_record_entries_immutable BEFORE UPDATE OR DELETE ON contract_record_entries
  FOR EACH ROW EXECUTE FUNCTION contract_record_refuse_change();
--> statement-breakpoint
CREATE TRIGGER contract_record_entries_no_truncate BEFORE TRUNCATE ON contract_record_entries
  FOR EACH STATEMENT EXECUTE FUNCTION contract_record_refuse_change();
--> statement-breakpoint
-- An insert must continue the chain: the next seq, linked to the current last entry's hash (the
-- genesis hash of canonical.ts for the first). Two racing inserts of the same seq collide on the
-- primary key, so even code that skips the head lock cannot fork a chain.
CREATE FUNCTION contract_record_continue_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  last_seq integer;
  last_hash text;
BEGIN
  SELECT seq, hash INTO last_seq, last_hash FROM contract_record_entries
   WHERE contract_id = NEW.contract_id ORDER BY seq DESC LIMIT 1;
  IF last_seq IS NULL THEN
    last_seq := 0;
    last_hash := encode(sha256(convert_to('workroom-record/1:genesis:' || NEW.contract_id::text, 'UTF8')), 'hex');
  END IF;
  IF NEW.seq <> last_seq + 1 OR NEW.prev_hash <> last_hash THEN
    RAISE EXCEPTION 'contract_record_entries: entry % of contract % does not continue the chain (the last entry is % with hash %)',
      NEW.seq, NEW.contract_id, last_seq, last_hash
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER contract_record_entries_chain BEFORE INSERT ON contract_record_entries
  FOR EACH ROW EXECUTE FUNCTION contract_record_continue_chain();
--> statement-breakpoint
-- The head row only follows the chain forward, to an entry that exists.
CREATE FUNCTION contract_record_head_forward() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'contract_record_heads: DELETE is refused: a chain head is kept for good'
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF NEW.contract_id <> OLD.contract_id OR NEW.seq < OLD.seq
     OR (NEW.seq = OLD.seq AND NEW.hash <> OLD.hash)
     OR (NEW.seq > OLD.seq AND NOT EXISTS (
       SELECT 1 FROM contract_record_entries e
        WHERE e.contract_id = NEW.contract_id AND e.seq = NEW.seq AND e.hash = NEW.hash)) THEN
    RAISE EXCEPTION 'contract_record_heads: a head only moves forward to an existing entry'
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER contract_record_heads_forward BEFORE UPDATE OR DELETE ON contract_record_heads
  FOR EACH ROW EXECUTE FUNCTION contract_record_head_forward();
--> statement-breakpoint
CREATE TRIGGER contract_record_heads_no_truncate BEFORE TRUNCATE ON contract_record_heads
  FOR EACH STATEMENT EXECUTE FUNCTION contract_record_refuse_change();
