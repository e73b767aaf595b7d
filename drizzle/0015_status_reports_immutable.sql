-- Status reports are part of a contract's history (issue 5): once filed they are never edited or
-- deleted (a correction is a new report naming the one it corrects).
CREATE FUNCTION status_reports_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'status_reports: % is refused: a filed report is kept as filed', TG_OP
    USING ERRCODE = 'integrity_constraint_violation';
END
$$;
--> statement-breakpoint
CREATE TRIGGER status_reports_immutable BEFORE UPDATE OR DELETE ON status_reports
  FOR EACH ROW EXECUTE FUNCTION status_reports_refuse_change();
--> statement-breakpoint
CREATE TRIGGER status_reports_no_truncate BEFORE TRUNCATE ON status_reports
  FOR EACH STATEMENT EXECUTE FUNCTION status_reports_refuse_change();
