-- The audit log is append-only: entries are evidence of who changed what. Any UPDATE, DELETE or
-- TRUNCATE of audit_log fails, whoever runs it (the application, the CLI or someone in psql).
-- Statement-level triggers fire even when no row matches, so the attempt itself is refused.
CREATE FUNCTION "audit_log_reject_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'Журнал аудита только пополняется: % запрещён (audit_log is append-only)', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "audit_log_no_update_delete"
  BEFORE UPDATE OR DELETE ON "audit_log"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_log_reject_change"();
--> statement-breakpoint
CREATE TRIGGER "audit_log_no_truncate"
  BEFORE TRUNCATE ON "audit_log"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_log_reject_change"();
