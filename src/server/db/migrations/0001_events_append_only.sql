-- The event log is append-only: no role that connects through the application can
-- change or remove history. Tampering needs a superuser who disables this trigger,
-- and `luoshi audit verify` then finds the altered or removed row by its hash chain.
CREATE OR REPLACE FUNCTION luoshi_events_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'events are append-only (% refused)', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER events_no_update_delete
  BEFORE UPDATE OR DELETE ON "events"
  FOR EACH ROW EXECUTE FUNCTION luoshi_events_append_only();
--> statement-breakpoint
CREATE TRIGGER events_no_truncate
  BEFORE TRUNCATE ON "events"
  FOR EACH STATEMENT EXECUTE FUNCTION luoshi_events_append_only();
