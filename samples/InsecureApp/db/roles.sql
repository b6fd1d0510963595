-- Deliberately insecure set-up script: fed to PgGuard's SQL rules as an additional file.
-- Each statement names the rule it shows; nothing here is ever run.
CREATE ROLE reporting WITH LOGIN SUPERUSER PASSWORD 'reporting';  -- PG0100 (SUPERUSER), PG0105 (literal password)
GRANT pg_execute_server_program TO reporting;                     -- PG0101: server programs for an app role
COPY audit_log TO PROGRAM 'gzip > /tmp/audit.gz';                  -- PG0102: runs a program on the database host
GRANT SELECT ON ALL TABLES IN SCHEMA public TO PUBLIC;            -- PG0103
SET SESSION AUTHORIZATION postgres;                                -- PG0104: switches identity
CREATE FUNCTION purge_audit() RETURNS void
    LANGUAGE sql SECURITY DEFINER                                  -- PG0106: no pinned search_path
    AS 'DELETE FROM audit_log';
ALTER SYSTEM SET log_statement = 'none';                           -- PG0107: server configuration from the app
CREATE EXTENSION IF NOT EXISTS plpython3u;                         -- PG0108: untrusted language
