-- Messages are part of the record of the work: once sent they can be neither edited nor deleted,
-- by any code path (a bug, a script, a psql session). The same holds for what was attached to
-- them and for the history of read receipts; a thread can be made read-only but not removed.
CREATE FUNCTION messages_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'messages: % on % is refused: messages cannot be edited or deleted once sent',
    TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'integrity_constraint_violation';
END
$$;
--> statement-breakpoint
CREATE TRIGGER messages_immutable BEFORE UPDATE OR DELETE ON messages
  FOR EACH ROW EXECUTE FUNCTION messages_refuse_change();
--> statement-breakpoint
CREATE TRIGGER messages_no_truncate BEFORE TRUNCATE ON messages
  FOR EACH STATEMENT EXECUTE FUNCTION messages_refuse_change();
--> statement-breakpoint
CREATE TRIGGER message_attachments_immutable BEFORE UPDATE OR DELETE ON message_attachments
  FOR EACH ROW EXECUTE FUNCTION messages_refuse_change();
--> statement-breakpoint
CREATE TRIGGER message_attachments_no_truncate BEFORE TRUNCATE ON message_attachments
  FOR EACH STATEMENT EXECUTE FUNCTION messages_refuse_change();
--> statement-breakpoint
CREATE TRIGGER message_read_marks_immutable BEFORE UPDATE OR DELETE ON message_read_marks
  FOR EACH ROW EXECUTE FUNCTION messages_refuse_change();
--> statement-breakpoint
CREATE TRIGGER message_threads_keep_rows BEFORE DELETE ON message_threads
  FOR EACH ROW EXECUTE FUNCTION messages_refuse_change();
--> statement-breakpoint
CREATE TRIGGER message_threads_keep_identity BEFORE UPDATE OF id, context_kind, context_id, created_at
  ON message_threads FOR EACH ROW EXECUTE FUNCTION messages_refuse_change();
--> statement-breakpoint
CREATE TRIGGER message_threads_no_truncate BEFORE TRUNCATE ON message_threads
  FOR EACH STATEMENT EXECUTE FUNCTION messages_refuse_change();
--> statement-breakpoint
-- A participant's read position only moves forward.
CREATE FUNCTION thread_participants_read_forward() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.last_read_seq < OLD.last_read_seq OR NEW.thread_id <> OLD.thread_id OR NEW.user_id <> OLD.user_id THEN
    RAISE EXCEPTION 'thread_participants: a read position only moves forward and a participant stays in their thread'
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER thread_participants_forward BEFORE UPDATE ON thread_participants
  FOR EACH ROW EXECUTE FUNCTION thread_participants_read_forward();
