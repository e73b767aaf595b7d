-- Every app process caches the sessions it looked up (accounts/session-cache.ts). Whatever changes
-- a sign-in, by any code path or by hand, tells every process to forget them (delivered on commit).
CREATE FUNCTION workroom_notify_auth_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('workroom_auth', TG_TABLE_NAME);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER sessions_auth_change AFTER UPDATE OF revoked_at, expires_at, user_id, token_hash OR DELETE ON sessions
  FOR EACH STATEMENT EXECUTE FUNCTION workroom_notify_auth_change();
--> statement-breakpoint
CREATE TRIGGER users_auth_change AFTER UPDATE OF roles, email OR DELETE ON users
  FOR EACH STATEMENT EXECUTE FUNCTION workroom_notify_auth_change();
